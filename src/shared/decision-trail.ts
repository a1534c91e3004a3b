import { z } from 'zod/mini';
import { verificationMarkSchema } from './verification-mark';
import { routeIds } from '../engine/answers-schema';
import type { Outcome } from '../engine/outcome';
import { verdicts } from '../engine/ruleset-terms';
import { decisionRecordSchema } from './decision-record';
import { localizedSchema } from './localized-text';

/**
 * The trail of one decision (answers → rules → verdicts → sources) and its replay under the
 * current rule set. The outcome is the engine's own type; the client checks only its outline.
 */

const outcomeSchema = z.custom<Outcome>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as { routes?: unknown }).routes),
  'must be an engine outcome',
);

/** GET /api/decisions/:id: the record and the outcome re-evaluated under the rule set it was made with. */
export const decisionTrailSchema = z.strictObject({
  record: decisionRecordSchema,
  outcome: z.nullable(outcomeSchema),
  /** Why the outcome could not be rebuilt (the stored rule set is missing or does not evaluate). */
  outcomeProblem: z.nullable(z.string()),
  /** Set when the latest verification run found this record failing (verification-mark.ts). */
  failedVerification: z.optional(z.nullable(verificationMarkSchema)),
});
export type DecisionTrail = z.infer<typeof decisionTrailSchema>;

const truth = z.enum(['held', 'failed', 'unknown']);

export const replayRouteSchema = z.strictObject({
  route: z.enum(routeIds),
  name: localizedSchema,
  before: z.enum(verdicts),
  after: z.enum(verdicts),
  changed: z.boolean(),
  /** Grounds and requirements whose result changed, appeared or disappeared. */
  reasons: z.array(
    z.strictObject({
      ruleId: z.string(),
      title: localizedSchema,
      before: z.nullable(truth),
      after: z.nullable(truth),
      explanation: localizedSchema,
    }),
  ),
});

export const parameterChangeSchema = z.strictObject({
  id: z.string(),
  label: localizedSchema,
  unit: z.string(),
  before: z.nullable(z.strictObject({ value: z.number(), from: z.string() })),
  after: z.nullable(z.strictObject({ value: z.number(), from: z.string() })),
});

const layerUseSchema = z.strictObject({ id: z.string(), name: localizedSchema, owner: z.string(), version: z.string(), shared: z.boolean() });

/** A policy note or band that a layer change added, removed or reworded for this decision. */
export const noteChangeSchema = z.strictObject({
  route: z.union([z.enum(routeIds), z.literal('general')]),
  id: z.string(),
  layer: localizedSchema,
  change: z.enum(['added', 'removed', 'reworded']),
  text: localizedSchema,
});

/** GET /api/decisions/:id/replay */
export const replaySchema = z.strictObject({
  id: z.number().check(z.int()),
  stored: z.strictObject({ version: z.string(), hash: z.string() }),
  current: z.strictObject({ version: z.string(), hash: z.string() }),
  sameRuleset: z.boolean(),
  recommendation: z.strictObject({ before: z.nullable(z.enum(routeIds)), after: z.nullable(z.enum(routeIds)) }),
  chosenRoute: z.strictObject({ route: z.enum(routeIds), before: z.enum(verdicts), after: z.enum(verdicts) }),
  routes: z.array(replayRouteSchema),
  parameters: z.array(parameterChangeSchema),
  /** The buyer's layers under each rule set (a layer change is replayed like a rule change), and what it changed. */
  layers: z.strictObject({ before: z.array(layerUseSchema), after: z.array(layerUseSchema) }),
  notes: z.array(noteChangeSchema),
  anyDifference: z.boolean(),
});
export type Replay = z.infer<typeof replaySchema>;
