import { z } from 'zod/mini';
import { routeIds } from '../engine/answers-schema';
import { verdicts } from '../engine/ruleset-terms';
import { roles } from './decision-record';
import { verifyModes } from './transparency';

/**
 * What happened to a record after it was saved: a check of that one record, a
 * verification run over a range of records, a replay under another rule set. Kept in their own
 * append-only table beside the decisions, never in them: a decision record does not change when it
 * is looked at, and the transparency log keeps covering the decisions alone.
 */
export const recordEventDetailSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('verified'),
    /** The kinds of problem the check found; none when it passed. */
    problems: z.array(z.string()),
  }),
  z.strictObject({
    kind: z.literal('verification-run'),
    runId: z.string(),
    mode: z.enum(verifyModes),
    checked: z.number().check(z.int(), z.nonnegative()),
    failedCount: z.number().check(z.int(), z.nonnegative()),
    /** The records the run listed as failing (a report lists at most 1,000). */
    failedIds: z.array(z.number().check(z.int(), z.positive())),
    /** Problems of the log itself (checkpoints, triggers), not of one record. */
    logProblems: z.number().check(z.int(), z.nonnegative()),
  }),
  z.strictObject({
    kind: z.literal('replayed'),
    /** The rule set the decision was made under; the event's own version is the one it was replayed with. */
    storedVersion: z.string(),
    changed: z.boolean(),
    chosenRoute: z.enum(routeIds),
    chosenBefore: z.enum(verdicts),
    chosenAfter: z.enum(verdicts),
    recommendationBefore: z.nullable(z.enum(routeIds)),
    recommendationAfter: z.nullable(z.enum(routeIds)),
  }),
  z.strictObject({
    /**
     * The operator took records into the log from the database after the evidence beside the key
     * was found missing or short (`npm run register -- adopt-evidence`): who, why, and the signed
     * sizes the lost evidence had reached, which only a witness can now vouch for.
     */
    kind: z.literal('evidence-adopted'),
    by: z.string().check(z.minLength(1)),
    why: z.string().check(z.minLength(1)),
    /** What was found missing, in English. */
    missing: z.array(z.string()),
    acknowledgedSize: z.number().check(z.int(), z.nonnegative()),
  }),
  z.strictObject({
    kind: z.literal('impact-analysis'),
    /** The two rule sets every record was judged under; `to` may be the working copy of rules/. */
    from: z.strictObject({ version: z.string(), hash: z.string() }),
    to: z.strictObject({ version: z.string(), hash: z.string(), working: z.boolean() }),
    /** Only this organisation's records were judged, when set. */
    organisation: z.nullable(z.string()),
    checked: z.number().check(z.int(), z.nonnegative()),
    changed: z.number().check(z.int(), z.nonnegative()),
    /** The records whose verdicts or recommendation would differ, the first 10,000 by id. */
    changedIds: z.array(z.number().check(z.int(), z.positive())),
  }),
]);
export type RecordEventDetail = z.infer<typeof recordEventDetailSchema>;

/** One event as it is stored: who, when, on which records, the result and the rule set it ran with. */
export const recordEventSchema = z.strictObject({
  at: z.string(),
  user: z.string().check(z.minLength(1)),
  role: z.enum(roles),
  /** The one record the event concerns; null for a run, which covers `fromId`–`toId`. */
  recordId: z.nullable(z.number().check(z.int(), z.positive())),
  fromId: z.nullable(z.number().check(z.int(), z.positive())),
  toId: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** Verified: no problem found; replayed: nothing would differ. */
  ok: z.boolean(),
  rulesetVersion: z.string(),
  rulesetHash: z.string(),
  detail: recordEventDetailSchema,
});
export type RecordEvent = z.infer<typeof recordEventSchema>;
