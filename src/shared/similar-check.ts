import { z } from 'zod/mini';
import { routeIds } from '../engine/answers-schema';

/**
 * The guide's check of the register for similar purchases: what was asked, what the register
 * found and what the procurer did with each, or why the register could not be asked. Kept in the draft while the
 * guide runs and in the record once saved, so the document and a replay show what was added to the estimated
 * value and why the rest was not (LOU 5 kap.). zod/mini, as the draft is, so the guide's first load stays small.
 */

/** Why a found purchase was not added: not the same need, already in the value typed, or another reason in words. */
export const notAddedReasons = ['not-same-need', 'already-counted', 'other'] as const;
export type NotAddedReason = (typeof notAddedReasons)[number];

/** Why the register could not be asked. `incomplete`: the answers do not yet say what is bought or from whom. */
export const uncheckedReasons = ['offline', 'server-error', 'forbidden', 'no-register', 'incomplete'] as const;
export type UncheckedReason = (typeof uncheckedReasons)[number];

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const similarLookupSchema = z.strictObject({
  organisation: z.string(),
  decisionDate: isoDate,
  orgNumber: z.optional(z.string()),
  supplierName: z.optional(z.string()),
  cpvCode: z.optional(z.string()),
});
export type SimilarLookup = z.infer<typeof similarLookupSchema>;

export const similarChoiceSchema = z.union([
  z.strictObject({ add: z.literal(true) }),
  z.strictObject({ add: z.literal(false), reason: z.enum(notAddedReasons), note: z.optional(z.string().check(z.maxLength(1000))) }),
]);
export type SimilarChoice = z.infer<typeof similarChoiceSchema>;

export const similarFoundSchema = z.strictObject({
  id: z.number().check(z.int(), z.positive()),
  decisionDate: isoDate,
  description: z.nullable(z.string()),
  supplier: z.nullable(z.string()),
  /** The purchase's own value: its estimated value without the similar purchases it itself counted in. */
  valueSek: z.nullable(z.number().check(z.nonnegative())),
  route: z.enum(routeIds),
  match: z.array(z.enum(['orgNumber', 'supplierName', 'cpvGroup'])),
  /** Missing while the procurer has not yet decided. */
  choice: z.optional(similarChoiceSchema),
});
export type SimilarFound = z.infer<typeof similarFoundSchema>;

export const similarCheckSchema = z.union([
  z.strictObject({
    status: z.literal('checked'),
    lookup: similarLookupSchema,
    checkedAt: z.string(),
    window: z.strictObject({ from: isoDate, to: isoDate }),
    found: z.array(similarFoundSchema),
  }),
  z.strictObject({
    status: z.literal('unchecked'),
    lookup: z.nullable(similarLookupSchema),
    /** When the register was tried; left out when the answers did not allow asking it (`incomplete`). */
    checkedAt: z.optional(z.string()),
    reason: z.enum(uncheckedReasons),
    /** What the register (or the network) said, for the record. */
    detail: z.string().check(z.maxLength(500)),
  }),
]);
export type SimilarCheck = z.infer<typeof similarCheckSchema>;
