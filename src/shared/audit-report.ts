import { z } from 'zod/mini';
import { routeIds, supplierKinds } from '../engine/answers-schema';
import { evidenceStatuses, verdicts } from '../engine/ruleset-terms';
import { organisationIdSchema, roles } from './decision-record';
import { recordEventDetailSchema } from './record-events';
import { failedInFiguresSchema } from './verification-mark';

/**
 * The auditor's reports, shared by the server (src/server/reports) and the client
 * (src/features/register/reports): exception lists, a record's audit view, the reports for
 * political bodies, the rule-set diff and the rule-change impact analysis.
 */

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const localized = z.strictObject({ sv: z.string(), en: z.string() });

/** What an exception report can look for. */
export const exceptionKinds = [
  'deviation',
  'chosen-not-allowed',
  'above-documentation-limit',
  'late-documentation',
  'weak-basis',
  'split-purchase',
] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/** A rule or a value a verdict rested on whose source is weaker than verified. */
export const weakBasisSchema = z.strictObject({
  kind: z.enum(['rule', 'parameter']),
  id: z.string(),
  label: localized,
  status: z.enum(evidenceStatuses),
});

/** One record as an auditor scans it. */
export const auditRowSchema = z.strictObject({
  id: z.number().check(z.int(), z.positive()),
  organisation: organisationIdSchema,
  decisionDate: isoDate,
  recordedAt: z.string(),
  rulesetVersion: z.string(),
  chosenRoute: z.enum(routeIds),
  recommendedRoute: z.nullable(z.enum(routeIds)),
  chosenVerdict: z.enum(verdicts),
  deviates: z.boolean(),
  deviationReason: z.nullable(z.string()),
  description: z.nullable(z.string()),
  supplierName: z.nullable(z.string()),
  supplierOrgNumber: z.nullable(z.string()),
  supplierKind: z.enum([...supplierKinds, 'unknown']),
  cpvCode: z.nullable(z.string()),
  totalSek: z.nullable(z.number()),
  documentationLimitSek: z.nullable(z.number()),
  /** Whole days from the decision date to the day the record was saved. */
  daysToRecord: z.number().check(z.int()),
  weakBasis: z.array(weakBasisSchema),
  corrects: z.nullable(z.number().check(z.int())),
  supersededBy: z.nullable(z.number().check(z.int())),
  /** The exceptions this record is listed under. */
  exceptions: z.array(z.enum(exceptionKinds)),
  /** For a split purchase: the other direct awards of the pattern. */
  related: z.array(z.number().check(z.int())),
  /** The latest verification run found this record failing: its values here may be forged. */
  failedVerification: z.optional(z.boolean()),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const exceptionQuerySchema = z.strictObject({
  kind: z._default(z.enum([...exceptionKinds, 'all']), 'all'),
  organisation: z.optional(organisationIdSchema),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  offset: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z._default(z.number({ error: 'must be a number' }).check(z.int(), z.gte(0)), 0)),
  limit: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z._default(z.number({ error: 'must be a number' }).check(z.int(), z.gte(1), z.lte(500)), 50)),
});
export type ExceptionQuery = z.infer<typeof exceptionQuerySchema>;

export const exceptionResponseSchema = z.strictObject({
  /** The records the filter covers (current records: a corrected one counts as its correction). */
  scanned: z.number().check(z.int()),
  counts: z.record(z.enum(exceptionKinds), z.number().check(z.int())),
  total: z.number().check(z.int()),
  items: z.array(auditRowSchema),
});
export type ExceptionResponse = z.infer<typeof exceptionResponseSchema>;

/** A limit or threshold a record's verdicts rested on, as it stood on the decision date. */
export const usedLimitSchema = z.strictObject({
  id: z.string(),
  label: localized,
  unit: z.enum(['SEK', 'EUR', 'share', 'years']),
  value: z.number(),
  from: z.string(),
  status: z.enum(evidenceStatuses),
  source: z.strictObject({ title: z.string(), section: z.string(), url: z.nullable(z.string()) }),
  /** The chosen or the recommended route's verdict turned on it; the others were read by the evaluation too. */
  deciding: z.boolean(),
});

export const timelineEventSchema = z.strictObject({
  kind: z.enum(['decided', 'saved', 'corrects', 'corrected-by', 'verified', 'verification-run', 'replayed', 'impact-analysis', 'evidence-adopted']),
  at: z.string(),
  /** The other record of a correction. */
  recordId: z.nullable(z.number().check(z.int())),
  by: z.nullable(z.string()),
  role: z.nullable(z.enum(roles)),
  /** For a check, a run or a replay: what it found for this record. */
  result: z.nullable(z.enum(['passed', 'failed', 'not-listed', 'unchanged', 'changed'])),
  /** Saved: the record's rule set; a check, run or replay: the server's rule set when it ran. */
  rulesetVersion: z.nullable(z.string()),
  detail: z.nullable(recordEventDetailSchema),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** Replay in words that say what was tried: the stored decision date, or today's. */
export const replayTodaySchema = z.strictObject({
  rulesetVersion: z.string(),
  date: isoDate,
  verdicts: z.record(z.enum(routeIds), z.enum(verdicts)),
  recommendedRoute: z.nullable(z.enum(routeIds)),
  problem: z.nullable(z.string()),
});

export const recordAuditSchema = z.strictObject({
  row: auditRowSchema,
  limits: z.array(usedLimitSchema),
  timeline: z.array(timelineEventSchema),
  /** The stored answers judged under the current rule set, once for the decision date and once for today. */
  asDecided: replayTodaySchema,
  asToday: replayTodaySchema,
});
export type RecordAudit = z.infer<typeof recordAuditSchema>;

/** For the reports to kommunfullmäktige and regionfullmäktige. */
export const socialReportQuerySchema = z.strictObject({
  organisation: z.optional(organisationIdSchema),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
});
export type SocialReportQuery = z.infer<typeof socialReportQuerySchema>;

export const socialReportRowSchema = z.strictObject({
  year: z.string(),
  route: z.enum(routeIds),
  supplierKind: z.enum([...supplierKinds, 'unknown']),
  /** A genuine IOP (chosen and judged allowed) is a partnership, not a purchase. */
  kind: z.enum(['purchase', 'partnership']),
  count: z.number().check(z.int()),
  valueSek: z.number(),
});
export type SocialReportRow = z.infer<typeof socialReportRowSchema>;

export const socialSupplierRowSchema = z.strictObject({
  supplier: z.string(),
  supplierKind: z.enum([...supplierKinds, 'unknown']),
  firstDecision: isoDate,
  byYear: z.array(z.strictObject({ year: z.string(), count: z.number().check(z.int()), valueSek: z.number() })),
  records: z.array(z.number().check(z.int())),
});
export type SocialSupplierRow = z.infer<typeof socialSupplierRowSchema>;

export const socialReportSchema = z.strictObject({
  rows: z.array(socialReportRowSchema),
  /** Suppliers that are social enterprises or idéburna, with their decisions per year. */
  suppliers: z.array(socialSupplierRowSchema),
  /** Records the reader may read that failed the latest verification: counted with their stored values, which may be forged. */
  failedVerification: z.optional(z.nullable(failedInFiguresSchema)),
});
export type SocialReport = z.infer<typeof socialReportSchema>;

/**
 * A rule set as a reader tells two apart: its version, the date it was last reviewed, the start of its hash,
 * and whether it is the working copy of rules/ on the server (not yet used for any decision).
 */
export const rulesetNameSchema = z.strictObject({
  version: z.string(),
  hash: z.string(),
  date: z.optional(z.nullable(z.string())),
  working: z.optional(z.boolean()),
});
export type RulesetName = z.infer<typeof rulesetNameSchema>;

/** A rule set to compare: a stored one by its hash, or the working copy of rules/ on the server. */
export const rulesetRefSchema = z.union([z.literal('working'), z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be "working" or a stored rule set\'s hash'))]);

export const rulesetListSchema = z.strictObject({
  current: rulesetNameSchema,
  working: z.nullable(rulesetNameSchema),
  workingProblem: z.nullable(z.string()),
  stored: z.array(z.strictObject({ version: z.string(), hash: z.string(), date: z.optional(z.nullable(z.string())), records: z.number().check(z.int()), firstDecision: z.nullable(z.string()) })),
});
export type RulesetList = z.infer<typeof rulesetListSchema>;

export const rulesetDiffEntrySchema = z.strictObject({
  part: z.enum(['manifest', 'facts', 'sources', 'parameters', 'rules', 'overlays', 'layers']),
  id: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  label: z.string(),
  /** The change in words, one sentence per dated value or per entry. */
  words: z.array(localized),
  /** The fields that differ, each as canonical JSON before and after. */
  fields: z.array(z.strictObject({ field: z.string(), before: z.nullable(z.string()), after: z.nullable(z.string()) })),
});
export type RulesetDiffEntry = z.infer<typeof rulesetDiffEntrySchema>;

export const rulesetDiffSchema = z.strictObject({
  from: rulesetNameSchema,
  to: rulesetNameSchema,
  entries: z.array(rulesetDiffEntrySchema),
});
export type RulesetDiff = z.infer<typeof rulesetDiffSchema>;

/** One record whose verdicts or recommendation differ between the two rule sets. */
export const impactItemSchema = z.strictObject({
  id: z.number().check(z.int()),
  organisation: organisationIdSchema,
  decisionDate: isoDate,
  chosenRoute: z.enum(routeIds),
  recommendation: z.strictObject({ before: z.nullable(z.enum(routeIds)), after: z.nullable(z.enum(routeIds)) }),
  routes: z.array(z.strictObject({ route: z.enum(routeIds), before: z.nullable(z.enum(verdicts)), after: z.nullable(z.enum(verdicts)) })),
  /** The rules whose result changed and the values (limits) in force on the decision date that changed. */
  reasons: z.array(z.strictObject({ ruleId: z.string(), title: localized, before: z.nullable(z.string()), after: z.nullable(z.string()) })),
  parameters: z.array(z.strictObject({ id: z.string(), label: localized, unit: z.optional(z.enum(['SEK', 'EUR', 'share', 'years'])), before: z.nullable(z.number()), after: z.nullable(z.number()) })),
  /** The records that one of the rule sets cannot judge (e.g. a date it does not cover). */
  problem: z.nullable(z.string()),
});
export type ImpactItem = z.infer<typeof impactItemSchema>;

/** The impact analysis streams one JSON object per line: progress, items, and a summary at the end. */
export const impactLineSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), from: rulesetNameSchema, to: rulesetNameSchema, total: z.number().check(z.int()), workers: z.number().check(z.int()) }),
  z.strictObject({ type: z.literal('progress'), done: z.number().check(z.int()), total: z.number().check(z.int()) }),
  z.strictObject({ type: z.literal('item'), item: impactItemSchema }),
  /** `lastId`: the last record read, so the analysis covers records 1 to `lastId`. */
  z.strictObject({ type: z.literal('done'), checked: z.number().check(z.int()), changed: z.number().check(z.int()), lastId: z.number().check(z.int()), ms: z.number() }),
  z.strictObject({ type: z.literal('error'), message: z.string() }),
]);
export type ImpactLine = z.infer<typeof impactLineSchema>;

export const impactQuerySchema = z.strictObject({
  from: rulesetRefSchema,
  to: rulesetRefSchema,
  organisation: z.optional(organisationIdSchema),
});

/** GET /api/reports/similar: earlier or later direct awards that may be one purchase with this one. */
export const similarQuerySchema = z.strictObject({
  organisation: organisationIdSchema,
  decisionDate: isoDate,
  orgNumber: z.optional(z.string()),
  supplierName: z.optional(z.string()),
  cpvCode: z.optional(z.string()),
  exclude: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z.optional(z.number().check(z.int(), z.positive()))),
});
export const similarResponseSchema = z.strictObject({
  window: z.strictObject({ from: isoDate, to: isoDate }),
  items: z.array(
    z.strictObject({
      row: auditRowSchema,
      match: z.array(z.enum(['orgNumber', 'supplierName', 'cpvGroup'])),
      /**
       * The purchase's own value: its estimated value without the similar purchases it counted in itself, so that a
       * guide adding several found purchases never counts one twice (the guide's check).
       */
      ownValueSek: z.optional(z.nullable(z.number())),
    }),
  ),
});
export type SimilarResponse = z.infer<typeof similarResponseSchema>;

/** How the direct awards of a split-purchase group were matched (always within twelve months). */
export const splitMatches = ['orgNumber', 'supplierName', 'cpvGroup'] as const;
export type SplitMatch = (typeof splitMatches)[number];

/**
 * A split-purchase group is shown when its sum is at or over the direct-award limit, or within this share under
 * it: a sum of 650 000 kr against 700 000 kr is worth an auditor's look (one more order, or a value estimated
 * low, and it is over), while two purchases of 90 000 kr from one fruit supplier are not a finding.
 */
export const nearLimitShare = 0.1;

/** Direct awards that may be one purchase split up, with their sum against the direct-award limit. */
export const splitGroupSchema = z.strictObject({
  organisation: organisationIdSchema,
  match: z.array(z.enum(splitMatches)),
  /** The first and the latest award's date: at most twelve months apart. */
  from: isoDate,
  to: isoDate,
  decisions: z.array(
    z.strictObject({
      id: z.number().check(z.int()),
      decisionDate: isoDate,
      description: z.nullable(z.string()),
      supplierName: z.nullable(z.string()),
      supplierOrgNumber: z.nullable(z.string()),
      cpvCode: z.nullable(z.string()),
      /** The award's own value, without similar purchases it already counted in itself. */
      valueSek: z.nullable(z.number()),
      /** The direct-award limit in force on its date, under the rule set it was decided by. */
      limitSek: z.nullable(z.number()),
      /** The latest verification found the record not to match the log: its value here may be forged. */
      failedVerification: z.optional(z.boolean()),
    }),
  ),
  sumSek: z.number(),
  /** The limit in force on the latest award's date, the one the sum is held against. */
  limitSek: z.number(),
  limitDate: isoDate,
  /** At or over the limit; otherwise within the near band under it. */
  over: z.boolean(),
});
export type SplitGroup = z.infer<typeof splitGroupSchema>;

export const splitGroupQuerySchema = z.strictObject({
  organisation: z.optional(organisationIdSchema),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  /** "endast grupper över gränsen". */
  over: z.optional(z.enum(['1', '0'])),
  offset: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z._default(z.number({ error: 'must be a number' }).check(z.int(), z.gte(0)), 0)),
  limit: z.pipe(z.transform((v) => (v === undefined ? undefined : Number(v))), z._default(z.number({ error: 'must be a number' }).check(z.int(), z.gte(1), z.lte(200)), 50)),
});
export type SplitGroupQuery = z.infer<typeof splitGroupQuerySchema>;

export const splitGroupResponseSchema = z.strictObject({
  /** The share under the limit within which a group is still shown (0.1: from 90 % of the limit). */
  nearShare: z.number(),
  total: z.number().check(z.int()),
  over: z.number().check(z.int()),
  items: z.array(splitGroupSchema),
});
export type SplitGroupResponse = z.infer<typeof splitGroupResponseSchema>;
