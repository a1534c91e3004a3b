import type { CosignatureStore } from './cosignature-store';
import type { RulesetData } from '../../engine/ruleset';
import type { OnceClaim } from './decision-rows';
import type { IdempotencyHit } from './idempotency';
import type { DecisionRecord, ListFilter, RecordContent, StatsQuery, StatsRow } from '../../shared/decision-record';
import type { RecordEvent } from '../../shared/record-events';

/** A record as read back, before verification: the raw stored content and the indexed columns. */
export type StoredRow = {
  id: number;
  prevHash: string;
  hash: string;
  /** The canonical JSON the hash covers, exactly as stored. */
  contentJson: string;
  /** Columns kept beside the content so lists and statistics need not parse it. */
  columns: {
    organisation: string;
    decisionDate: string;
    chosenRoute: string;
    supplierKind: string;
    totalSek: number | null;
    rulesetHash: string;
    corrects: number | null;
  };
};

export type AccessLogEntry = {
  at: string;
  user: string | null;
  role: string | null;
  method: string;
  path: string;
  status: number;
  reason: string;
};

/** A record as its store seals it: the id and the exact canonical content the hashes cover. */
export type SealedEntry = { id: number; contentJson: string };

/**
 * Who witnesses every append outside the database (the transparency log). The store calls
 * `beforeCommit` inside its transaction, before committing (a throw aborts the commit), then
 * `afterCommit`, and waits for `sync` together with its own fsync before a save is acknowledged.
 */
export interface AppendWitness {
  beforeCommit(entries: SealedEntry[]): void;
  afterCommit(entries: SealedEntry[]): void;
  sync(): Promise<void>;
}

/** A signed checkpoint as the shared table keeps it. */
export type StoredCheckpoint = { size: number; rootHash: string; note: string; time: string };

/** The shared checkpoint table, inside the transaction that holds the checkpoint lock. */
export type CheckpointTransaction = {
  /** Every stored checkpoint larger than `size`, smallest first. */
  since(size: number): Promise<StoredCheckpoint[]>;
  /** Stores a checkpoint unless one of its size is there already; whether it was stored. */
  insert(checkpoint: StoredCheckpoint): Promise<boolean>;
};

/**
 * The checkpoints every instance on one database shares (PostgreSQL): one instance signs at a
 * time, under a register-wide lock, and each reads the others' from the table. The table is only
 * a place to find them: each is believed only if its signature verifies under the key file
 * outside the database (src/server/transparency/transparency-log.ts).
 */
export interface SharedCheckpoints {
  since(size: number): Promise<StoredCheckpoint[]>;
  /** Runs `work` in a transaction holding the checkpoint lock, committed when it returns. */
  withLock<T>(work: (tx: CheckpointTransaction) => Promise<T>): Promise<T>;
}

/**
 * The checkpoints the register signed, kept in the database as well as in checkpoints.jsonl beside
 * the key: a checkpoint log shortened or deleted on its own is then found (transparency/evidence-gaps.ts).
 */
export interface CheckpointMarks {
  /** The largest signed size recorded, with when it was signed. */
  latest(): Promise<{ size: number; time: string } | null>;
  add(checkpoint: StoredCheckpoint): Promise<void>;
}

/** The append-only tables beside the decisions whose rows a hash chain covers (transparency/side-log-heads.ts). */
export type SideTable = 'record_events' | 'access_log';

/**
 * Where decisions live. Append-only: there is no update and no delete. The store assigns the id,
 * the previous hash and the hash, serialising appends so the chain stays linear.
 */
export interface DecisionStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Present where several instances share the database (PostgreSQL). */
  readonly sharedCheckpoints?: SharedCheckpoints;
  /** Present where the checkpoint log is one file per register (SQLite). */
  readonly checkpointMarks?: CheckpointMarks;
  /** Witness cosignatures the register was given (believed only if they verify: transparency/cosignatures.ts). */
  readonly cosignatures: CosignatureStore;
  /** Keeps a rule-set snapshot the first time a decision is made under it. */
  saveRuleset(hash: string, version: string, data: RulesetData): Promise<void>;
  /** The snapshot's canonical JSON as stored, or null. */
  getRulesetJson(hash: string): Promise<string | null>;
  /** Appends records in order and resolves once they are durable. */
  append(contents: RecordContent[]): Promise<DecisionRecord[]>;
  /**
   * Appends one record and claims its Idempotency-Key in the same transaction; if the key was
   * claimed meanwhile (a concurrent retry, another instance), nothing is appended and the
   * earlier record comes back as `replayed`.
   */
  appendOnce(content: RecordContent, once: OnceClaim): Promise<{ record: DecisionRecord; replayed: IdempotencyHit | null }>;
  /** The record saved under this key since `since`, with the fingerprint of the request it came from. */
  findIdempotent(key: string, since: string): Promise<IdempotencyHit | null>;
  /** Whether a save could be written now; a reason when not (read-only file, full disk, failing commits). */
  writeHealth(): Promise<{ ok: true } | { ok: false; problem: string }>;
  get(id: number): Promise<DecisionRecord | null>;
  list(filter: ListFilter & { organisations?: string[] | undefined }, limit: number, before?: number): Promise<{ items: DecisionRecord[]; nextBefore: number | null }>;
  /** Raw rows from `afterId` (exclusive) in id order, for verification. */
  rows(afterId: number, limit: number): Promise<StoredRow[]>;
  row(id: number): Promise<StoredRow | null>;
  stats(query: StatsQuery & { organisations?: string[] | undefined }): Promise<StatsRow[]>;
  logAccess(entry: AccessLogEntry): Promise<void>;
  /** Keeps one event of the records' timelines (a check, a run, a replay), durably; never changes a record. */
  appendEvent(event: RecordEvent): Promise<void>;
  /** The latest `limit` events touching record `id`, newest first: its own and the runs whose range holds it. */
  eventsFor(id: number, limit: number): Promise<RecordEvent[]>;
  /** The latest verification run's event, if any run was kept. */
  latestRunEvent(): Promise<RecordEvent | null>;
  /**
   * The id of the last record, 0 if none. With `atLeast`, a head the store already knows (from its
   * own last commit) may answer when it is at least that: no query per save for its receipt.
   */
  headId(atLeast?: number): Promise<number>;
  /** The append-only triggers that should exist and do not. */
  missingGuards(): Promise<string[]>;
  /** From now on every append is also written through `witness`. */
  setWitness(witness: AppendWitness): void;
  accessLog(limit: number): Promise<AccessLogEntry[]>;
  /** A side table's rows after `afterId` in id order, each as the text its hash chain covers (every column, id included). */
  sideRows?(table: SideTable, afterId: number, limit: number): Promise<Array<{ id: number; text: string }>>;
  close(): Promise<void>;
}
