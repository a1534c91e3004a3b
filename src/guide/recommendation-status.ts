import type { Outcome } from '../engine/outcome';
import type { Verdict } from '../engine/ruleset-schema';
import type { SimilarCheck } from '../shared/similar-check';
import type { DraftAnswers } from './draft';
import { undecided } from './similar-purchases';

/**
 * Whether the recommendation stands: `final` once every answer that could change it is given, `preliminary` while
 * the value is unknown or a route preferred before it could still open, `none` without one.
 */
export type RecommendationStatus = 'final' | 'preliminary' | 'none';

/**
 * `similar`, where the guide checks the register for similar purchases: null while the check is still being made.
 * Until it is made and each purchase it found is decided, the value may still grow past a limit (LOU 19 a kap.,
 * purchases of the same kind are added up), so the recommendation is preliminary, never "Rekommenderas".
 */
export function recommendationStatus(outcome: Outcome, answers: DraftAnswers, similar?: SimilarCheck | null): RecommendationStatus {
  if (outcome.recommendation.route === null) return 'none';
  if (answers.value?.totalSek === undefined) return 'preliminary';
  if (similar === null || (similar !== undefined && undecided(similar).length > 0)) return 'preliminary';
  return outcome.recommendation.couldChange.some((c) => c.missing.length > 0) ? 'preliminary' : 'final';
}

/** A route's verdict as the procurer should read it: "Preliminärt" where "Rekommenderas" would claim too much. */
export type ShownVerdict = Verdict | 'preliminary';

export function shownVerdict(verdict: Verdict, status: RecommendationStatus): ShownVerdict {
  return verdict === 'recommended' && status === 'preliminary' ? 'preliminary' : verdict;
}
