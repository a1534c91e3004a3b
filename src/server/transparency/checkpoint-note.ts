import { sign, verify } from 'node:crypto';
import type { Localized } from '../../engine/ruleset-schema';
import type { SigningKey, Verifier } from './signing-key';

/**
 * A checkpoint in the C2SP tlog-checkpoint format, signed as a C2SP signed note:
 *
 *   <origin>\n<tree size>\n<root hash, base64>\ntime <ISO 8601>\n\n— <key name> <base64(key id || signature)>\n
 *
 * The signature covers the text above the blank line. The time line is an extension line, and so
 * are the heads of the register's side logs after it (side-log-heads.ts: `events <n> <hash>`,
 * `access <n> <hash>`), which make erasing the record events or the access log evident.
 */
export type Checkpoint = { origin: string; size: number; rootHash: Buffer; time: string; extensions?: readonly string[] };
export type SignedCheckpoint = Checkpoint & { note: string };

const dash = '\u2014';

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.rootHash.toString('base64')}\ntime ${c.time}\n${(c.extensions ?? []).map((line) => `${line}\n`).join('')}`;
}

export function signCheckpoint(c: Checkpoint, key: SigningKey): SignedCheckpoint {
  const body = checkpointBody(c);
  const signature = sign(null, Buffer.from(body), key.privateKey);
  return { ...c, note: `${body}\n${dash} ${key.name} ${Buffer.concat([key.keyId, signature]).toString('base64')}\n` };
}

/** Why a pasted checkpoint does not open, in Swedish and English: the auditor reads it on the register page. */
export type OpenedCheckpoint = { ok: true; checkpoint: SignedCheckpoint; signedBy: string } | { ok: false; reason: Localized };

/** Parses a pasted checkpoint and checks its signature against the given keys; says what is wrong. */
export function openCheckpoint(text: string, verifiers: readonly Verifier[]): OpenedCheckpoint {
  const note = text.replace(/\r\n/g, '\n').replace(/^\s+/, '');
  const split = note.indexOf('\n\n');
  if (split < 0) return { ok: false, reason: { sv: 'texten har ingen tom rad mellan kontrollpunkten och dess signatur', en: 'the text has no blank line between the checkpoint and its signature' } };
  const body = note.slice(0, split + 1);
  const lines = body.split('\n').slice(0, -1);
  if (lines.length < 3) return { ok: false, reason: { sv: 'en kontrollpunkt har minst tre rader: loggens namn, trädets storlek och rothash', en: 'a checkpoint has at least three lines: origin, tree size, root hash' } };
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9]\d*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) return { ok: false, reason: { sv: `trädets storlek "${sizeText.slice(0, 30)}" är inte ett heltal`, en: `the tree size "${sizeText.slice(0, 30)}" is not a whole number` } };
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== rootText) return { ok: false, reason: { sv: 'rothashen är inte 32 byte i base64', en: 'the root hash is not 32 bytes in base64' } };
  const time = extensions.find((l) => l.startsWith('time '))?.slice(5) ?? '';
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (signatures.length === 0) return { ok: false, reason: { sv: 'kontrollpunkten är inte signerad', en: 'the checkpoint is not signed' } };
  for (const line of signatures) {
    const match = new RegExp(`^${dash} (\\S+) ([A-Za-z0-9+/=]+)$`).exec(line.trim());
    if (!match) return { ok: false, reason: { sv: `signaturraden "${line.slice(0, 40)}" har inte formen "${dash} <nyckelns namn> <base64>"`, en: `the signature line "${line.slice(0, 40)}" is not "${dash} <key name> <base64>"` } };
    const bytes = Buffer.from(match[2]!, 'base64');
    const verifier = verifiers.find((v) => v.name === match[1] && bytes.length === 68 && v.keyId.equals(bytes.subarray(0, 4)));
    if (!verifier) continue;
    if (!verify(null, Buffer.from(body), verifier.publicKey, bytes.subarray(4))) return {
        ok: false,
        reason: { sv: `signaturen av ${verifier.name} stämmer inte med kontrollpunkten: den har ändrats efter att den signerades, eller förfalskats`, en: `the signature by ${verifier.name} does not match the checkpoint: it was changed after it was signed, or forged` },
      };
    const others = extensions.filter((l) => !l.startsWith('time '));
    return { ok: true, checkpoint: { origin, size: Number(sizeText), rootHash, time, ...(others.length > 0 ? { extensions: others } : {}), note: `${body}\n${signatures.join('\n')}\n` }, signedBy: verifier.vkey };
  }
  return { ok: false, reason: { sv: 'kontrollpunkten är inte signerad med det här registrets nyckel (och inte med någon tidigare nyckel)', en: 'the checkpoint is not signed by this register\'s key (nor by a retired one)' } };
}
