import { z } from 'zod/mini';
import { localizedSchema } from './localized-text';
import { verifyRecordSchema } from './decision-record';

export { receiptSchema, type Receipt } from './receipt';

/**
 * The register's transparency log as the API shows it (RFC 9162 Merkle tree, C2SP signed
 * checkpoints): a decision's receipt, the latest checkpoint, verification runs and their report.
 */

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex'));
const base64Hash = z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a 32-byte hash in base64'));

export const checkpointInfoSchema = z.strictObject({
  origin: z.string(),
  treeSize: z.number().check(z.int(), z.nonnegative()),
  rootHash: base64Hash,
  time: z.string(),
  note: z.string(),
});
export type CheckpointInfo = z.infer<typeof checkpointInfoSchema>;

/** GET /api/transparency: the key that signs, and the latest checkpoint. */
export const transparencyInfoSchema = z.strictObject({
  origin: z.string(),
  keyName: z.string(),
  /** C2SP signed-note verifier key: name+keyid+base64(0x01 || Ed25519 public key). */
  verifierKey: z.string(),
  publicKeyPem: z.string(),
  retiredKeys: z.array(z.string()),
  treeSize: z.number().check(z.int(), z.nonnegative()),
  checkpointEvery: z.number().check(z.int(), z.positive()),
  latest: z.nullable(checkpointInfoSchema),
});
export type TransparencyInfo = z.infer<typeof transparencyInfoSchema>;

/** What a verification checks, in the order the report lists it. */
export const checkIds = ['content-hash', 'chain-link', 'index-columns', 'inclusion', 'checkpoint-signature', 'consistency', 'ruleset-hash', 're-evaluation', 'append-only-guards'] as const;
export type CheckId = (typeof checkIds)[number];

export const checkResultSchema = z.strictObject({
  id: z.enum(checkIds),
  status: z.enum(['passed', 'failed', 'not-run']),
  /** How many items (records, checkpoints, triggers) were checked and how many failed. */
  checked: z.number().check(z.int(), z.nonnegative()),
  failed: z.number().check(z.int(), z.nonnegative()),
  detail: z.string(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** A finding that concerns the log rather than one record: a checkpoint, a cut tail, a missing guard. */
export const logProblemSchema = z.strictObject({
  kind: z.enum(['checkpoint-signature', 'checkpoint-mismatch', 'log-truncated', 'records-missing', 'guards-missing', 'log-unreadable', 'not-extension', 'adopted-unwitnessed', 'side-log-broken']),
  detail: z.string(),
  /** The first record the evidence points at, if it can name one. */
  recordId: z.nullable(z.number().check(z.int(), z.positive())),
});
export type LogProblem = z.infer<typeof logProblemSchema>;

export const verifyModes = ['full', 'incremental'] as const;

export const verifyProgressSchema = z.strictObject({
  runId: z.string(),
  mode: z.enum(verifyModes),
  status: z.enum(['running', 'done', 'failed']),
  checked: z.number().check(z.int(), z.nonnegative()),
  total: z.number().check(z.int(), z.nonnegative()),
  startedAt: z.string(),
  error: z.nullable(z.string()),
});
export type VerifyProgress = z.infer<typeof verifyProgressSchema>;

/** POST /api/verify/runs: a full or incremental run, optionally against a checkpoint or receipt an auditor holds. */
export const startVerifyRequestSchema = z.strictObject({
  mode: z._default(z.enum(verifyModes), 'full'),
  /** A signed checkpoint as text, or a receipt as JSON text. */
  against: z.optional(z.string().check(z.maxLength(64 * 1024, 'must be at most 64 KiB'))),
});
export type StartVerifyRequest = z.infer<typeof startVerifyRequestSchema>;

/** The auditor's question "is today's register an append-only extension of what I hold?", answered. */
export const againstResultSchema = z.strictObject({
  kind: z.enum(['checkpoint', 'receipt']),
  extension: z.boolean(),
  treeSize: z.nullable(z.number().check(z.int(), z.nonnegative())),
  recordId: z.nullable(z.number().check(z.int(), z.positive())),
  /** Why yes or no, in Swedish and English (the register page shows the reader's language). */
  reasons: z.array(localizedSchema),
  /**
   * The one answer to the auditor's question, for the whole run: "Ja" only when the register
   * extends what they hold and every other check of the same run passed (against-answer.ts).
   */
  answer: z.strictObject({ yes: z.boolean(), text: localizedSchema }),
});
export type AgainstResult = z.infer<typeof againstResultSchema>;

/** A verification run's report: what it proved, when, and the checkpoint it reached (downloadable as JSON or text). */
export const verificationReportSchema = z.strictObject({
  runId: z.string(),
  mode: z.enum(verifyModes),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().check(z.nonnegative()),
  /** The longest the run held the event loop at a time (wall clock, so a busy machine adds to it). */
  longestSliceMs: z.number().check(z.nonnegative()),
  ok: z.boolean(),
  /** Records checked one by one in this run. */
  checked: z.number().check(z.int(), z.nonnegative()),
  /** Records in the log (the tree's size) when the run ended. */
  treeSize: z.number().check(z.int(), z.nonnegative()),
  headHash: hex64,
  /** Where an incremental run started: the checkpoint the last passing run reached. */
  fromCheckpoint: z.nullable(checkpointInfoSchema),
  /** The latest signed checkpoint the run proved the records against. */
  reached: z.nullable(checkpointInfoSchema),
  checks: z.array(checkResultSchema),
  /** The failing records, the first 1,000 by id; `failedCount` counts them all. */
  failures: z.array(verifyRecordSchema),
  failedCount: z.number().check(z.int(), z.nonnegative()),
  logProblems: z.array(logProblemSchema),
  against: z.nullable(againstResultSchema),
  notes: z.array(z.string()),
});
export type VerificationReport = z.infer<typeof verificationReportSchema>;

export const verifyRunSchema = z.strictObject({ progress: verifyProgressSchema, report: z.nullable(verificationReportSchema) });
export type VerifyRun = z.infer<typeof verifyRunSchema>;
