import type { RouteId } from '../engine/answers-schema';
import type { Localized, Verdict } from '../engine/ruleset-schema';

/**
 * How a chosen route stands against the engine's judgement, for the picker, the document, the register and the
 * server alike. `not-allowed` and `needs-info` are deviations the procurer must acknowledge and give a reason for
 *; `not-recommended` is an allowed route other than the recommended one, which also needs a reason.
 */
export type DeviationKind = 'not-allowed' | 'needs-info' | 'not-recommended';

/** Verdicts a route can be chosen under only with an explicit acknowledgement and a deviation reason. */
export const acknowledgedVerdicts = ['not-allowed', 'needs-info'] as const;
export type AcknowledgedVerdict = (typeof acknowledgedVerdicts)[number];

export function needsAcknowledgement(verdict: Verdict | undefined): verdict is AcknowledgedVerdict {
  return verdict === 'not-allowed' || verdict === 'needs-info';
}

export function deviationOf(verdicts: Readonly<Partial<Record<RouteId, Verdict>>>, recommendedRoute: RouteId | null, chosenRoute: RouteId | null): DeviationKind | null {
  if (!chosenRoute) return null;
  const verdict = verdicts[chosenRoute];
  if (needsAcknowledgement(verdict)) return verdict;
  if (recommendedRoute !== null && chosenRoute !== recommendedRoute) return 'not-recommended';
  return null;
}

/** The flag on the first line of the document and of the register's list and record. */
export const deviationFlags: Record<DeviationKind, Localized> = {
  'not-allowed': { sv: 'Avviker: vald väg bedömd som inte tillåten', en: 'Deviates: the chosen route was judged not allowed' },
  'needs-info': { sv: 'Avviker: vald väg bedömd som behöver mer information', en: 'Deviates: the chosen route was judged to need more information' },
  'not-recommended': { sv: 'Avviker från rekommendationen', en: 'Deviates from the recommendation' },
};
