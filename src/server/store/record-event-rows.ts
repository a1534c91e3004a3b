import { recordEventDetailSchema, type RecordEvent } from '../../shared/record-events';

// The record_events table as both stores keep it (schemas in sqlite-schema.ts and postgres-store.ts):
// one row an event, a record's own (record_id) or a run's over from_id–to_id (record_id NULL).

export type RecordEventRow = {
  at: string;
  user: string;
  role: RecordEvent['role'];
  record_id: number | null;
  from_id: number | null;
  to_id: number | null;
  ok: number | boolean;
  ruleset_version: string;
  ruleset_hash: string;
  detail: string;
};

export const recordEventColumns = ['at', 'user', 'role', 'record_id', 'from_id', 'to_id', 'ok', 'ruleset_version', 'ruleset_hash', 'detail'] as const;

export const recordEventValues = (e: RecordEvent, ok: (value: boolean) => unknown): unknown[] => [
  e.at,
  e.user,
  e.role,
  e.recordId,
  e.fromId,
  e.toId,
  ok(e.ok),
  e.rulesetVersion,
  e.rulesetHash,
  JSON.stringify(e.detail),
];

export function toRecordEvent(row: RecordEventRow): RecordEvent {
  return {
    at: row.at,
    user: row.user,
    role: row.role,
    recordId: row.record_id,
    fromId: row.from_id,
    toId: row.to_id,
    ok: row.ok === true || row.ok === 1,
    rulesetVersion: row.ruleset_version,
    rulesetHash: row.ruleset_hash,
    detail: recordEventDetailSchema.parse(JSON.parse(row.detail)),
  };
}

/**
 * The latest `limit` events touching one record, newest first: its own, and the runs whose range
 * holds it, with each database's placeholders for the id and the limit and its quoting of "user".
 */
export const eventsForSql = (id: string, limit: string, quote: (column: string) => string) => `
SELECT ${recordEventColumns.map(quote).join(', ')} FROM (
  SELECT * FROM record_events WHERE record_id = ${id}
  UNION ALL
  SELECT * FROM record_events WHERE record_id IS NULL AND to_id >= ${id} AND from_id <= ${id}
) e ORDER BY e.id DESC LIMIT ${limit}`;

/** The latest verification run's event (its failing records mark them in the register until the next run). */
export const latestRunEventSql = (quote: (column: string) => string) =>
  `SELECT ${recordEventColumns.map(quote).join(', ')} FROM record_events WHERE record_id IS NULL AND detail LIKE '{"kind":"verification-run"%' ORDER BY id DESC LIMIT 1`;

export const insertRecordEventSql = (placeholder: (i: number) => string, quote: (column: string) => string) =>
  `INSERT INTO record_events (${recordEventColumns.map(quote).join(', ')}) VALUES (${recordEventColumns.map((_, i) => placeholder(i + 1)).join(', ')})`;
