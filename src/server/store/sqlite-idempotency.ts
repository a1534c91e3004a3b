import type Database from 'better-sqlite3';
import type { DecisionRecord } from '../../shared/decision-record';
import { supersededBy, toRecord, type DecisionRow } from './decision-rows';
import { idempotencySqliteSchema, type IdempotencyHit } from './idempotency';

/** The SQLite store's Idempotency-Key table; every call runs on the store's one connection, inside its transactions. */
export class SqliteIdempotency {
  private readonly findStatement: Database.Statement;
  private readonly claimStatement: Database.Statement;
  private readonly purgeStatement: Database.Statement;
  private lastPurge = 0;

  constructor(db: Database.Database) {
    db.exec(idempotencySqliteSchema);
    this.findStatement = db.prepare(
      `SELECT k.request_hash AS requestHash, d.*, ${supersededBy} FROM idempotency_keys k JOIN decisions d ON d.id = k.record_id WHERE k.key = ? AND k.created_at >= ?`,
    );
    // A key past its day is taken over by the new save.
    this.claimStatement = db.prepare(
      `INSERT INTO idempotency_keys (key, request_hash, record_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, record_id = excluded.record_id, created_at = excluded.created_at`,
    );
    this.purgeStatement = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  }

  find(key: string, since: string): IdempotencyHit | null {
    const row = this.findStatement.get(key.toLowerCase(), since) as (DecisionRow & { requestHash: string }) | undefined;
    return row ? { requestHash: row.requestHash, record: toRecord(row) } : null;
  }

  /** Inside the commit's transaction: the key now names this record. Forgets day-old keys once an hour. */
  claim(key: string, requestHash: string, record: DecisionRecord, at: string, since: string): void {
    this.claimStatement.run(key.toLowerCase(), requestHash, record.id, at);
    if (Date.now() - this.lastPurge > 3_600_000) {
      this.purgeStatement.run(since);
      this.lastPurge = Date.now();
    }
  }
}
