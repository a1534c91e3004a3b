import type { SimilarCheck, SimilarFound, SimilarLookup, UncheckedReason } from '../shared/similar-check';
import type { Draft, DraftAnswers } from './draft';
import { addedSek } from './similar-value';

export { addedSek, typedSimilarSek } from './similar-value';

/**
 * The guide's side of the similar-purchase check (LOU 5 kap.): when to ask the register, what to
 * keep of its answer, and how what the procurer adds flows into the estimated value the engine judges.
 */

/**
 * What to ask the register, once the organisation, the decision date, what is bought (a CPV code or a description)
 * and the supplier (an organisation number or a name) are known; null before.
 */
export function similarLookup(answers: DraftAnswers): SimilarLookup | null {
  const { organisation, decisionDate } = answers;
  const cpvCode = answers.purchase?.cpvCode?.trim();
  const description = answers.purchase?.description?.trim();
  const orgNumber = answers.supplier?.orgNumber?.trim();
  const supplierName = answers.supplier?.name?.trim();
  if (!organisation || !decisionDate || !(cpvCode || description) || !(orgNumber || supplierName)) return null;
  return { organisation, decisionDate, ...(orgNumber ? { orgNumber } : {}), ...(supplierName ? { supplierName } : {}), ...(cpvCode ? { cpvCode } : {}) };
}

export function sameLookup(a: SimilarLookup | null, b: SimilarLookup | null): boolean {
  if (a === null || b === null) return a === b;
  return a.organisation === b.organisation && a.decisionDate === b.decisionDate && a.orgNumber === b.orgNumber && a.supplierName === b.supplierName && a.cpvCode === b.cpvCode;
}

/** One purchase the register found, as GET /api/reports/similar lists it. */
export type FoundPurchase = Omit<SimilarFound, 'choice'>;

/**
 * The register's answer as the check the draft keeps. A purchase found again keeps the procurer's choice, so asking
 * again (another role, a retry, a reload) never loses what was decided; one no longer found is dropped with it.
 */
export function checkedFrom(previous: SimilarCheck | undefined, lookup: SimilarLookup, window: { from: string; to: string }, found: readonly FoundPurchase[], now: Date): SimilarCheck {
  const kept = new Map((previous?.status === 'checked' ? previous.found : []).map((f) => [f.id, f.choice]));
  return {
    status: 'checked',
    lookup,
    checkedAt: now.toISOString(),
    window,
    found: found.map((f) => {
      const choice = kept.get(f.id);
      return choice ? { ...f, choice } : { ...f };
    }),
  };
}

export function uncheckedFrom(lookup: SimilarLookup | null, reason: UncheckedReason, detail: string, now: Date | null): SimilarCheck {
  return { status: 'unchecked', lookup, ...(now ? { checkedAt: now.toISOString() } : {}), reason, detail: detail.slice(0, 500) };
}


/** A found purchase is decided once it is added, or left out with a reason ("annat skäl" says which in words). */
export function isDecided(found: SimilarFound): boolean {
  const c = found.choice;
  return c !== undefined && (c.add || c.reason !== 'other' || (c.note ?? '').trim() !== '');
}

export function undecided(check: SimilarCheck | undefined): SimilarFound[] {
  return check?.status === 'checked' ? check.found.filter((f) => !isDecided(f)) : [];
}

/** The check with one purchase's choice set (undefined: undecided again). */
export function choose(check: SimilarCheck & { status: 'checked' }, id: number, choice: SimilarFound['choice']): SimilarCheck {
  return { ...check, found: check.found.map((f) => (f.id !== id ? f : choice ? { ...f, choice } : { ...f, choice: undefined })).map(dropUndefinedChoice) };
}

const dropUndefinedChoice = (f: SimilarFound): SimilarFound => {
  if (f.choice !== undefined) return f;
  const { choice: _c, ...rest } = f;
  return rest;
};

/**
 * The EDIT that puts a new check in the draft. The register's additions are part of the answers' similar purchases
 * and of the estimated value (LOU 5 kap.: similar contracts twelve months back and ahead), so the engine judges the
 * value with them; what the procurer typed for other similar purchases is kept as it was.
 */
export function similarCheckEdit(draft: Pick<Draft, 'answers' | 'wizard'>, check: SimilarCheck): { values: Record<string, unknown>; wizard: Partial<Draft['wizard']> } {
  const before = addedSek(draft.wizard.similarCheck);
  const after = addedSek(check);
  const similar = Math.max(0, (draft.answers.value?.similarPurchasesSek ?? 0) - before) + after;
  const total = draft.answers.value?.totalSek;
  return {
    values: {
      'value.similarPurchasesSek': similar > 0 ? similar : undefined,
      'value.totalSek': total === undefined ? undefined : Math.max(0, Math.round(total - before + after)),
    },
    wizard: { similarCheck: check },
  };
}


/**
 * The check as the record and the document keep it for these answers: the draft's when it was made for them,
 * "could not be checked: incomplete" when they do not say enough to ask, and null while it is still to be made.
 */
export function recordedCheck(draft: Pick<Draft, 'wizard'>, answers: DraftAnswers): SimilarCheck | null {
  const lookup = similarLookup(answers);
  // No time: nothing was tried, and the same answers must make the same record (the save's fingerprint).
  if (!lookup) return uncheckedFrom(null, 'incomplete', '', null);
  const check = draft.wizard.similarCheck;
  return check && sameLookup(check.lookup, lookup) ? check : null;
}
