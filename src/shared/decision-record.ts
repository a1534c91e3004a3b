import { z } from 'zod/mini';
import { z as zm } from 'zod/mini';
import { answersSchema, buyerIdPattern, organisationIds, routeIds, supplierKinds, type OrganisationId } from '../engine/answers-schema';
import { verdicts } from '../engine/ruleset-terms';
import { receiptSchema } from './receipt';
import { acknowledgedVerdicts } from './deviation';
import { similarCheckSchema } from './similar-check';
import { decidedBySchema, diarienummerSchema } from './decision-maker';
import { failedInFiguresSchema } from './verification-mark';

/** A named organisation, any kommun or region by SCB code, or a state agency (src/engine/answers-schema.ts). */
export const organisationIdSchema = z.union([
  z.enum(organisationIds),
  z.string().check(z.regex(buyerIdPattern, 'must be a named organisation, kommun-<kommunkod>, region-<länskod> or state')),
]) as unknown as z.ZodMiniType<OrganisationId>;

/**
 * The decision register's API contract, shared by the client (src/features/register) and the
 * server (src/server). Every request is parsed with these schemas on the server; every response
 * is parsed with them in the client, so a drift between the two fails loudly.
 */

export const roles = ['procurer', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

const hexHash = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex'));
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const verdictsSchema = z.strictObject(
  Object.fromEntries(routeIds.map((r) => [r, z.enum(verdicts)])) as Record<(typeof routeIds)[number], z.ZodMiniEnum<{ [K in (typeof verdicts)[number]]: K }>>,
);
export type RouteVerdicts = z.infer<typeof verdictsSchema>;

/**
 * Answers the procurer gave to questions that later stopped being asked (an earlier answer made them irrelevant).
 * The engine does not judge them, but the record keeps them, so nothing the procurer said is lost.
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
  recommendedRoute: z.nullable(z.enum(routeIds)),
  chosenRoute: z.enum(routeIds),
  justification: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(5000, 'must be at most 5000 characters')),
  deviationReason: z.optional(z.string().check(z.trim(), z.maxLength(5000, 'must be at most 5000 characters'))),
  /** Required, with deviationReason, when the chosen route is judged not-allowed or needs-info. */
  acknowledgedVerdict: z.optional(acknowledgedVerdictSchema),
  unaskedAnswers: z.optional(unaskedAnswersSchema),
  /** The guide's check of the register for similar purchases: what was found and added, or why it could not check. */
  similarPurchases: z.optional(similarCheckSchema),
  /** Who took the decision, by name and title (not necessarily who saves it), and the diarium's number for it. */
  decidedBy: z.optional(decidedBySchema),
  diarienummer: z.optional(diarienummerSchema),
  /** The id of an earlier record this one corrects (records are never changed in place). */
  corrects: z.optional(z.number().check(z.int(), z.positive())),
});
export type SaveDecisionRequest = z.infer<typeof saveDecisionRequestSchema>;

export const savedBySchema = z.strictObject({ user: z.string().check(z.minLength(1)), role: z.enum(roles) });

/** The part of a record its hash covers, besides its id and the previous record's hash. */
export const recordContentSchema = z.strictObject({
  answers: answersSchema,
  rulesetVersion: z.string().check(z.minLength(1)),
  rulesetHash: hexHash,
  verdicts: verdictsSchema,
  recommendedRoute: z.nullable(z.enum(routeIds)),
  chosenRoute: z.enum(routeIds),
  justification: z.string(),
  deviationReason: z.nullable(z.string()),
  corrects: z.nullable(z.number().check(z.int(), z.positive())),
  savedBy: savedBySchema,
  recordedAt: z.iso.datetime(),
  // Added after the first records were saved: optional, and left out (not null) when there is nothing to say, so
  // that the canonical JSON, and with it the hash, of every record saved before them is unchanged.
  acknowledgedVerdict: z.optional(acknowledgedVerdictSchema),
  unaskedAnswers: z.optional(unaskedAnswersSchema),
  similarPurchases: z.optional(similarCheckSchema),
  decidedBy: z.optional(decidedBySchema),
  diarienummer: z.optional(diarienummerSchema),
});
export type RecordContent = z.infer<typeof recordContentSchema>;

export const decisionRecordSchema = z.extend(recordContentSchema, {
  id: z.number().check(z.int(), z.positive()),
  prevHash: hexHash,
  hash: hexHash,
  /** The newest record that corrects this one, if any (not part of the hash: it is learnt later). */
  supersededBy: z.nullable(z.number().check(z.int(), z.positive())),
  /** Its place in the transparency log: on the save answer and on GET /api/decisions/:id (not in lists). */
  receipt: z.optional(receiptSchema),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export const genesisHash = '0'.repeat(64);

const optionalNumber = z.pipe(z.transform((v) => (v === '' || v === undefined ? undefined : Number(v))), z.optional(z.number({ error: 'must be a number' }).check(z.nonnegative())));

/** GET /api/decisions query string. */
export const listQuerySchema = z.strictObject({
  organisation: z.optional(organisationIdSchema),
  route: z.optional(z.enum(routeIds)),
  supplierKind: z.optional(z.enum([...supplierKinds, 'unknown'])),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  minValue: optionalNumber,
  maxValue: optionalNumber,
  limit: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 25)),
  /** Keyset paging: records with an id below this one (newest first). */
  before: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z.optional(z.number().check(z.int(), z.positive()))),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ListFilter = Omit<ListQuery, 'limit' | 'before'>;

export const listResponseSchema = z.strictObject({
  items: z.array(decisionRecordSchema),
  nextBefore: z.nullable(z.number().check(z.int(), z.positive())),
  /** The records on this page that failed the latest verification: listed with stored values, which may be forged. */
  failedVerification: z.optional(z.nullable(failedInFiguresSchema)),
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

export const verifyRecordSchema = z.strictObject({ id: z.number().check(z.int()), ok: z.boolean(), problems: z.array(verifyProblemSchema) });
export type VerifyRecordResult = z.infer<typeof verifyRecordSchema>;

/** The core of every verification answer; the full report is `verificationReportSchema` (src/shared/transparency.ts). */
export const verifyAllSchema = z.object({
  checked: z.number().check(z.int()),
  ok: z.boolean(),
  headHash: hexHash,
  failures: z.array(verifyRecordSchema),
});
export type VerifyAllResult = z.infer<typeof verifyAllSchema>;

export const statsPeriods = ['year', 'quarter', 'month'] as const;
export const statsQuerySchema = z.strictObject({
  organisation: z.optional(organisationIdSchema),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  period: z._default(z.enum(statsPeriods), 'year'),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const statsRowSchema = z.strictObject({
  organisation: organisationIdSchema,
  period: z.string(),
  route: z.enum(routeIds),
  supplierKind: z.enum([...supplierKinds, 'unknown']),
  /** How the engine judged the chosen route (recommended counts as allowed): an IOP is a partnership only where allowed. */
  chosenVerdict: z.enum(['allowed', 'not-allowed', 'needs-info']),
  count: z.number().check(z.int()),
  valueSek: z.number(),
});
export type StatsRow = z.infer<typeof statsRowSchema>;
export const statsResponseSchema = z.strictObject({
  rows: z.array(statsRowSchema),
  /** Records in these figures that failed the latest verification: counted with their stored values, which may be forged. */
  failedVerification: z.optional(z.nullable(failedInFiguresSchema)),
});

/** An error body: what went wrong and, for a bad request, each bad field by its dotted path. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.optional(z.array(z.strictObject({ field: z.string(), message: z.string() }))),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const rulesetInfoSchema = z.strictObject({ version: z.string(), hash: hexHash });

export const identitySchema = z.strictObject({
  user: z.string(),
  role: z.enum(roles),
  organisations: z.array(z.union([z.literal('*'), organisationIdSchema])),
});
export type Identity = z.infer<typeof identitySchema>;

/** GET /api/identities: in the single-user default, who one may act as (no secrets); with sign-in, who is signed in. */
export const identitiesResponseSchema = z.strictObject({
  headerIdentity: z.boolean(),
  users: z.array(z.strictObject({ name: z.string(), roles: z.array(z.enum(roles)), organisations: z.array(z.union([z.literal('*'), organisationIdSchema])) })),
  /** Where the server signs its users in with the organisation's OpenID provider: who this browser is signed in as, if anyone. */
  signIn: z.optional(
    z.strictObject({
      signedIn: z.nullable(
        z.strictObject({ user: z.string(), roles: z.array(z.enum(roles)), organisations: z.array(z.union([z.literal('*'), organisationIdSchema])), via: z.literal('oidc'), expiresAt: z.string() }),
      ),
    }),
  ),
});
