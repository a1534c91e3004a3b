import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { sqliteChosenVerdict } from '../../src/server/store/stats-counters';
import { decisionRecordSchema, statsResponseSchema } from '../../src/shared/decision-record';
import { auditor, ljungbyAnswers, post, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
const start = async () => (server = await startServer({ dataDir: dir.path, port: 0, log: () => {} }));
beforeEach(async () => {
  dir = tempDir('vagval-counts-');
  await start();
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const save = async (answers = ljungbyAnswers, extra = {}) => decisionRecordSchema.parse(await (await post(`${server.url}/api/decisions`, saveRequest(answers, extra))).json());
const stats = async (query = '') => statsResponseSchema.parse(await (await fetch(`${server.url}/api/stats?${query}`, { headers: auditor })).json()).rows;

/** The statistics as they were computed before the counters: a GROUP BY over every record, each decision as last corrected, by its chosen route's stored verdict. */
function recomputed(period: 'year' | 'month'): unknown[] {
  const db = new Database(join(dir.path, 'register.sqlite'), { readonly: true });
  const p = period === 'month' ? 'substr(d.decision_date, 1, 7)' : 'substr(d.decision_date, 1, 4)';
  const rows = db
    .prepare(
      `SELECT d.organisation AS organisation, ${p} AS period, d.chosen_route AS route, d.supplier_kind AS supplierKind, ${sqliteChosenVerdict('d')} AS chosenVerdict,
         COUNT(*) AS count, COALESCE(SUM(d.total_sek), 0) AS valueSek
       FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects = d.id) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();
  db.close();
  return rows;
}

it('keeps counters in the save transaction that give the same statistics as counting every record, corrections included', async () => {
  const first = await save();
  const motala = await save({ ...ljungbyAnswers, organisation: 'motala', decisionDate: '2025-03-04' });
  await save({ ...ljungbyAnswers, value: { totalSek: 120_000 }, decisionDate: '2026-02-10' });
  await save({ ...ljungbyAnswers, supplier: { kind: 'ideaburen' } });
  // Corrected twice: the first correction takes the old record out, the second counts on its own (as before).
  await save({ ...ljungbyAnswers, value: { totalSek: 300_000 } }, { corrects: first.id, justification: 'Rättat värde.' });
  await save({ ...ljungbyAnswers, value: { totalSek: 310_000 } }, { corrects: first.id, justification: 'Rättat igen.' });
  await save({ ...ljungbyAnswers, organisation: 'motala', decisionDate: '2025-05-01', value: { totalSek: 90_000 } }, { corrects: motala.id, justification: 'Nytt datum.' });
  expect(await stats()).toEqual(recomputed('year'));
  expect(await stats('period=month')).toEqual(recomputed('month'));
  expect((await stats('organisation=motala&from=2025-01-01&to=2025-12-31')).map((r) => [r.period, r.count, r.valueSek])).toEqual([['2025', 1, 90_000]]);
});

it('fills the counters of a register saved before they existed', async () => {
  await save();
  await save({ ...ljungbyAnswers, organisation: 'motala' });
  const before = await stats('period=quarter');
  await server.close();
  const db = new Database(join(dir.path, 'register.sqlite'));
  db.exec('DROP TABLE decision_counts');
  db.close();
  await start();
  expect(await stats('period=quarter')).toEqual(before);
  expect(before.reduce((n, r) => n + r.count, 0)).toBe(2);
});

it('rebuilds counters made before they held the chosen route’s verdict', async () => {
  await save();
  await save({ ...ljungbyAnswers, organisation: 'motala' }, { chosenRoute: 'social-considerations', deviationReason: 'Vi vill pröva marknaden.' });
  const before = await stats();
  await server.close();
  const db = new Database(join(dir.path, 'register.sqlite'));
  db.exec(`DROP TRIGGER decisions_count_added; DROP TRIGGER decisions_count_corrected; DROP TABLE decision_counts;
    CREATE TABLE decision_counts (organisation TEXT NOT NULL, decision_date TEXT NOT NULL, chosen_route TEXT NOT NULL, supplier_kind TEXT NOT NULL,
      count INTEGER NOT NULL, value_sek REAL NOT NULL, PRIMARY KEY (organisation, decision_date, chosen_route, supplier_kind)) STRICT, WITHOUT ROWID;
    INSERT INTO decision_counts SELECT organisation, decision_date, chosen_route, supplier_kind, COUNT(*), SUM(total_sek) FROM decisions GROUP BY 1, 2, 3, 4;`);
  db.close();
  await start();
  expect(await stats()).toEqual(before);
  expect(before.map((r) => [r.organisation, r.route, r.chosenVerdict])).toEqual([
    ['ljungby', 'direct-award', 'allowed'],
    ['motala', 'social-considerations', 'allowed'],
  ]);
  await save({ ...ljungbyAnswers, value: { totalSek: 20_000 } });
  expect(await stats()).toEqual(recomputed('year'));
});
