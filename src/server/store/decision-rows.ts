import type { DecisionRecord, ListFilter, RecordContent } from '../../shared/decision-record';
import type { StoredRow } from './decision-store';
import type { IdempotencyHit, IdempotentSave } from './idempotency';

// What the SQLite and PostgreSQL stores share: the row of the decisions table, how it becomes a record,
// and the filters of the list and the statistics, written once with each database's own placeholders.

/** Saves waiting for the next group commit. */
export type Pending = {
  contents: RecordContent[];
  resolve: (records: DecisionRecord[]) => void;
  reject: (error: unknown) => void;
  /** A save under an Idempotency-Key: claimed in the commit's transaction, or answered with the earlier record. */
  once?: OnceClaim;
  replayed?: IdempotencyHit;
};

/** The key, its request's fingerprint, when it is claimed and since when an earlier claim still counts. */
export type OnceClaim = IdempotentSave & { at: string; since: string };

export type DecisionRow = {
  id: number;
  prev_hash: string;
  hash: string;
  content: string;
  organisation: string;
  decision_date: string;
  chosen_route: string;
  supplier_kind: string;
  total_sek: number | null;
  ruleset_hash: string;
  corrects: number | null;
  superseded_by?: number | null;
};

export const supersededBy = '(SELECT MAX(c.id) FROM decisions c WHERE c.corrects = d.id) AS superseded_by';

export function toRecord(row: DecisionRow): DecisionRecord {
  return { ...(JSON.parse(row.content) as RecordContent), id: row.id, prevHash: row.prev_hash, hash: row.hash, supersededBy: row.superseded_by ?? null };
}

export function toStoredRow(row: DecisionRow): StoredRow {
  return {
    id: row.id,
    prevHash: row.prev_hash,
    hash: row.hash,
    contentJson: row.content,
    columns: {
      organisation: row.organisation,
      decisionDate: row.decision_date,
      chosenRoute: row.chosen_route,
      supplierKind: row.supplier_kind,
      totalSek: row.total_sek,
      rulesetHash: row.ruleset_hash,
      corrects: row.corrects,
    },
  };
}

/** WHERE clauses and their parameters; `add` takes one "?" for the value, `addIn` a column and its allowed values. */
export type Where = {
  where: string[];
  params: unknown[];
  add: (sql: string, value: unknown) => void;
  addIn: (column: string, values: string[]) => void;
};

type Scope = { organisations?: string[] | undefined };

export function whereListFilter(w: Where, filter: ListFilter & Scope, before?: number): void {
  if (filter.organisation) w.add('d.organisation = ?', filter.organisation);
  if (filter.organisations) w.addIn('d.organisation', filter.organisations);
  if (filter.route) w.add('d.chosen_route = ?', filter.route);
  if (filter.supplierKind) w.add('d.supplier_kind = ?', filter.supplierKind);
  if (filter.from) w.add('d.decision_date >= ?', filter.from);
  if (filter.to) w.add('d.decision_date <= ?', filter.to);
  if (filter.minValue !== undefined) w.add('d.total_sek >= ?', filter.minValue);
  if (filter.maxValue !== undefined) w.add('d.total_sek <= ?', filter.maxValue);
  if (before !== undefined) w.add('d.id < ?', before);
}
