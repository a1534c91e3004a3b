import type { VerifyRecordResult } from '../../shared/decision-record';
import type { StoredRow } from '../store/decision-store';

/**
 * What the verification run and its worker thread say to each other. The run reads the rows (the
 * database stays on the main thread, one connection) and sends a page at a time; the worker does
 * the hashing, parsing and re-evaluation and answers with each row's problems and leaf hash. A
 * rule set it has not seen it asks for by hash.
 */
export type CheckRow = StoredRow & { expectedPrev: string | null };

export type ToWorker =
  | { type: 'check'; seq: number; rows: CheckRow[] }
  | { type: 'ruleset'; hash: string; json: string | null }
  /** A new run: rule sets are read again, so one tampered since the last run is caught. */
  | { type: 'reset' };

export type FromWorker =
  | { type: 'checked'; seq: number; results: VerifyRecordResult[]; leaves: Uint8Array }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'need'; hash: string };
