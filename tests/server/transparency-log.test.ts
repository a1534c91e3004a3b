import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { RegisterService } from '../../src/server/register-service';
import { defaultSigningKeyFile, startServer, type RunningServer } from '../../src/server/start-server';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import { openCheckpoint } from '../../src/server/transparency/checkpoint-note';
import { verifyInclusion } from '../../src/server/transparency/merkle';
import { recordLeaf } from '../../src/server/transparency/transparency-log';
import { VerificationRuns } from '../../src/server/transparency/verification-run';
import { decisionRecordSchema } from '../../src/shared/decision-record';
import { receiptShortForm } from '../../src/shared/receipt';
import { decisionTrailSchema } from '../../src/shared/decision-trail';
import { receiptSchema, transparencyInfoSchema, verificationReportSchema, verifyRunSchema, type Receipt } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
const start = (checkpointEvery = 5) => startServer({ dataDir: dir.path, port: 0, ruleset: nodeRuleset, log: () => {}, checkpointEvery });
const save = async (i: number) => decisionRecordSchema.parse(await (await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 1000 * i } }))).json());
const receiptOf = async (id: number): Promise<Receipt> => receiptSchema.parse(await (await fetch(`${server.url}/api/decisions/${id}/receipt`, { headers: procurer })).json());

beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await server?.close();
  dir.remove();
});

describe('receipts', () => {
  it('are pending on the save answer until a checkpoint covers the decision, and can be fetched again later', async () => {
    server = await start(5);
    const first = await save(1);
    expect(first.receipt).toMatchObject({ status: 'pending', recordId: 1, index: 0, savesUntilCheckpoint: 4 });
    for (let i = 2; i <= 5; i++) await save(i);
    await server.transparency.checkpoint();
    const receipt = await receiptOf(1);
    expect(receipt).toMatchObject({ status: 'included', recordId: 1, treeSize: 5 });
    // The same receipt is on the decision's own page.
    const trail = decisionTrailSchema.parse(await (await fetch(`${server.url}/api/decisions/1`, { headers: procurer })).json());
    expect(trail.record.receipt).toEqual(receipt);
  });

  it('prove on their own, with nothing but the public key: signature, leaf of the record, inclusion', async () => {
    server = await start(3);
    for (let i = 1; i <= 7; i++) await save(i);
    await server.transparency.checkpoint();
    const receipt = await receiptOf(4);
    if (receipt.status !== 'included') throw new Error('expected an included receipt');
    const info = transparencyInfoSchema.parse(await (await fetch(`${server.url}/api/transparency`)).json());
    const { parseVerifierKey } = await import('../../src/server/transparency/signing-key');
    const opened = openCheckpoint(receipt.checkpoint, [parseVerifierKey(info.verifierKey)]);
    expect(opened.ok).toBe(true);
    const row = await server.store.row(4);
    expect(recordLeaf(4, row!.contentJson).toString('hex')).toBe(receipt.leafHash);
    const root = Buffer.from(receipt.rootHash, 'base64');
    const proof = receipt.inclusionProof.map((h) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(receipt.index, receipt.treeSize, Buffer.from(receipt.leafHash, 'hex'), proof, root)).toBe(true);
    expect(receiptShortForm(receipt)).toMatch(new RegExp(`^nr 4 · löv ${receipt.leafHash.slice(0, 16)} · kontrollpunkt 7 poster, rot [0-9a-f]{16}, 20`));
  });
});

describe('an auditor with last year\'s checkpoint', () => {
  it('hears yes when the register has only grown since, for the checkpoint and for a receipt', async () => {
    server = await start(2);
    for (let i = 1; i <= 4; i++) await save(i);
    await server.transparency.checkpoint();
    const old = await (await fetch(`${server.url}/api/transparency/checkpoint`)).text();
    const receipt = JSON.stringify(await receiptOf(2));
    await server.close();
    server = await start(2);
    for (let i = 5; i <= 9; i++) await save(i);
    for (const against of [old, receipt]) {
      const run = await runToEnd({ mode: 'incremental', against });
      expect(run.against).toMatchObject({ extension: true, treeSize: 4 });
      expect(run.ok).toBe(true);
    }
  });

  it('hears no, with the reason, for a checkpoint whose text was altered or that another key signed', async () => {
    server = await start(2);
    for (let i = 1; i <= 4; i++) await save(i);
    await server.transparency.checkpoint();
    const note = await (await fetch(`${server.url}/api/transparency/checkpoint`)).text();
    // The tree size lowered by one, as if to hide the last record.
    const altered = note.replace(/^([^\n]*\n)4\n/, '$1' + '3\n');
    expect(altered).not.toBe(note);
    const run = await runToEnd({ mode: 'incremental', against: altered });
    expect(run.against).toMatchObject({ extension: false, reasons: [{ sv: expect.stringMatching(/signaturen .* stämmer inte/), en: expect.stringMatching(/signature .* does not match/) }] });
    expect(run.ok).toBe(false);
    const other = tempDir();
    const elsewhere = await startServer({ dataDir: other.path, port: 0, log: () => {}, checkpointEvery: 1 });
    await post(`${elsewhere.url}/api/decisions`, saveRequest());
    await elsewhere.transparency.checkpoint();
    const foreign = await (await fetch(`${elsewhere.url}/api/transparency/checkpoint`)).text();
    await elsewhere.close();
    other.remove();
    expect((await runToEnd({ mode: 'incremental', against: foreign })).against?.reasons).toEqual([{ sv: expect.stringMatching(/inte signerad med det här registrets nyckel/), en: expect.stringMatching(/not signed by this register's key/) }]);
  });
});

describe('the yes/no check of a pasted checkpoint or receipt', () => {
  it('gives every reason in Swedish, with the English beside it for the English page', async () => {
    server = await start(2);
    for (let i = 1; i <= 3; i++) await save(i);
    await server.transparency.checkpoint();
    const note = await (await fetch(`${server.url}/api/transparency/checkpoint`)).text();
    const included = await receiptOf(2);
    await save(4);
    const pending = await receiptOf(4);
    const pasted = [
      '{ not json',
      JSON.stringify({ ...included, leafHash: 'zz' }),
      JSON.stringify(pending),
      JSON.stringify({ ...included, recordId: 3, index: 2 }),
      note.replace(/\n3\n/, '\n2\n'),
      note.split('\n\n')[0]!,
      `${note.split('\n\n')[0]!}\n\nunderskrift saknas\n`,
      note.replace(/^\S+\n/, 'annan.logg/register\n'),
      note,
    ];
    const reasons = [];
    for (const against of pasted) reasons.push(...((await runToEnd({ mode: 'incremental', against })).against?.reasons ?? []));
    expect(reasons.length).toBeGreaterThanOrEqual(pasted.length);
    for (const reason of reasons) {
      expect(reason.sv).not.toBe(reason.en);
      // None of the English words the reasons are built from is left in the Swedish text.
      expect(reason.sv).not.toMatch(/\b(the|is|not|of|records?|decision|receipt|checkpoint|signed|changed)\b/);
    }
    expect(reasons.map((r) => r.sv)).toEqual(
      expect.arrayContaining([
        'kvittot är inte JSON',
        expect.stringMatching(/^texten är inte ett kvitto: fältet leafHash/),
        expect.stringMatching(/^kvittot väntar fortfarande på en kontrollpunkt/),
        expect.stringMatching(/^signaturen av .* stämmer inte med kontrollpunkten/),
        expect.stringMatching(/^texten har ingen tom rad/),
        expect.stringMatching(/^signaturraden "underskrift saknas" har inte formen/),
        expect.stringMatching(/^den senaste kontrollpunkten \(\d+ poster, .*\) är en utökning av den från/),
      ]),
    );
  });
});

async function runToEnd(body: { mode: 'full' | 'incremental'; against?: string }) {
  const started = await post(`${server.url}/api/verify/runs`, body, auditor);
  expect(started.status).toBe(202);
  const { progress } = verifyRunSchema.parse(await started.json());
  for (;;) {
    const run = verifyRunSchema.parse(await (await fetch(`${server.url}/api/verify/runs/${progress.runId}`, { headers: auditor })).json());
    if (run.report) return run.report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('verification runs', () => {
  it('check incrementally only what was added since the checkpoint the last passing run reached', async () => {
    server = await start(100);
    for (let i = 1; i <= 6; i++) await save(i);
    const full = await runToEnd({ mode: 'full' });
    expect(full).toMatchObject({ ok: true, checked: 6, fromCheckpoint: null, reached: { treeSize: 6 } });
    for (let i = 7; i <= 9; i++) await save(i);
    const incremental = await runToEnd({ mode: 'incremental' });
    expect(incremental).toMatchObject({ ok: true, mode: 'incremental', checked: 3, fromCheckpoint: { treeSize: 6 }, reached: { treeSize: 9 } });
    // It survives a restart: the checkpoint reached is kept beside the key.
    await server.close();
    server = await start(100);
    await save(10);
    expect(await runToEnd({ mode: 'incremental' })).toMatchObject({ checked: 1, fromCheckpoint: { treeSize: 9 } });
  });

  it('check the records on a worker thread with the event loop free meanwhile, and report their progress', async () => {
    server = await start(1000);
    const contents = Array.from({ length: 450 }, (_, i) => i);
    for (const i of contents.slice(0, 5)) await save(i + 1);
    // 450 records at once, straight into the store through the log.
    const service = new RegisterService(server.store, nodeRuleset);
    await Promise.all(contents.slice(5).map(() => service.save(saveRequest(), { user: 'upphandlare', role: 'procurer', organisations: ['ljungby'] })));
    const runs = new VerificationRuns(service, server.transparency);
    // Not one record is checked on the main thread: hashing and re-evaluation happen in the worker.
    const onMainThread = vi.spyOn(service, 'check');
    const run = runs.start('full');
    // Something else that wants the event loop: it gets its turns throughout and sees the run part-way.
    const seen = new Set<number>();
    await new Promise<void>((resolve) => {
      const poll = () => {
        seen.add(run.progress.checked);
        if (run.progress.status === 'running') setImmediate(poll);
        else resolve();
      };
      poll();
    });
    expect([...seen].some((n) => n > 0 && n < 450)).toBe(true);
    expect(run.progress).toMatchObject({ status: 'done', checked: 450, total: 450 });
    expect((await run.done).ok).toBe(true);
    expect(onMainThread).not.toHaveBeenCalled();
    await runs.close();
    const report = await runToEnd({ mode: 'full' });
    expect(report).toMatchObject({ ok: true, checked: 450 });
  });

  it('offer the report as JSON and as printable text naming the checkpoint reached', async () => {
    server = await start(2);
    for (let i = 1; i <= 3; i++) await save(i);
    const report = await runToEnd({ mode: 'full' });
    const json = await fetch(`${server.url}/api/verify/runs/${report.runId}/report.json`, { headers: auditor });
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="kontrollrapport-.*\.json"/);
    expect(verificationReportSchema.parse(await json.json()).runId).toBe(report.runId);
    const text = await (await fetch(`${server.url}/api/verify/runs/${report.runId}/report.txt`, { headers: auditor })).text();
    expect(text).toContain('Resultat:       GODKÄND');
    expect(text).toContain(report.reached!.note.split('\n')[2]!);
    expect(text).toMatch(/\[GODKÄND\] Konsistens mellan kontrollpunkter/);
    expect((await fetch(`${server.url}/api/verify/runs/${report.runId}/report.txt`, { headers: procurer })).status).toBe(403);
  });
});

describe('the signed log', () => {
  it('names a fork: a second root signed for a size fails the consistency line of the verify', async () => {
    server = await start(1000);
    for (let i = 1; i <= 3; i++) await save(i);
    const first = (await server.transparency.checkpoint())!;
    const keyName = server.transparency.key.name;
    await server.close();
    // Someone with the key signs another root for the same three records and slips it into the log.
    const { appendLogLine, evidencePaths } = await import('../../src/server/transparency/evidence-files');
    const { signCheckpoint } = await import('../../src/server/transparency/checkpoint-note');
    const { loadOrCreateSigningKey } = await import('../../src/server/transparency/signing-key');
    const { leafHash } = await import('../../src/server/transparency/merkle');
    const keyFile = defaultSigningKeyFile(dir.path);
    const key = loadOrCreateSigningKey(keyFile, keyName, () => {});
    const forked = signCheckpoint({ origin: first.origin, size: 3, rootHash: leafHash('another register'), time: '2026-12-01T00:00:00Z' }, key);
    await appendLogLine(evidencePaths(keyFile).log, { note: forked.note });
    server = await start(1000);
    expect(server.transparency.forks).toEqual([expect.stringMatching(/two checkpoints for 3 records, signed .* name different roots: the log forked/)]);
    const report = await runToEnd({ mode: 'full' });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'consistency')).toMatchObject({ status: 'failed' });
    expect(report.logProblems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'checkpoint-mismatch', detail: expect.stringMatching(/the log forked/) })]));
  });
});

describe('an old register without a tree', () => {
  it('gets its tree built over the existing records on start, and verifies', async () => {
    const store = new SqliteDecisionStore(join(dir.path, 'register.sqlite'));
    const service = new RegisterService(store, nodeRuleset);
    for (let i = 0; i < 12; i++) await service.save(saveRequest(), { user: 'upphandlare', role: 'procurer', organisations: ['ljungby'] });
    await store.close();
    const lines: string[] = [];
    server = await startServer({ dataDir: dir.path, port: 0, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/records 1–12 were saved before the register had a tree/);
    expect(await receiptOf(12)).toMatchObject({ status: 'included', treeSize: 12 });
    const report = verificationReportSchema.parse(await (await fetch(`${server.url}/api/verify`, { headers: auditor })).json());
    expect(report).toMatchObject({ ok: true, checked: 12, treeSize: 12 });
  });

  it('tightens a signing key file that others could read', async () => {
    server = await start();
    await server.close();
    chmodSync(defaultSigningKeyFile(dir.path), 0o644);
    const lines: string[] = [];
    server = await startServer({ dataDir: dir.path, port: 0, log: (l) => lines.push(l) });
    expect(statSync(defaultSigningKeyFile(dir.path)).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toMatch(/permissions are now 0600/);
  });
});
