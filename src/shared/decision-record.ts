import { z } from 'zod';
import { z as zm } from 'zod/mini';
import { answersSchema, buyerIdPattern, organisationIds, routeIds, supplierKinds, type OrganisationId } from '../engine/answers-schema';
import { verdicts } from '../engine/ruleset-schema';
import { receiptSchema } from './receipt';
import { acknowledgedVerdicts } from './deviation';
import { similarCheckSchema } from './similar-check';

/** A named organisation, any kommun or region by SCB code, or a state agency (src/engine/answers-schema.ts). */
export const organisationIdSchema = z.union([
  z.enum(organisationIds),
  z.string().regex(buyerIdPattern, 'must be a named organisation, kommun-<kommunkod>, region-<länskod> or state'),
]) as unknown as z.ZodType<OrganisationId>;

/**
 * The decision register's API contract, shared by the client (src/features/register) and the
 * server (src/server). Every request is parsed with these schemas on the server; every response
 * is parsed with them in the client, so a drift between the two fails loudly.
 */

export const roles = ['procurer', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

const hexHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex');
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const verdictsSchema = z.strictObject(
  Object.fromEntries(routeIds.map((r) => [r, z.enum(verdicts)])) as Record<(typeof routeIds)[number], z.ZodEnum<{ [K in (typeof verdicts)[number]]: K }>>,
);
export type RouteVerdicts = z.infer<typeof verdictsSchema>;

/**
 * Answers the procurer gave to questions that later stopped being asked (an earlier answer made them irrelevant).
 * The engine does not judge them, but the record keeps them, so nothing the procurer said is lost (issue 11, item 7).
 */
export const unaskedAnswersSchema = zm.partial(answersSchema);
export type UnaskedAnswers = z.infer<typeof unaskedAnswersSchema>;

/** The verdict of the chosen route that the procurer explicitly acknowledged when choosing it (not-allowed, needs-info). */
export const acknowledgedVerdictSchema = z.enum(acknowledgedVerdicts);

/** POST /api/decisions: what the procurer decided, with the verdicts the client saw. */
export const saveDecisionRequestSchema = z.strictObject({
  answers: answersSchema,
  /** The rule set the client evaluated with; the server refuses a save made under another one. */
  rulesetHash: hexHash,
  verdicts: verdictsSchema,
  recommendedRoute: z.enum(routeIds).nullable(),
  chosenRoute: z.enum(routeIds),
  justification: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
  deviationReason: z.string().trim().max(5000, 'must be at most 5000 characters').optional(),
  /** Required, with deviationReason, when the chosen route is judged not-allowed or needs-info. */
  acknowledgedVerdict: acknowledgedVerdictSchema.optional(),
  unaskedAnswers: z.optional(unaskedAnswersSchema),
  /** The guide's check of the register for similar purchases: what was found and added, or why it could not check. */
  similarPurchases: z.optional(similarCheckSchema),
  /** The id of an earlier record this one corrects (records are never changed in place). */
  corrects: z.number().int().positive().optional(),
});
export type SaveDecisionRequest = z.infer<typeof saveDecisionRequestSchema>;

export const savedBySchema = z.strictObject({ user: z.string().min(1), role: z.enum(roles) });

/** The part of a record its hash covers, besides its id and the previous record's hash. */
export const recordContentSchema = z.strictObject({
  answers: answersSchema,
  rulesetVersion: z.string().min(1),
  rulesetHash: hexHash,
  verdicts: verdictsSchema,
  recommendedRoute: z.enum(routeIds).nullable(),
  chosenRoute: z.enum(routeIds),
  justification: z.string(),
  deviationReason: z.string().nullable(),
  corrects: z.number().int().positive().nullable(),
  savedBy: savedBySchema,
  recordedAt: z.iso.datetime(),
  // Added after the first records were saved: optional, and left out (not null) when there is nothing to say, so
  // that the canonical JSON, and with it the hash, of every record saved before them is unchanged.
  acknowledgedVerdict: acknowledgedVerdictSchema.optional(),
  unaskedAnswers: z.optional(unaskedAnswersSchema),
  similarPurchases: z.optional(similarCheckSchema),
});
export type RecordContent = z.infer<typeof recordContentSchema>;

export const decisionRecordSchema = recordContentSchema.extend({
  id: z.number().int().positive(),
  prevHash: hexHash,
  hash: hexHash,
  /** The newest record that corrects this one, if any (not part of the hash: it is learnt later). */
  supersededBy: z.number().int().positive().nullable(),
  /** Its place in the transparency log: on the save answer and on GET /api/decisions/:id (not in lists). */
  receipt: receiptSchema.optional(),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export const genesisHash = '0'.repeat(64);

const optionalNumber = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : Number(v)),
  z.number({ error: 'must be a number' }).finite().nonnegative().optional(),
);

/** GET /api/decisions query string. */
export const listQuerySchema = z.strictObject({
  organisation: organisationIdSchema.optional(),
  route: z.enum(routeIds).optional(),
  supplierKind: z.enum([...supplierKinds, 'unknown']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minValue: optionalNumber,
  maxValue: optionalNumber,
  limit: z.preprocess((v) => (v === undefined ? undefined : Number(v)), z.number().int().min(1).max(200).default(25)),
  /** Keyset paging: records with an id below this one (newest first). */
  before: z.preprocess((v) => (v === undefined ? undefined : Number(v)), z.number().int().positive().optional()),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ListFilter = Omit<ListQuery, 'limit' | 'before'>;

export const listResponseSchema = z.strictObject({
  items: z.array(decisionRecordSchema),
  nextBefore: z.number().int().positive().nullable(),
});
export type ListResponse = z.infer<typeof listResponseSchema>;

export const verifyProblemKinds = [
  'unreadable',
  'hash-mismatch',
  'chain-broken',
  'missing-predecessor',
  'index-mismatch',
  'ruleset-missing',
  'ruleset-tampered',
  'verdicts-differ',
  'evaluation-failed',
  // From the transparency log (src/server/transparency): the record is not the one the log holds,
  // is not in the log, was taken into it from the database without being seen saved, or is gone.
  'leaf-mismatch',
  'not-in-log',
  'not-witnessed',
  'missing',
] as const;
export const verifyProblemSchema = z.strictObject({ kind: z.enum(verifyProblemKinds), detail: z.string() });
export type VerifyProblem = z.infer<typeof verifyProblemSchema>;

export const verifyRecordSchema = z.strictObject({ id: z.number().int(), ok: z.boolean(), problems: z.array(verifyProblemSchema) });
export type VerifyRecordResult = z.infer<typeof verifyRecordSchema>;

/** The core of every verification answer; the full report is `verificationReportSchema` (src/shared/transparency.ts). */
export const verifyAllSchema = z.object({
  checked: z.number().int(),
  ok: z.boolean(),
  headHash: hexHash,
  failures: z.array(verifyRecordSchema),
});
export type VerifyAllResult = z.infer<typeof verifyAllSchema>;

export const statsPeriods = ['year', 'quarter', 'month'] as const;
export const statsQuerySchema = z.strictObject({
  organisation: organisationIdSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  period: z.enum(statsPeriods).default('year'),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const statsRowSchema = z.strictObject({
  organisation: organisationIdSchema,
  period: z.string(),
  route: z.enum(routeIds),
  supplierKind: z.enum([...supplierKinds, 'unknown']),
  count: z.number().int(),
  valueSek: z.number(),
});
export type StatsRow = z.infer<typeof statsRowSchema>;
export const statsResponseSchema = z.strictObject({ rows: z.array(statsRowSchema) });

/** An error body: what went wrong and, for a bad request, each bad field by its dotted path. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const rulesetInfoSchema = z.strictObject({ version: z.string(), hash: hexHash });

export const identitySchema = z.strictObject({
  user: z.string(),
  role: z.enum(roles),
  organisations: z.array(z.union([z.literal('*'), organisationIdSchema])),
});
export type Identity = z.infer<typeof identitySchema>;

/** GET /api/identities: in the single-user default, who one may act as (no secrets). */
export const identitiesResponseSchema = z.strictObject({
  headerIdentity: z.boolean(),
  users: z.array(z.strictObject({ name: z.string(), roles: z.array(z.enum(roles)), organisations: z.array(z.union([z.literal('*'), organisationIdSchema])) })),
});
