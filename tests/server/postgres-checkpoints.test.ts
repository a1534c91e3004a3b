import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSigningKeyFile, startServer, type RunningServer } from '../../src/server/start-server';
import { openCheckpoint, signCheckpoint } from '../../src/server/transparency/checkpoint-note';
import { evidencePaths, readLogLines } from '../../src/server/transparency/evidence-files';
import { leafHash, verifyConsistency } from '../../src/server/transparency/merkle';
import { loadOrCreateSigningKey, parseVerifierKey } from '../../src/server/transparency/signing-key';
import { decisionRecordSchema } from '../../src/shared/decision-record';
import { receiptSchema, transparencyInfoSchema, verificationReportSchema, verifyRunSchema, type VerificationReport } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

// Two app instances on one PostgreSQL, sharing the key file and the evidence folder beside it
// (docs/register.md, several instances). Runs where Debian's `postgresql` is installed; CI sets
// VAGVAL_REQUIRE_POSTGRES so that there a missing server fails instead of skipping.
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

type Row = { size: string; root_hash: string; note: string };

describe.skipIf(bin === null)('checkpoints of several instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  let servers: RunningServer[] = [];
  const dir = tempDir();
  const start = () => startServer({ databaseUrl: database.url, dataDir: dir.path, port: 0, log: () => {}, checkpointEvery: 7 });
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const run = async (server: RunningServer, against?: string): Promise<VerificationReport> => {
    const started = await post(`${server.url}/api/verify/runs`, { mode: 'full', ...(against ? { against } : {}) }, auditor);
    const { progress } = verifyRunSchema.parse(await started.json());
    for (;;) {
      const polled = verifyRunSchema.parse(await (await fetch(`${server.url}/api/verify/runs/${progress.runId}`, { headers: auditor })).json());
      if (polled.report) return verificationReportSchema.parse(polled.report);
      if (polled.progress.status === 'failed') throw new Error(polled.progress.error ?? 'the run failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    database = await startPostgres(bin!);
    servers = [await start(), await start()];
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    database?.stop();
    dir.remove();
  });

  it('keep one signed tree: saves on both and checkpoints from both at once give one checkpoint a size, each extending the last', { timeout: 60_000 }, async () => {
    const saves = Array.from({ length: 60 }, (_, i) => post(`${servers[i % 2]!.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 1000 + i } })));
    for (const s of saves) expect((await s).status).toBe(201);
    // Both sign at once, again and again, while a few more saves come in.
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => servers[i % 2]!.transparency.checkpoint()),
      ...Array.from({ length: 5 }, (_, i) => post(`${servers[i % 2]!.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 9000 + i } }))),
    ]);
    await servers[1]!.transparency.checkpoint();
    const rows = await query<Row>('SELECT size, root_hash, note FROM transparency_checkpoints ORDER BY size, note');
    const info = transparencyInfoSchema.parse(await (await fetch(`${servers[0]!.url}/api/transparency`)).json());
    const verifier = parseVerifierKey(info.verifierKey);
    const opened = rows.map((r) => {
      const o = openCheckpoint(r.note, [verifier]);
      if (!o.ok) throw new Error(o.reason.en);
      expect(o.checkpoint.size).toBe(Number(r.size));
      return o.checkpoint;
    });
    expect(opened.length).toBeGreaterThanOrEqual(2);
    expect(opened.at(-1)!.size).toBe(65);
    // Each checkpoint extends the one before (RFC 9162 consistency, checked with the public proof API).
    for (let i = 1; i < opened.length; i++) {
      const [a, b] = [opened[i - 1]!, opened[i]!];
      const { proof } = (await (await fetch(`${servers[i % 2]!.url}/api/transparency/consistency?first=${a.size}&second=${b.size}`)).json()) as { proof: string[] };
      expect(verifyConsistency(a.size, b.size, a.rootHash, b.rootHash, proof.map((p) => Buffer.from(p, 'base64'))), `${a.size} → ${b.size}`).toBe(true);
    }
    // The file beside the key holds exactly those checkpoints: no size signed twice, by either instance.
    const inFile = readLogLines(evidencePaths(defaultSigningKeyFile(dir.path)).log).lines.flatMap((l) => ('note' in l ? [l.note] : []));
    expect(inFile.map((n) => Number(n.split('\n')[1]))).toEqual(opened.map((c) => c.size));
    // Both instances know every checkpoint, whichever of them signed it.
    for (const server of servers) expect(server.transparency.checkpoints.map((c) => c.size).sort((x, y) => x - y)).toEqual(opened.map((c) => c.size));
  });

  it("answer yes on either instance for a receipt the other gave, even for a checkpoint it has not signed itself", { timeout: 60_000 }, async () => {
    const saved = decisionRecordSchema.parse(await (await post(`${servers[1]!.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 123_000 } }))).json());
    await servers[1]!.transparency.checkpoint();
    const fromB = receiptSchema.parse(await (await fetch(`${servers[1]!.url}/api/decisions/${saved.id}/receipt`, { headers: procurer })).json());
    expect(fromB).toMatchObject({ status: 'included', recordId: saved.id, treeSize: saved.id });
    const onA = await run(servers[0]!, JSON.stringify(fromB));
    expect(onA.against).toMatchObject({ kind: 'receipt', extension: true, recordId: saved.id });
    expect(onA).toMatchObject({ ok: true, logProblems: [] });
    const fromA = receiptSchema.parse(await (await fetch(`${servers[0]!.url}/api/decisions/3/receipt`, { headers: procurer })).json());
    const onB = await run(servers[1]!, JSON.stringify(fromA));
    expect(onB.against).toMatchObject({ kind: 'receipt', extension: true, recordId: 3 });
    expect(onB.ok).toBe(true);
  });

  it('put the checkpoints back from the file beside the key when the table was emptied behind the triggers', { timeout: 60_000 }, async () => {
    // Stopped first: the checkpoint it signs at shutdown (the last run's event) is in the table before it is emptied.
    await servers[1]!.close();
    const before = await query<Row>('SELECT size, root_hash, note FROM transparency_checkpoints ORDER BY size, note');
    await query('ALTER TABLE transparency_checkpoints DISABLE TRIGGER transparency_checkpoints_no_truncate');
    await query('TRUNCATE transparency_checkpoints');
    await query('ALTER TABLE transparency_checkpoints ENABLE TRIGGER transparency_checkpoints_no_truncate');
    servers[1] = await start();
    expect(await query<Row>('SELECT size, root_hash, note FROM transparency_checkpoints ORDER BY size, note')).toEqual(before);
    expect(await run(servers[1]!)).toMatchObject({ ok: true, logProblems: [] });
  });

  it('sign the side logs of both instances in the checkpoints, and name record events erased behind the triggers', { timeout: 60_000 }, async () => {
    // Record checks on both instances at once: their events are chained in the order they became visible.
    const checks = Array.from({ length: 30 }, (_, i) => fetch(`${servers[i % 2]!.url}/api/decisions/${1 + (i % 5)}/verify`, { headers: auditor }));
    for (const c of checks) expect((await c).status).toBe(200);
    await servers[0]!.transparency.checkpoint();
    const signed = servers[0]!.transparency.latest()!;
    expect(signed.extensions).toEqual([expect.stringMatching(/^events \d+ [0-9a-f]{64}$/), expect.stringMatching(/^access \d+ [0-9a-f]{64}$/)]);
    expect(Number(signed.extensions![0]!.split(' ')[1])).toBeGreaterThanOrEqual(30);
    // The same tree signed again with the new heads is a second row for its size, and both instances read it.
    expect((await query<Row>('SELECT size, root_hash, note FROM transparency_checkpoints WHERE size = $1', [signed.size])).length).toBeGreaterThanOrEqual(2);
    expect(await run(servers[1]!)).toMatchObject({ ok: true, logProblems: [] });
    await query('ALTER TABLE record_events DISABLE TRIGGER record_events_append_only');
    await query('DELETE FROM record_events WHERE id = (SELECT MIN(id) FROM record_events)');
    await query('ALTER TABLE record_events ENABLE TRIGGER record_events_append_only');
    const report = await run(servers[0]!);
    expect(report.ok).toBe(false);
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'side-log-broken', detail: expect.stringMatching(/händelseloggen .*rader har ändrats, raderats eller lagts in/) })]);
  });

  it('believe a row of the table only under the key outside the database, and name a forged row and a fork', { timeout: 60_000 }, async () => {
    const head = await servers[0]!.store.headId();
    await query('ALTER TABLE transparency_checkpoints DISABLE TRIGGER transparency_checkpoints_append_only');
    // A checkpoint for a larger tree with a made-up signature, and a validly signed second root for the newest size.
    const forged = servers[0]!.transparency.latest()!.note.replace(`\n${head}\n`, `\n${head + 50}\n`);
    await query('INSERT INTO transparency_checkpoints (size, root_hash, note, signed_at) VALUES ($1, $2, $3, $4)', [head + 50, 'x', forged, '2026-12-01T00:00:00Z']);
    const key = loadOrCreateSigningKey(defaultSigningKeyFile(dir.path), servers[0]!.transparency.key.name, () => {});
    const other = signCheckpoint({ origin: 'vagval.local/register', size: head + 1, rootHash: leafHash('another tree'), time: '2026-12-01T00:00:00Z' }, key);
    await query('INSERT INTO transparency_checkpoints (size, root_hash, note, signed_at) VALUES ($1, $2, $3, $4)', [head + 1, other.rootHash.toString('base64'), other.note, other.time]);
    await query('ALTER TABLE transparency_checkpoints ENABLE TRIGGER transparency_checkpoints_append_only');
    // The forged row counts for nothing: saving and checkpointing go on, and the fork is refused, not extended.
    for (let i = 0; i < 2; i++) expect((await post(`${servers[1]!.url}/api/decisions`, saveRequest())).status).toBe(201);
    await expect(servers[1]!.transparency.checkpoint()).rejects.toThrow(/no checkpoint is signed that would fork the log/);
    const report = await run(servers[1]!);
    expect(report.ok).toBe(false);
    expect(report.logProblems.map((p) => p.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`checkpoint for ${head + 50} records in the database table transparency_checkpoints: the signature .* does not match`))]),
    );
    expect(report.logProblems.some((p) => p.kind === 'checkpoint-mismatch' && new RegExp(`the records do not hash to the root signed .* for ${head + 1} records`).test(p.detail))).toBe(true);
    expect(readFileSync(defaultSigningKeyFile(dir.path), 'utf8')).toContain('PRIVATE KEY');
  });
});
