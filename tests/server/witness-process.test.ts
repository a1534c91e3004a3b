import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { canonicalJson } from '../../src/engine/canonical-hash';
import { storedRecordHash } from '../../src/server/chain';
import { defaultSigningKeyFile, startServer, type RunningServer } from '../../src/server/start-server';
import { signCheckpoint } from '../../src/server/transparency/checkpoint-note';
import type { WitnessSetting } from '../../src/server/transparency/cosignatures';
import { MerkleTree } from '../../src/server/transparency/merkle';
import { loadOrCreateSigningKey } from '../../src/server/transparency/signing-key';
import { recordLeaf } from '../../src/server/transparency/transparency-log';
import { genesisHash, type RecordContent } from '../../src/shared/decision-record';
import { verificationReportSchema, type VerificationReport } from '../../src/shared/transparency';
import { witnessesSchema, type WitnessStatus } from '../../src/shared/witness-status';
import { auditor, ljungbyAnswers, post, saveRequest, tempDir } from './fixtures';
import { runWitness, spawnWitness, stopWitness } from './spawn-witness';

// The revisor's witness as a process of its own, and the register offering it each checkpoint:
// what the witness cosigns, and what it refuses when the register's operator rolls back, forks
// or rewrites the register, even with the signing key in hand.

const origin = 'vagval.local/register';
let dir: ReturnType<typeof tempDir>;
let witnessDir: ReturnType<typeof tempDir>;
let witness: { child: ChildProcess; url: string; key: string } | null = null;
const servers: RunningServer[] = [];
const copies: string[] = [];

const registerKey = (dataDir: string) => loadOrCreateSigningKey(defaultSigningKeyFile(dataDir), origin, () => {}).vkey;
const settings = (url?: string): WitnessSetting[] => [{ name: 'Revisionen', key: witness!.key, ...(url ? { url } : {}), maxAgeHours: 48 }];

async function start(dataDir = dir.path, withUrl = true): Promise<RunningServer> {
  const server = await startServer({ dataDir, port: 0, ruleset: nodeRuleset, log: () => {}, checkpointEvery: 1000, witnesses: settings(withUrl ? witness!.url : undefined) });
  servers.push(server);
  await server.cosignatures.settled();
  return server;
}
async function stop(server: RunningServer): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
}
async function save(server: RunningServer, n: number, tag = 'A'): Promise<void> {
  for (let i = 0; i < n; i++) {
    const response = await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 1000 + i } }, { justification: `Beslut ${tag}${i}: lågt värde, direktupphandling.` }));
    expect(response.status).toBe(201);
  }
  await server.transparency.checkpoint();
  await server.cosignatures.settled();
}
const witnessed = async (server: RunningServer): Promise<WitnessStatus> => witnessesSchema.parse(await (await fetch(`${server.url}/api/transparency/witnesses`)).json()).witnesses[0]!;
const held = async () => ((await (await fetch(`${witness!.url}/checkpoints`)).json()) as { logs: Array<{ size: number }> }).logs[0]?.size ?? 0;
const refusals = () => (existsSync(join(witnessDir.path, 'refused.jsonl')) ? readFileSync(join(witnessDir.path, 'refused.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: number; reason: string }) : []);
async function verify(server: RunningServer): Promise<VerificationReport> {
  return verificationReportSchema.parse(await (await fetch(`${server.url}/api/verify`, { headers: auditor })).json());
}
/** A copy of the register's data folder and evidence folder (the server stopped), as a second instance would run on. */
function copyRegister(from: string): string {
  const to = `${from}-copy${copies.length}`;
  cpSync(from, to, { recursive: true });
  cpSync(dirname(defaultSigningKeyFile(from)), dirname(defaultSigningKeyFile(to)), { recursive: true });
  copies.push(to);
  return to;
}
function restoreRegister(backup: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  rmSync(dirname(defaultSigningKeyFile(into)), { recursive: true, force: true });
  cpSync(backup, into, { recursive: true });
  cpSync(dirname(defaultSigningKeyFile(backup)), dirname(defaultSigningKeyFile(into)), { recursive: true });
}

beforeEach(async () => {
  dir = tempDir();
  witnessDir = tempDir('vagval-witness-');
  witness = await spawnWitness(witnessDir.path, registerKey(dir.path));
});
afterEach(async () => {
  for (const server of [...servers]) await stop(server);
  if (witness) await stopWitness(witness.child);
  witness = null;
  for (const copy of copies.splice(0)) {
    rmSync(copy, { recursive: true, force: true });
    rmSync(dirname(defaultSigningKeyFile(copy)), { recursive: true, force: true });
  }
  dir.remove();
  witnessDir.remove();
});

describe('the register and the revisor\'s witness', () => {
  it('cosigns each checkpoint that extends the last one, and the register shows and verifies it', async () => {
    const server = await start();
    await save(server, 3);
    expect(await held()).toBe(3);
    await save(server, 4);
    expect(await held()).toBe(7);
    const status = await witnessed(server);
    expect(status).toMatchObject({ name: 'Revisionen', size: 7, stale: false, refused: null });
    expect(status.cosigned).toMatch(/^vagval\.local\/register\n7\n[^]*\n\n— vagval\.local\/register \S+\n— vittne\.test\/revisor \S+\n$/);
    const report = await verify(server);
    expect(report.ok).toBe(true);
  });

  it('refuses a rollback: the register restored from last week\'s backup of database and evidence', async () => {
    let server = await start();
    await save(server, 3);
    await stop(server);
    const backup = copyRegister(dir.path);
    server = await start();
    await save(server, 3);
    expect(await held()).toBe(6);
    await stop(server);
    restoreRegister(backup, dir.path);
    server = await start();
    expect(await held()).toBe(6);
    expect(refusals().at(-1)).toMatchObject({ status: 400, reason: expect.stringContaining('rollback') });
    expect((await witnessed(server)).refused).toMatchObject({ status: 400, size: 3 });
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.logProblems.map((p) => p.detail).join('\n')).toContain('refused the checkpoint for 3 records');
  });

  it('refuses a fork: two copies of the register that each went on saving', async () => {
    let a = await start();
    await save(a, 3);
    await stop(a);
    const copy = copyRegister(dir.path);
    a = await start();
    await save(a, 3, 'A');
    expect(await held()).toBe(6);
    const b = await start(copy);
    await save(b, 4, 'B');
    expect(await held()).toBe(6);
    expect(refusals().at(-1)).toMatchObject({ status: 422 });
    expect((await witnessed(b)).refused?.reason.sv).toContain('bygger inte vidare');
    expect((await verify(b)).ok).toBe(false);
    expect((await verify(a)).ok).toBe(true);
  });

  it('refuses a rewritten record even when the forger rebuilt the leaves and re-signed the checkpoints with the real key', async () => {
    let server = await start();
    await save(server, 6);
    expect(await held()).toBe(6);
    await stop(server);
    // As someone with the database, the evidence folder and the key would do it: every trace made consistent.
    const db = new Database(join(dir.path, 'register.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER IF EXISTS decisions_no_delete');
    const row = db.prepare('SELECT content FROM decisions WHERE id = 2').get() as { content: string };
    const content = JSON.parse(row.content) as RecordContent;
    db.prepare('UPDATE decisions SET content = ? WHERE id = 2').run(canonicalJson({ ...content, justification: 'Ändrat i efterhand.' }));
    const rows = db.prepare('SELECT id, content FROM decisions ORDER BY id').all() as Array<{ id: number; content: string }>;
    for (const r of rows) db.prepare('UPDATE decisions SET hash = ? WHERE id = ?').run(`tmp-${r.id}`, r.id);
    let prev = genesisHash;
    const tree = new MerkleTree();
    const leaves: Buffer[] = [];
    for (const r of rows) {
      const hash = storedRecordHash(r.id, prev, r.content);
      db.prepare('UPDATE decisions SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
      prev = hash;
      leaves.push(recordLeaf(r.id, r.content));
      tree.append(leaves.at(-1)!);
    }
    db.close();
    const keyFile = defaultSigningKeyFile(dir.path);
    const evidence = dirname(keyFile);
    writeFileSync(join(evidence, 'leaves.bin'), Buffer.concat(leaves));
    const forged = signCheckpoint({ origin, size: tree.size, rootHash: tree.root(tree.size), time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') }, loadOrCreateSigningKey(keyFile, origin, () => {}));
    writeFileSync(join(evidence, 'checkpoints.jsonl'), `${JSON.stringify({ note: forged.note })}\n`);
    rmSync(join(evidence, 'last-verified.json'), { force: true });

    server = await start();
    expect(refusals().at(-1)).toMatchObject({ status: 409, reason: expect.stringContaining('forked') });
    const report = await verify(server);
    expect(report.ok).toBe(false);
    expect(report.logProblems.map((p) => p.detail).join('\n')).toContain('not consistent with the checkpoint the witness Revisionen cosigned');
    // Saving on does not get the forged history past the witness either.
    await save(server, 1);
    expect(refusals().at(-1)).toMatchObject({ status: 422 });
    expect(await held()).toBe(6);
  });
});

describe('the witness without a network path from the register', () => {
  it('pulls checkpoint and proof from the register\'s public endpoints, cosigns, and hands the cosignature back', async () => {
    await stopWitness(witness!.child);
    const server = await start(dir.path, false);
    await save(server, 3);
    const pulled = await runWitness(['pull', server.url, '--data', witnessDir.path]);
    expect(pulled.stdout).toContain('Bevittnat t.o.m. nr 3');
    expect(pulled.stdout).toContain('registret tog emot kontrasignaturen');
    expect(pulled.code).toBe(0);
    expect(await witnessed(server)).toMatchObject({ size: 3 });
    await save(server, 2);
    const again = await runWitness(['pull', server.url, '--data', witnessDir.path]);
    expect(again.code).toBe(0);
    expect(await witnessed(server)).toMatchObject({ size: 5 });
  });

  it('checks files the revisor brought, and refuses a checkpoint that does not extend what it cosigned', async () => {
    await stopWitness(witness!.child);
    const server = await start(dir.path, false);
    await save(server, 2);
    const files = tempDir('vagval-usb-');
    try {
      writeFileSync(join(files.path, 'checkpoint.txt'), await (await fetch(`${server.url}/api/transparency/checkpoint`)).text());
      expect((await runWitness(['check', join(files.path, 'checkpoint.txt'), '--data', witnessDir.path])).code).toBe(0);
      await save(server, 3);
      writeFileSync(join(files.path, 'checkpoint.txt'), await (await fetch(`${server.url}/api/transparency/checkpoint`)).text());
      const withoutProof = await runWitness(['check', join(files.path, 'checkpoint.txt'), '--data', witnessDir.path]);
      expect(withoutProof.code).toBe(1);
      expect(withoutProof.stderr).toContain('bring the consistency proof from 2');
      writeFileSync(join(files.path, 'proof.json'), await (await fetch(`${server.url}/api/transparency/consistency?first=2&second=5`)).text());
      const checked = await runWitness(['check', join(files.path, 'checkpoint.txt'), join(files.path, 'proof.json'), '--data', witnessDir.path]);
      expect(checked.stdout).toContain('Bevittnat t.o.m. nr 5');
      await save(server, 1);
      writeFileSync(join(files.path, 'checkpoint.txt'), await (await fetch(`${server.url}/api/transparency/checkpoint`)).text());
      const proof = JSON.parse(await (await fetch(`${server.url}/api/transparency/consistency?first=5&second=6`)).text()) as { proof: string[] };
      proof.proof[0] = Buffer.alloc(32, 7).toString('base64');
      writeFileSync(join(files.path, 'proof.json'), JSON.stringify({ first: 5, second: 6, ...proof }));
      const forged = await runWitness(['check', join(files.path, 'checkpoint.txt'), join(files.path, 'proof.json'), '--data', witnessDir.path]);
      expect(forged.code).toBe(1);
      expect(forged.stderr).toContain('Vägrat (422)');
      expect(forged.stderr).toContain('does not extend the 5 the witness saw');
    } finally {
      files.remove();
    }
  });
});
