import { addedSek, isDecided } from '../guide/similar-purchases';
import type { SaveDecisionRequest } from '../shared/decision-record';
import { RegisterError } from './register-service';

/**
 * A record keeps the guide's similar-purchase check only as a whole answer: made for this
 * organisation and decision date, every found purchase either added or left out with a reason, and the additions
 * within the answers' similar purchases, so that the value the engine judged contains what the record says was added.
 */
export function checkSimilarPurchases(request: SaveDecisionRequest): void {
  const check = request.similarPurchases;
  if (!check) return;
  const { organisation, decisionDate } = request.answers;
  if (check.lookup && (check.lookup.organisation !== organisation || check.lookup.decisionDate !== decisionDate)) {
    throw new RegisterError(422, 'similar-purchases-mismatch', `the similar purchases were looked up for ${check.lookup.organisation} on ${check.lookup.decisionDate}, not for ${organisation} on ${decisionDate}: look them up again`, 'similarPurchases.lookup');
  }
  if (check.status !== 'checked') return;
  const open = check.found.findIndex((f) => !isDecided(f));
  if (open >= 0) {
    throw new RegisterError(422, 'similar-purchase-undecided', `similar purchase no. ${check.found[open]!.id} is neither added to the estimated value nor left out with a reason`, `similarPurchases.found.${open}.choice`);
  }
  const added = addedSek(check);
  const counted = request.answers.value?.similarPurchasesSek ?? 0;
  if (added > counted) {
    throw new RegisterError(422, 'similar-purchases-not-counted', `the similar purchases added from the register (${added} kr) are more than the similar purchases in the answers (${counted} kr)`, 'answers.value.similarPurchasesSek');
  }
}
