import { createHash } from 'node:crypto';
import { canonicalJson } from '../../engine/canonical-hash';
import type { DecisionRecord } from '../../shared/decision-record';

/**
 * Exactly-once saves with the Idempotency-Key header (IETF httpapi draft
 * "The Idempotency-Key HTTP Header Field"): the client makes a UUID per save and sends it again
 * on every retry. The key, the hash of the request it came with and the record it produced are
 * written in the same transaction as the record, so a kill -9 can never keep one without the other.
 */
export const idempotencyWindowMs = 24 * 60 * 60 * 1000;

/** A key as the draft and the guide make it: a UUID (any version), case-insensitive. */
export const idempotencyKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the key was used for: a fingerprint of the request (its canonical JSON) and the record it saved. */
export type IdempotentSave = { key: string; requestHash: string };
export type IdempotencyHit = { requestHash: string; record: DecisionRecord };

export const requestFingerprint = (request: unknown): string => createHash('sha256').update(canonicalJson(request)).digest('hex');

/** Keys older than this are forgotten: a reuse after a day is a new save. */
export const idempotencySince = (now: Date): string => new Date(now.getTime() - idempotencyWindowMs).toISOString();

/**
 * The commit may have happened, but it is not known that it did (the WAL fsync or the COMMIT
 * itself failed): the client must not be told that nothing was saved. It retries with its key.
 */
export class SaveOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super(`the save may or may not be stored: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SaveOutcomeUnknown';
  }
}

export const idempotencySqliteSchema = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  record_id INTEGER NOT NULL REFERENCES decisions(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
`;

export const idempotencyPostgresSchema = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  record_id INTEGER NOT NULL REFERENCES decisions(id),
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
`;
