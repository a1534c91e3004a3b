import type { Outcome } from '../engine/outcome';
import type { Verdict } from '../engine/ruleset-schema';
import type { DraftAnswers } from './draft';

/**
 * Whether the recommendation stands: `final` once every answer that could change it is given, `preliminary` while
 * the value is unknown or a route preferred before it could still open (issue 11, item 6), `none` without one.
 */
export type RecommendationStatus = 'final' | 'preliminary' | 'none';

export function recommendationStatus(outcome: Outcome, answers: DraftAnswers): RecommendationStatus {
  if (outcome.recommendation.route === null) return 'none';
  if (answers.value?.totalSek === undefined) return 'preliminary';
  return outcome.recommendation.couldChange.some((c) => c.missing.length > 0) ? 'preliminary' : 'final';
}

/** A route's verdict as the procurer should read it: "Preliminärt" where "Rekommenderas" would claim too much. */
export type ShownVerdict = Verdict | 'preliminary';

export function shownVerdict(verdict: Verdict, status: RecommendationStatus): ShownVerdict {
  return verdict === 'recommended' && status === 'preliminary' ? 'preliminary' : verdict;
}
