import type { StatsQuery } from '../../shared/decision-record';
import type { Where } from './decision-rows';

/**
 * Statistics from counters kept in the save's own transaction (a GROUP BY over
 * every record took 250–310 ms at 129,000 and grows with the register). One row per organisation,
 * decision date, chosen route and supplier kind holds the number and value of the decisions that
 * count: a trigger on the append adds the new record and, when a record is corrected for the
 * first time, takes the corrected one out, exactly as the statistics counted before (each
 * decision once, as last corrected). The counters grow with the days and kinds, not the records.
 * Each counter also holds how the engine judged the chosen route (recommended counts as allowed),
 * read from the record's own verdicts: an IOP is a partnership and not a purchase only where it was
 * judged allowed, and a route chosen against its verdict shows as a deviation.
 */

/** The chosen route's verdict, folded to allowed / not-allowed / needs-info, from a record's stored verdict. */
const folded = (verdict: string) => `CASE WHEN ${verdict} IN ('recommended', 'allowed') THEN 'allowed' WHEN ${verdict} = 'not-allowed' THEN 'not-allowed' ELSE 'needs-info' END`;
/** The stored verdict of the record's chosen route, in each database's JSON dialect. */
export const sqliteChosenVerdict = (row: string) => folded(`json_extract(${row}.content, '$.verdicts."' || ${row}.chosen_route || '"')`);
export const postgresChosenVerdict = (row: string) => folded(`((${row}.content)::json -> 'verdicts' ->> ${row}.chosen_route)`);
export const countsSqliteSchema = `
CREATE TABLE IF NOT EXISTS decision_counts (
  organisation TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  chosen_route TEXT NOT NULL,
  supplier_kind TEXT NOT NULL,
  chosen_verdict TEXT NOT NULL,
  count INTEGER NOT NULL,
  value_sek REAL NOT NULL,
  PRIMARY KEY (organisation, decision_date, chosen_route, supplier_kind, chosen_verdict)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS decision_counts_date ON decision_counts (decision_date);

CREATE TRIGGER IF NOT EXISTS decisions_count_added AFTER INSERT ON decisions
BEGIN
  INSERT INTO decision_counts VALUES (NEW.organisation, NEW.decision_date, NEW.chosen_route, NEW.supplier_kind, ${sqliteChosenVerdict('NEW')}, 1, COALESCE(NEW.total_sek, 0))
  ON CONFLICT DO UPDATE SET count = count + 1, value_sek = value_sek + excluded.value_sek;
END;
CREATE TRIGGER IF NOT EXISTS decisions_count_corrected AFTER INSERT ON decisions
WHEN NEW.corrects IS NOT NULL AND NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects = NEW.corrects AND c.id <> NEW.id)
BEGIN
  UPDATE decision_counts SET count = count - 1, value_sek = value_sek - COALESCE((SELECT total_sek FROM decisions WHERE id = NEW.corrects), 0)
  WHERE (organisation, decision_date, chosen_route, supplier_kind, chosen_verdict) = (SELECT o.organisation, o.decision_date, o.chosen_route, o.supplier_kind, ${sqliteChosenVerdict('o')} FROM decisions o WHERE o.id = NEW.corrects);
END;
`;

/** Counters made before they held the chosen route's verdict are dropped and filled again from the records. */
export const countsSqliteOutdated = `SELECT (EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decision_counts')
  AND NOT EXISTS (SELECT 1 FROM pragma_table_info('decision_counts') WHERE name = 'chosen_verdict')) AS outdated`;
export const dropCountsSqlite = 'DROP TRIGGER IF EXISTS decisions_count_added; DROP TRIGGER IF EXISTS decisions_count_corrected; DROP TABLE decision_counts;';
export const countsPostgresOutdated = `SELECT (EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'decision_counts')
  AND NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'decision_counts' AND column_name = 'chosen_verdict')) AS outdated`;
export const dropCountsPostgres = 'DROP TABLE decision_counts;';

export const countsPostgresSchema = `
CREATE TABLE IF NOT EXISTS decision_counts (
  organisation TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  chosen_route TEXT NOT NULL,
  supplier_kind TEXT NOT NULL,
  chosen_verdict TEXT NOT NULL,
  count INTEGER NOT NULL,
  value_sek DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (organisation, decision_date, chosen_route, supplier_kind, chosen_verdict)
);
CREATE INDEX IF NOT EXISTS decision_counts_date ON decision_counts (decision_date);
CREATE OR REPLACE FUNCTION vagval_count_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE old decisions%ROWTYPE;
BEGIN
  INSERT INTO decision_counts VALUES (NEW.organisation, NEW.decision_date, NEW.chosen_route, NEW.supplier_kind, ${postgresChosenVerdict('NEW')}, 1, COALESCE(NEW.total_sek, 0))
  ON CONFLICT (organisation, decision_date, chosen_route, supplier_kind, chosen_verdict) DO UPDATE SET count = decision_counts.count + 1, value_sek = decision_counts.value_sek + excluded.value_sek;
  IF NEW.corrects IS NOT NULL AND NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects = NEW.corrects AND c.id <> NEW.id) THEN
    SELECT * INTO old FROM decisions WHERE id = NEW.corrects;
    UPDATE decision_counts SET count = count - 1, value_sek = value_sek - COALESCE(old.total_sek, 0)
    WHERE organisation = old.organisation AND decision_date = old.decision_date AND chosen_route = old.chosen_route AND supplier_kind = old.supplier_kind
      AND chosen_verdict = ${postgresChosenVerdict('old')};
  END IF;
  RETURN NULL;
END $$;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'decisions_counted') THEN
    CREATE TRIGGER decisions_counted AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION vagval_count_decision();
  END IF;
END $$;
`;

/** Fills the counters of a register made before they existed, from its records (once, at start); `verdict` is the database's chosen-verdict expression. */
export const backfillCounts = (verdict: (row: string) => string) => `
INSERT INTO decision_counts (organisation, decision_date, chosen_route, supplier_kind, chosen_verdict, count, value_sek)
SELECT d.organisation, d.decision_date, d.chosen_route, d.supplier_kind, ${verdict('d')}, COUNT(*), COALESCE(SUM(d.total_sek), 0)
FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects = d.id)
GROUP BY 1, 2, 3, 4, 5`;

export const countsNeedBackfill = 'SELECT (EXISTS (SELECT 1 FROM decisions) AND NOT EXISTS (SELECT 1 FROM decision_counts)) AS needed';

/** The statistics query over the counters; `quarter` is each database's own expression for the quarter of `decision_date`. */
export function countsStatsSql(query: StatsQuery, where: string[], quarter: string, casts: { count: string; value: string }): string {
  const period = query.period === 'month' ? 'substr(d.decision_date, 1, 7)' : query.period === 'quarter' ? quarter : 'substr(d.decision_date, 1, 4)';
  return `SELECT d.organisation AS organisation, ${period} AS period, d.chosen_route AS route, d.supplier_kind AS "supplierKind", d.chosen_verdict AS "chosenVerdict",
      ${casts.count.replace('$', 'SUM(d.count)')} AS count, ${casts.value.replace('$', 'SUM(d.value_sek)')} AS "valueSek"
    FROM decision_counts d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY 1, 2, 3, 4, 5 HAVING SUM(d.count) > 0 ORDER BY 1, 2, 3, 4, 5`;
}

export function whereCounts(w: Where, query: StatsQuery & { organisations?: string[] | undefined }): void {
  if (query.organisation) w.add('d.organisation = ?', query.organisation);
  if (query.organisations) w.addIn('d.organisation', query.organisations);
  if (query.from) w.add('d.decision_date >= ?', query.from);
  if (query.to) w.add('d.decision_date <= ?', query.to);
}
