import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { rulesetData } from '../../src/server/register-service';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import type { DecisionRecord, ListFilter, RecordContent } from '../../src/shared/decision-record';
import { tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let store: SqliteDecisionStore;
const organisations = ['ljungby', 'motala', 'lekeberg'] as const;

beforeEach(async () => {
  dir = tempDir('vagval-list-');
  // A window of 40 newest records stands in for the 5,000 of a large register.
  store = new SqliteDecisionStore(join(dir.path, 'register.sqlite'), { listWindow: 40 });
  const ruleset = nodeRuleset();
  await store.saveRuleset(ruleset.hash, ruleset.version, rulesetData(ruleset));
  const contents: RecordContent[] = Array.from({ length: 300 }, (_, i) => ({
    answers: { organisation: organisations[i % 3]!, decisionDate: `${i < 150 ? 2024 : 2026}-0${1 + (i % 9)}-1${i % 10}`, value: { totalSek: (i * 7919) % 1_000_000 } },
    rulesetVersion: ruleset.version,
    rulesetHash: ruleset.hash,
    verdicts: { 'direct-award': 'allowed', 'social-considerations': 'allowed', 'reserved-contract': 'not-allowed', iop: 'not-allowed' },
    recommendedRoute: 'direct-award',
    chosenRoute: i % 5 === 0 ? 'social-considerations' : 'direct-award',
    justification: `Beslut ${i}`,
    deviationReason: null,
    corrects: null,
    savedBy: { user: 'upphandlare', role: 'procurer' },
    recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  })) as RecordContent[];
  await store.append(contents);
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

/** Every page of a filter, following nextBefore, as the register page does. */
async function allPages(filter: ListFilter, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let before: number | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await store.list(filter, limit, before);
    ids.push(...result.items.map((r) => r.id));
    if (result.nextBefore === null) return ids;
    before = result.nextBefore;
  }
  throw new Error('more than 100 pages');
}

const matches = (filter: ListFilter) => (r: DecisionRecord) =>
  (!filter.organisation || r.answers.organisation === filter.organisation) &&
  (!filter.route || r.chosenRoute === filter.route) &&
  (!filter.from || r.answers.decisionDate >= filter.from) &&
  (!filter.to || r.answers.decisionDate <= filter.to) &&
  (filter.minValue === undefined || (r.answers.value?.totalSek ?? -1) >= filter.minValue) &&
  (filter.maxValue === undefined || (r.answers.value?.totalSek ?? Infinity) <= filter.maxValue);

it('pages every filter, ranges that match everything or only old records included, exactly as a full scan would', async () => {
  const everything = (await store.rows(0, 1000)).map((row) => ({ ...(JSON.parse(row.contentJson) as RecordContent), id: row.id }) as DecisionRecord);
  const filters: ListFilter[] = [
    {},
    { from: '2000-01-01', to: '2099-12-31' },
    { minValue: 0, maxValue: 1e12 },
    { to: '2024-12-31' }, // only the older half: the newest window holds none
    { from: '2026-03-01', to: '2026-03-31', minValue: 500_000 },
    { organisation: 'motala', minValue: 100_000, route: 'social-considerations' },
    { from: '2030-01-01' },
    // Short ranges with a value bound matching only older records: looked up day by day.
    { from: '2024-02-11', to: '2024-04-17', maxValue: 600_000 },
    { from: '2024-03-13', to: '2024-03-13', minValue: 1 },
    { from: '2024-02-11', to: '2024-05-17', minValue: 100_000 },
  ];
  for (const filter of filters) {
    const expected = everything.filter(matches(filter)).map((r) => r.id).sort((a, b) => b - a);
    for (const limit of [7, 25]) expect(await allPages(filter, limit), JSON.stringify(filter)).toEqual(expected);
  }
});

it('answers a broad date or value range from indexes, without sorting the records', () => {
  const db = new Database(join(dir.path, 'register.sqlite'), { readonly: true });
  const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
  const window = plan('SELECT d.id FROM decisions d INDEXED BY decisions_scan WHERE d.decision_date >= ? AND d.id >= ? ORDER BY d.id DESC LIMIT 26', '2000-01-01', 260);
  expect(window).toMatch(/COVERING INDEX decisions_scan/);
  expect(window).not.toMatch(/TEMP B-TREE/);
  expect(plan('SELECT d.id FROM decisions d WHERE d.decision_date >= ? AND d.decision_date <= ? AND d.total_sek >= ? ORDER BY d.id DESC LIMIT 26', '2023-01-01', '2023-01-31', 2e6)).toMatch(/COVERING INDEX/);
  // A month's range with a value floor seeks the value within each day instead of reading the month's every entry.
  const days = Array.from({ length: 31 }, (_, i) => `2023-01-${String(i + 1).padStart(2, '0')}`);
  expect(plan(`SELECT d.id FROM decisions d WHERE d.decision_date >= ? AND d.decision_date <= ? AND d.total_sek >= ? AND d.decision_date IN (${days.map(() => '?').join(', ')}) ORDER BY d.id DESC LIMIT 26`, '2023-01-01', '2023-01-31', 2e6, ...days)).toMatch(
    /COVERING INDEX decisions_date_cover \(decision_date=\? AND total_sek>\?\)/,
  );
  // Statistics read the counters kept at save time, not the records.
  expect(plan('SELECT organisation, SUM(count) FROM decision_counts GROUP BY organisation')).not.toMatch(/decisions\b(?!_)/);
  db.close();
});
