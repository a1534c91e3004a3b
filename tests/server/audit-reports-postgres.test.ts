import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers-schema';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { startServer, type RunningServer } from '../../src/server/start-server';
import pg from 'pg';
import { exceptionResponseSchema, impactLineSchema, recordAuditSchema } from '../../src/shared/audit-report';
import { statsResponseSchema } from '../../src/shared/decision-record';
import { parseExcelCsv } from '../../src/shared/excel-csv';
import { verificationReportSchema } from '../../src/shared/transparency';
import { auditor, post, saveRequest, tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

// The audit reports read through the store, so PostgreSQL answers as SQLite does (the SQLite
// cases are in audit-reports.test.ts). Skipped where Debian's postgresql is not installed.
const bin = postgresBinDir();

const fruit = (date: string, totalSek: number): Answers => ({
  organisation: 'motala',
  decisionDate: date,
  purchase: { kind: 'goods', description: 'Fruktkorgar', cpvCode: '03222000-3' },
  value: { totalSek },
  supplier: { kind: 'any', name: 'Frukt & Grönt i Motala AB' },
});

describe.skipIf(bin === null)('the audit reports on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  let server: RunningServer;
  const dir = tempDir();

  beforeAll(async () => {
    database = await startPostgres(bin!);
    server = await startServer({ databaseUrl: database.url, dataDir: dir.path, log: () => {} });
    for (const request of [
      // 390 000 + 320 000 kr within twelve months: over the 700 000 kr direct-award limit.
      saveRequest(fruit('2025-03-01', 390_000)),
      saveRequest(fruit('2025-07-01', 320_000)),
      saveRequest(
        { organisation: 'ljungby', decisionDate: '2026-10-01', purchase: { kind: 'services' }, value: { totalSek: 300_000 }, supplier: { kind: 'any' } },
        { chosenRoute: 'social-considerations', deviationReason: 'Pröva marknaden.' },
      ),
    ]) {
      expect((await post(`${server.url}/api/decisions`, request)).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    database?.stop();
    dir.remove();
  }, 60_000);

  const get = async (path: string) => (await fetch(`${server.url}/api${path}`, { headers: auditor })).json();

  it('finds the planted split purchase and the planted deviation', async () => {
    const split = exceptionResponseSchema.parse(await get('/reports/exceptions?kind=split-purchase'));
    expect(split.items.map((r) => r.id).sort()).toEqual([1, 2]);
    const deviation = exceptionResponseSchema.parse(await get('/reports/exceptions?kind=deviation'));
    expect(deviation.items.map((r) => [r.id, r.deviationReason])).toEqual([[3, 'Pröva marknaden.']]);
  });

  it("counts by the chosen route's verdict in the statistics, and writes them for Excel", async () => {
    const rows = statsResponseSchema.parse(await get('/stats')).rows;
    expect(rows.map((r) => [r.organisation, r.route, r.chosenVerdict, r.count])).toEqual([
      ['ljungby', 'social-considerations', 'allowed', 1],
      ['motala', 'direct-award', 'allowed', 2],
    ]);
    const { header } = parseExcelCsv(await (await fetch(`${server.url}/api/stats.csv`, { headers: auditor })).text());
    expect(header[4]).toBe('Den valda vägens bedömning');
  });

  it('runs the impact analysis over the whole register', { timeout: 60_000 }, async () => {
    const hash = nodeRuleset().hash;
    const text = await (await fetch(`${server.url}/api/reports/impact?from=${hash}&to=${hash}`, { headers: auditor })).text();
    const lines = text.trim().split('\n').map((l) => impactLineSchema.parse(JSON.parse(l)));
    expect(lines.at(-1)).toMatchObject({ type: 'done', checked: 3, changed: 0, lastId: 3 });
  });

  it('keeps checks, runs and replays in the record timeline, in a table that refuses UPDATE and DELETE', { timeout: 60_000 }, async () => {
    expect((await fetch(`${server.url}/api/decisions/3/verify`, { headers: auditor })).status).toBe(200);
    expect((await fetch(`${server.url}/api/decisions/3/replay`, { headers: auditor })).status).toBe(200);
    const report = verificationReportSchema.parse(await get('/verify'));
    expect(report).toMatchObject({ ok: true, checked: 3, logProblems: [] });
    const timeline = recordAuditSchema.parse(await get('/reports/records/3')).timeline;
    // The impact analysis above ran to its end over every record, so it is there first.
    expect(timeline.filter((e) => e.detail !== null).map((e) => [e.kind, e.by, e.result])).toEqual([
      ['impact-analysis', 'revisor', 'unchanged'],
      ['verified', 'revisor', 'passed'],
      ['replayed', 'revisor', 'unchanged'],
      ['verification-run', 'revisor', 'passed'],
    ]);
    expect(recordAuditSchema.parse(await get('/reports/records/1')).timeline.filter((e) => e.detail !== null).map((e) => e.kind)).toEqual(['impact-analysis', 'verification-run']);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(client.query('UPDATE record_events SET ok = false')).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM record_events')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
