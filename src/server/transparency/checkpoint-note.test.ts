import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointBody, openCheckpoint, signCheckpoint } from './checkpoint-note';
import { leafHash } from './merkle';
import { loadOrCreateSigningKey, parseVerifierKey } from './signing-key';

const dir = mkdtempSync(join(tmpdir(), 'vagval-note-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = loadOrCreateSigningKey(join(dir, 'a', 'signing-key.pem'), 'register.example', () => {});
const other = loadOrCreateSigningKey(join(dir, 'b', 'signing-key.pem'), 'register.example', () => {});
const signed = signCheckpoint({ origin: 'register.example/log', size: 42, rootHash: leafHash('root'), time: '2026-12-01T14:00:00Z' }, key);

describe('signed checkpoints (C2SP tlog-checkpoint and signed-note)', () => {
  it('are origin, size, base64 root and a time line, a blank line, and an em-dash signature line', () => {
    const lines = signed.note.split('\n');
    expect(lines.slice(0, 5)).toEqual(['register.example/log', '42', leafHash('root').toString('base64'), 'time 2026-12-01T14:00:00Z', '']);
    expect(lines[5]).toMatch(/^— register\.example [A-Za-z0-9+/]{91}=$/);
    expect(checkpointBody(signed)).toBe(`${lines.slice(0, 4).join('\n')}\n`);
  });

  it('open under the key that signed them, with size, root and time', () => {
    const opened = openCheckpoint(signed.note, [key]);
    expect(opened).toMatchObject({ ok: true, checkpoint: { origin: 'register.example/log', size: 42, time: '2026-12-01T14:00:00Z' }, signedBy: key.vkey });
    // Pasted with Windows line ends and leading space, it is the same checkpoint.
    expect(openCheckpoint(`  ${signed.note.replace(/\n/g, '\r\n')}`, [key]).ok).toBe(true);
  });

  it('refuse, saying why, a changed size, a changed root, a missing signature, another key and garbage', () => {
    const reason = (text: string, keys = [key]) => {
      const opened = openCheckpoint(text, keys);
      return opened.ok ? 'opened' : opened.reason.en;
    };
    expect(reason(signed.note.replace('\n42\n', '\n41\n'))).toMatch(/does not match the checkpoint/);
    expect(reason(signed.note.replace(leafHash('root').toString('base64'), leafHash('other').toString('base64')))).toMatch(/does not match the checkpoint/);
    expect(reason(checkpointBody(signed))).toMatch(/no blank line/);
    expect(reason(`${checkpointBody(signed)}\n`)).toMatch(/not signed/);
    expect(reason(signed.note, [other])).toMatch(/not signed by this register's key/);
    expect(reason(signed.note.replace('\n42\n', '\nforty-two\n'))).toMatch(/not a whole number/);
    expect(reason('hello')).toMatch(/no blank line/);
  });

  it("write verifier keys that parse back to the same key, and refuse one whose id does not match", () => {
    expect(parseVerifierKey(key.vkey).keyId.equals(key.keyId)).toBe(true);
    expect(openCheckpoint(signed.note, [parseVerifierKey(key.vkey)]).ok).toBe(true);
    const [name, , ...rest] = key.vkey.split('+');
    expect(() => parseVerifierKey(`${name}+00000000+${rest.join('+')}`)).toThrow(/id does not match/);
  });
});
