import { z } from 'zod/mini';
import { answersSchema, routeIds, type Answers } from '../engine/answers-schema';
import { acknowledgedVerdicts } from '../shared/deviation';
import { receiptSchema } from '../shared/receipt';
import { roles } from '../shared/decision-record';
import { similarCheckSchema } from '../shared/similar-check';
import { paymentBases, valueBases } from './guide-questions';
import { stepIds, type StepId } from './steps';

/** Answers while the wizard is under way: the organisation and the decision date may still be missing. */
export const draftAnswersSchema = z.partial(answersSchema);
export type DraftAnswers = z.infer<typeof draftAnswersSchema>;

export const savedRecordSchema = z.strictObject({
  from: z.string(),
  id: z.number().check(z.int(), z.positive()),
  savedBy: z.strictObject({ user: z.string(), role: z.enum(roles) }),
  recordedAt: z.string(),
  hash: z.string(),
  receipt: z.optional(receiptSchema),
});
export type SavedRecord = z.infer<typeof savedRecordSchema>;

/** What the procurer says that is no answer the rules read, but steers the wizard or records the decision. */
export const draftSchema = z.strictObject({
  answers: draftAnswersSchema,
  wizard: z.strictObject({
    /** The procurer intends an idéburet offentligt partnerskap, whoever the supplier is. */
    partnershipIntended: z.optional(z.boolean()),
    /** The procurer has bought, or will buy, similar things within 12 months (LOU 5 kap.). */
    hasSimilarPurchases: z.optional(z.boolean()),
    /** How the contract states its price: per year (the default) or one sum for the whole term. */
    valueBasis: z.optional(z.enum(valueBases)),
    /** With `valueBasis: total`, the sum as typed; the answers get the value per year it implies. */
    contractSek: z.optional(z.number().check(z.nonnegative())),
    /** How the idéburen organisation is paid; sets partnership.paymentForService (guide-questions.ts). */
    paymentBasis: z.optional(z.enum(paymentBases)),
    /** The register's similar purchases and what the procurer added of them (similar-purchases.ts, LOU 5 kap.). */
    similarCheck: z.optional(similarCheckSchema),
    /** The register numbers this draft was saved as: never listed as its own similar purchases. */
    savedAs: z.optional(z.array(z.number())),
    /**
     * The register's record of the last save and what it was saved from (a hash of the decision's content), so that
     * after a reload, or the next day, the document still carries the number and the receipt it was filed with.
     */
    savedRecord: z.optional(savedRecordSchema),
  }),
  decision: z.strictObject({
    justification: z.optional(z.string().check(z.maxLength(10000))),
    chosenRoute: z.optional(z.enum(routeIds)),
    deviationReason: z.optional(z.string().check(z.maxLength(10000))),
    /** The verdict of the chosen route the procurer acknowledged choosing against (not-allowed, needs-info). */
    acknowledgedVerdict: z.optional(z.enum(acknowledgedVerdicts)),
    /** Who took the decision and the diarium's number, as typed (checked at the field: src/shared/decision-maker.ts). */
    decidedByName: z.optional(z.string().check(z.maxLength(10000))),
    decidedByTitle: z.optional(z.string().check(z.maxLength(10000))),
    diarienummer: z.optional(z.string().check(z.maxLength(10000))),
    /** Obligations (rule ids) the procurer has ticked off. */
    checked: z.optional(z.array(z.string())),
  }),
  step: z.enum(stepIds),
  visited: z.array(z.enum(stepIds)),
  /** Per step, the questions that were on screen when the procurer last went on from it. */
  confirmed: z.partialRecord(z.enum(stepIds), z.array(z.string())),
});
export type Draft = z.infer<typeof draftSchema>;

export function emptyDraft(): Draft {
  return { answers: {}, wizard: {}, decision: {}, step: 'organisation', visited: ['organisation'], confirmed: {} };
}

/** The answers the engine can judge, or null before the organisation and the decision date are known. */
export function judgeable(answers: DraftAnswers): Answers | null {
  if (!answers.organisation || !answers.decisionDate) return null;
  return answers as Answers;
}

export function readPath(answers: DraftAnswers, path: string): unknown {
  let node: unknown = answers;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy with one answer set (undefined removes it); empty sections are dropped so the strict schema holds. */
export function writePath<T extends DraftAnswers>(answers: T, path: string, value: unknown): T {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  const copy: Record<string, unknown> = { ...answers };
  if (leaf === undefined) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy as T;
  }
  const section: Record<string, unknown> = { ...((copy[head] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete section[leaf];
  else section[leaf] = value;
  if (Object.keys(section).length === 0) delete copy[head];
  else copy[head] = section;
  return copy as T;
}

/**
 * A copy with one answer changed the way a what-if means it. A new total ("600 000 kr in all") is the whole value
 * the law counts, so the parts it was built from (price per year, options, similar purchases) give way to it: the
 * engine judges the larger of the total and its parts (LOU 5 kap. 3 §), and kept parts would keep the old value and
 * change nothing.
 */
export function writeWhatIf<T extends DraftAnswers>(answers: T, path: string, value: unknown): T {
  let changed = answers;
  if (path === 'value.totalSek') {
    for (const part of ['value.annualSek', 'value.optionsSek', 'value.similarPurchasesSek']) changed = writePath(changed, part, undefined);
  }
  return writePath(changed, path, value);
}

/** Only the answers to the given questions: what the engine judges and the document shows. */
export function pickAnswers<T extends DraftAnswers>(answers: T, paths: Iterable<string>): T {
  let picked = {} as T;
  for (const path of paths) {
    const value = readPath(answers, path);
    if (value !== undefined) picked = writePath(picked, path, value);
  }
  return picked;
}

export function isStep(value: string): value is StepId {
  return (stepIds as readonly string[]).includes(value);
}
