import { z } from 'zod';
import { authorityKinds, organisationIds, routeIds } from './answers-schema';
import { evidenceStatuses } from './ruleset-terms';

/**
 * The format of the data in rules/. Every file is validated against these schemas when the
 * rule set loads; a rule or a parameter value without a date and a source does not load.
 * The format is documented for policy people in rules/README.md.
 */

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by "-" or "."');

export const localizedSchema = z.strictObject({ sv: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

export { evidenceStatuses, verdicts, type Verdict } from './ruleset-terms';
export const evidenceStatusSchema = z.enum(evidenceStatuses);
export type EvidenceStatus = z.infer<typeof evidenceStatusSchema>;

export const sourceRefSchema = z.strictObject({
  document: id,
  excerpt: id,
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const excerptSchema = z.strictObject({
  id,
  /** The section, paragraph or heading where the text stands. */
  section: z.string().min(1),
  /** The text as the document words it (å/ä/ö restored in OCR texts). */
  text: z.string().min(1),
  /** `quote` is the document's own words; `summary` where only a paraphrase could be read. */
  textKind: z.enum(['quote', 'summary']).default('quote'),
  /** A summary in Swedish, for the Swedish reader, where `text` paraphrases in English; quotes keep their own words. */
  textSv: z.string().min(1).optional(),
  status: evidenceStatusSchema.default('verified'),
  note: z.string().optional(),
}).refine((e) => e.textKind !== 'summary' || e.textSv !== undefined, {
  message: 'a summary needs textSv, its wording for Swedish readers',
  path: ['textSv'],
});
export type Excerpt = z.infer<typeof excerptSchema>;

export const sourceDocumentSchema = z.strictObject({
  id,
  title: z.string().min(1),
  issuer: z.string().min(1),
  kind: z.enum(['law', 'preparatory-work', 'guidance', 'supervision', 'case-law', 'policy', 'action-plan', 'motion', 'web-page', 'reference']),
  /** Adopted, decided or published; null where the document does not say. */
  adopted: isoDate.nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable().default(null),
  url: z.string().url().nullable().default(null),
  status: evidenceStatusSchema,
  note: z.string().optional(),
  excerpts: z.array(excerptSchema).min(1),
});
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

export const parameterValueSchema = z.strictObject({
  from: isoDate,
  value: z.number().finite(),
  status: evidenceStatusSchema,
  source: sourceRefSchema,
  /** Shown beside the value wherever it is used, so it speaks to the reader in both languages. */
  note: localizedSchema.optional(),
  /**
   * For a value carried over while its own figure is unread: the band (two parameters' values, from `low` up to but
   * not including `high`) within which the unread figure may lie on either side of a value, so a comparison of such a
   * value with this one cannot be decided, and the figure that is missing, named in both languages.
   */
  unreadWithin: z.strictObject({ low: id, high: id, figure: localizedSchema }).optional(),
});
export type ParameterValue = z.infer<typeof parameterValueSchema>;

export const parameterSchema = z.strictObject({
  id,
  label: localizedSchema,
  unit: z.enum(['SEK', 'EUR', 'share', 'years']),
  /** Dated values, oldest first; each holds until the next one's `from`. */
  values: z.array(parameterValueSchema).min(1),
  /** The last day the parameter file covers; null while it is still in force. */
  validTo: isoDate.nullable().default(null),
});
export type Parameter = z.infer<typeof parameterSchema>;

const factPath = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/);

export const factSchema = z.strictObject({
  /** The dotted path into the answers, e.g. `value.totalSek`. */
  path: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/),
  type: z.enum(['boolean', 'number', 'enum', 'share', 'sek', 'years']),
  options: z.array(z.strictObject({ value: z.string(), label: localizedSchema })).optional(),
  label: localizedSchema,
  help: localizedSchema.optional(),
  /** The question in one plain line, Vägval's own words (not the law's), and an example answer: shown at the field. */
  plain: localizedSchema.optional(),
  example: localizedSchema.optional(),
  source: sourceRefSchema.optional(),
  /**
   * An answer path of an earlier rule set that this fact was split from: a saved answer there is read for this
   * fact when the fact itself has no answer, so old decisions keep their meaning.
   */
  legacyPath: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/).optional(),
  /**
   * A value the law counts from parts (LOU 5 kap.: every year, option and similar purchase): where parts are given,
   * the value judged is the larger of the answer and the sum of its parts, and the texts say which and why.
   */
  countedFromParts: z
    .strictObject({
      /** This purchase's own part: a value per year times the years; without them, the answer itself. */
      own: z.strictObject({ perYear: factPath, years: factPath, words: localizedSchema }),
      /** Parts added to it, each with the words that name it ("för liknande köp under tolv månader"). */
      added: z.array(z.strictObject({ path: factPath, words: localizedSchema })).min(1),
      source: sourceRefSchema,
    })
    .optional(),
});
export type Fact = z.infer<typeof factSchema>;

const primitive = z.union([z.string(), z.number(), z.boolean()]);
export const comparisonOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      fact: string;
      op: (typeof comparisonOps)[number];
      value?: string | number | boolean | Array<string | number | boolean> | undefined;
      param?: string | undefined;
    };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z
      .strictObject({
        fact: z.string().min(1),
        op: z.enum(comparisonOps),
        value: z.union([primitive, z.array(primitive)]).optional(),
        param: id.optional(),
      })
      .refine((c) => (c.value === undefined) !== (c.param === undefined), {
        message: 'a comparison takes exactly one of `value` or `param`',
      }),
  ]),
);


/**
 * ground: the route is open if at least one ground holds.
 * requirement: the route is closed if one requirement fails.
 * obligation: what the procurer must then do or document, when it applies.
 * caution: a risk the procurer must know, when it applies.
 */
export const ruleKinds = ['ground', 'requirement', 'obligation', 'caution'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const ruleSchema = z
  .strictObject({
    id,
    kind: z.enum(ruleKinds),
    title: localizedSchema,
    /** The provision the rule encodes, e.g. "LOU 19 a kap. 11 §". */
    legalBasis: z.string().min(1),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    status: evidenceStatusSchema,
    source: sourceRefSchema,
    /** The rule is considered only where this holds (unknown: the rule waits for the answer). */
    appliesWhen: conditionSchema.optional(),
    /** For grounds and requirements: what must hold. */
    condition: conditionSchema.optional(),
    /** For obligations and cautions: the route verdicts under which they are shown. */
    onVerdicts: z.array(z.enum(['allowed', 'not-allowed', 'needs-info'])).optional(),
    explanation: z.strictObject({ held: localizedSchema, failed: localizedSchema.optional() }),
    note: z.string().optional(),
  })
  .refine((r) => (r.kind === 'ground' || r.kind === 'requirement' ? r.condition !== undefined : true), {
    message: 'grounds and requirements need a `condition`',
    path: ['condition'],
  })
  .refine((r) => (r.kind === 'ground' || r.kind === 'requirement' ? r.explanation.failed !== undefined : true), {
    message: 'grounds and requirements need `explanation.failed`',
    path: ['explanation', 'failed'],
  })
  .refine((r) => r.validTo === null || r.validTo >= r.validFrom, {
    message: '`validTo` must not be before `validFrom`',
    path: ['validTo'],
  });
export type Rule = z.infer<typeof ruleSchema>;

export const routeFileSchema = z.strictObject({
  route: z.enum(routeIds),
  name: localizedSchema,
  summary: localizedSchema,
  legalBasis: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
});
export type RouteFile = z.infer<typeof routeFileSchema>;

export const overlayNoteSchema = z.strictObject({
  id,
  route: z.enum([...routeIds, 'general']),
  kind: z.enum(['advice', 'documentation', 'caution']),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  status: evidenceStatusSchema,
  source: sourceRefSchema,
  appliesWhen: conditionSchema.optional(),
  text: localizedSchema,
});
export type OverlayNote = z.infer<typeof overlayNoteSchema>;

/** What an organisation's policy adds on top of national law: notes only, never a verdict. */
export const overlayFileSchema = z.strictObject({
  organisation: z.enum(organisationIds),
  name: z.string().min(1),
  kind: z.enum(['kommun', 'region', 'none']),
  /** Which thresholds apply to the organisation's purchases; missing where the answers must say (organisation "other"). */
  authorityKind: z.enum(authorityKinds).optional(),
  documents: z.array(id),
  summary: localizedSchema,
  notes: z.array(overlayNoteSchema),
});
export type OverlayFile = z.infer<typeof overlayFileSchema>;

export const recommendationRuleSchema = z.strictObject({
  id,
  route: z.enum(routeIds),
  /** Preferred only where this also holds, beside the route being allowed. */
  when: conditionSchema.optional(),
  rationale: localizedSchema,
  status: evidenceStatusSchema,
  source: sourceRefSchema,
});
export type RecommendationRule = z.infer<typeof recommendationRuleSchema>;

export const rulesetManifestSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, 'must look like 2026.11.1'),
  lastReviewed: isoDate,
  /** The earliest decision date the rule set can judge. */
  coversFrom: isoDate,
  /** Tried in order; the first allowed route whose condition holds is recommended. */
  recommendation: z.array(recommendationRuleSchema).min(1),
});
export type RulesetManifest = z.infer<typeof rulesetManifestSchema>;

export const factsFileSchema = z.strictObject({ facts: z.array(factSchema).min(1) });

/**
 * A list of CPV codes read from a statute or its guidance (LOU bilaga 2, 19 kap. 25 §, 19 kap. 25 a §), with the
 * dates it applies and where it was read. `complete: false` where only part of the list could be read: a code not
 * on such a list is then "not known", never "not on the list".
 */
export const cpvCodeSchema = z.string().regex(/^\d{8}-\d$/, 'must be a CPV code written 85311000-2');
export const cpvListSchema = z.strictObject({
  id,
  title: localizedSchema,
  /** The answer the list decides, e.g. `purchase.welfareReservationCode`. */
  fact: z.string().min(1),
  legalBasis: z.string().min(1),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  status: evidenceStatusSchema,
  source: sourceRefSchema,
  complete: z.boolean(),
  entries: z
    .array(
      z.strictObject({
        code: cpvCodeSchema,
        /** The last code of a range ("85000000-9 till 85323000-9"); the range holds every code between, both included. */
        to: cpvCodeSchema.optional(),
        /** The label of the code (of a range: of its first code), as the list gives it. */
        heading: localizedSchema,
        /** The label of a range's last code: a range has two labels, never one joined from both. */
        toHeading: localizedSchema.optional(),
        status: evidenceStatusSchema.default('verified'),
      }),
    )
    .min(1),
  note: localizedSchema.optional(),
});
export type CpvList = z.infer<typeof cpvListSchema>;

/** The CPV divisions (first two digits) and the kind of purchase each describes: rules/cpv/divisions.yaml. */
export const cpvDivisionsSchema = z.strictObject({
  id: z.literal('divisions'),
  source: sourceRefSchema,
  status: evidenceStatusSchema,
  divisions: z.array(z.strictObject({ division: z.string().regex(/^\d{2}$/), kind: z.enum(['goods', 'services', 'works']) })).min(1),
});
export type CpvDivisions = z.infer<typeof cpvDivisionsSchema>;
