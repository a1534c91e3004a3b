import type { SimilarCheck } from '../shared/similar-check';
import type { Draft } from './draft';

// What the value step needs of the similar-purchase check (similar-purchases.ts), apart so the first load carries no more.

/** The sum of the purchases the procurer added to the estimated value. */
export function addedSek(check: SimilarCheck | undefined): number {
  if (check?.status !== 'checked') return 0;
  return check.found.reduce((sum, f) => sum + (f.choice?.add ? (f.valueSek ?? 0) : 0), 0);
}

/** What the value step shows as typed for other similar purchases: the answers' similar purchases without the register's. */
export function typedSimilarSek(draft: Pick<Draft, 'answers' | 'wizard'>): number | undefined {
  const stored = draft.answers.value?.similarPurchasesSek;
  if (stored === undefined) return undefined;
  const typed = stored - addedSek(draft.wizard.similarCheck);
  return typed > 0 ? typed : undefined;
}
