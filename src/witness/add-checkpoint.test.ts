import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '../server/transparency/checkpoint-note';
import { cosignerOf, verifyCosignatures } from '../server/transparency/cosignature-note';
import { leafHash, MerkleTree } from '../server/transparency/merkle';
import { keyIdOf, rawPublicKey, type SigningKey } from '../server/transparency/signing-key';
import { Witness, type WitnessAnswer } from './add-checkpoint';
import { WitnessState } from './witness-state';

const origin = 'kommun.example/register';

function registerKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublicKey(publicKey);
  const keyId = keyIdOf(origin, raw);
  return { name: origin, keyId, publicKey, privateKey, vkey: `${origin}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}`, file: '', created: true };
}

function setup() {
  const key = registerKey();
  const { privateKey } = generateKeyPairSync('ed25519');
  const witnessKey = { ...cosignerOf('vittne.example/revisor', createPublicKey(privateKey)), privateKey };
  const dir = mkdtempSync(join(tmpdir(), 'witness-'));
  const state = new WitnessState(dir);
  const witness = new Witness({ key: witnessKey, logs: new Map([[origin, [key]]]), state, now: () => new Date('2026-03-01T10:00:00Z') });
  const tree = new MerkleTree();
  const grow = (t: MerkleTree, n: number, tag = 'a') => {
    for (let i = 0; i < n; i++) t.append(leafHash(`${tag}${t.size}`));
  };
  const note = (t: MerkleTree, k = key) => signCheckpoint({ origin, size: t.size, rootHash: t.root(t.size), time: '2026-03-01T10:00:00Z' }, k).note;
  const request = (old: number, t: MerkleTree, k = key, proofFrom = t) => `old ${old}\n${old > 0 ? proofFrom.consistencyProof(old, t.size).map((h) => `${h.toString('base64')}\n`).join('') : ''}\n${note(t, k)}`;
  return { key, witnessKey, dir, state, witness, tree, grow, note, request };
}

const statusOf = (a: WitnessAnswer) => a.status;

describe('the witness (C2SP tlog-witness add-checkpoint)', () => {
  it('cosigns the first checkpoint it sees and then each extension, with a cosignature that verifies', async () => {
    const { witness, tree, grow, request, witnessKey, state } = setup();
    grow(tree, 5);
    const first = await witness.addCheckpoint(request(0, tree));
    expect(first.status).toBe(200);
    grow(tree, 6);
    const second = await witness.addCheckpoint(request(5, tree));
    expect(second.status).toBe(200);
    if (second.status !== 200) return;
    const [cosig] = verifyCosignatures(second.note, second.cosignature, [witnessKey]);
    expect(cosig).toMatchObject({ cosigner: 'vittne.example/revisor', size: 11, timestamp: Date.parse('2026-03-01T10:00:00Z') / 1000 });
    expect(state.get(origin)?.size).toBe(11);
  });

  it('answers 409 with the size it holds when the old size is not its own', async () => {
    const { witness, tree, grow, request } = setup();
    grow(tree, 4);
    await witness.addCheckpoint(request(0, tree));
    grow(tree, 3);
    const answer = await witness.addCheckpoint(request(0, tree));
    expect(answer).toMatchObject({ status: 409, size: 4 });
  });

  it('refuses a rollback to a smaller tree, and keeps the register-signed refusal as evidence', async () => {
    const { witness, tree, grow, request, note, dir } = setup();
    grow(tree, 8);
    await witness.addCheckpoint(request(0, tree));
    const smaller = new MerkleTree();
    grow(smaller, 6);
    const answer = await witness.addCheckpoint(`old 8\n\n${note(smaller)}`);
    expect(answer.status).toBe(400);
    const kept = readFileSync(join(dir, 'refused.jsonl'), 'utf8');
    expect(kept).toContain('"status":400');
  });

  it('refuses a fork: another tree of the same size, or a larger tree whose proof fails', async () => {
    const { witness, tree, grow, request } = setup();
    grow(tree, 5);
    await witness.addCheckpoint(request(0, tree));
    const other = new MerkleTree();
    grow(other, 5, 'b');
    expect(statusOf(await witness.addCheckpoint(request(5, other)))).toBe(409);
    grow(other, 3, 'b');
    const answer = await witness.addCheckpoint(request(5, other));
    expect(answer.status).toBe(422);
    if (answer.status === 422) expect(answer.reason.sv).toContain('bygger inte vidare');
  });

  it('refuses a checkpoint of an unknown log (404) and one not signed by the register (403)', async () => {
    const { witness, tree, grow, request, note } = setup();
    grow(tree, 3);
    expect(statusOf(await witness.addCheckpoint(`old 0\n\n${note(tree).replace(origin, 'annan.example/log')}`))).toBe(404);
    expect(statusOf(await witness.addCheckpoint(request(0, tree, registerKey())))).toBe(403);
    expect(statusOf(await witness.addCheckpoint('old x\n\nfoo'))).toBe(400);
    expect(statusOf(await witness.addCheckpoint(`old 4\n\n${note(tree)}`))).toBe(400);
  });

  it('takes concurrent requests one at a time, so a slower smaller one cannot roll the state back', async () => {
    const { witness, tree, grow, request, state } = setup();
    grow(tree, 2);
    await witness.addCheckpoint(request(0, tree));
    const at2 = tree.size;
    grow(tree, 3);
    const big = request(at2, tree);
    const answers = await Promise.all([witness.addCheckpoint(big), witness.addCheckpoint(big)]);
    expect(answers.map(statusOf)).toEqual([200, 409]);
    expect(state.get(origin)?.size).toBe(5);
  });
});
