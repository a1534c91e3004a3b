import { textProblem } from '../shared/text-check';
import { typedTextMessage } from './form-schema';
import type { RouteId } from '../engine/answers-schema';
import { verdictsOf, type Outcome } from '../engine/outcome';
import type { Localized, Verdict } from '../engine/ruleset-schema';
import { deviationOf, needsAcknowledgement, type DeviationKind } from '../shared/deviation';
import { decisionMakerProblems, type DecisionMakerField } from '../shared/decision-maker';
import type { Draft } from './draft';
import { shownVerdict, type RecommendationStatus, type ShownVerdict } from './recommendation-status';

const optionWords: Record<ShownVerdict, Localized> = {
  recommended: { sv: 'rekommenderas', en: 'recommended' },
  preliminary: { sv: 'preliminärt rekommenderad', en: 'provisionally recommended' },
  allowed: { sv: 'tillåten', en: 'allowed' },
  'not-allowed': { sv: 'inte tillåten', en: 'not allowed' },
  'needs-info': { sv: 'behöver mer information', en: 'needs more information' },
};

export type RouteOption = { route: RouteId; verdict: Verdict; label: Localized };

/** The "Vald väg" options, each with its verdict in words, e.g. "IOP – inte tillåten". */
export function routeOptions(outcome: Outcome, status: RecommendationStatus): RouteOption[] {
  return outcome.routes.map((r) => {
    const words = optionWords[shownVerdict(r.verdict, status)];
    return { route: r.route, verdict: r.verdict, label: { sv: `${r.name.sv} – ${words.sv}`, en: `${r.name.en} – ${words.en}` } };
  });
}

/** How the chosen route departs from the engine's judgement, if it does. */
export function chosenDeviation(outcome: Outcome | null, chosenRoute: RouteId | null): DeviationKind | null {
  if (!outcome) return null;
  return deviationOf(verdictsOf(outcome), outcome.recommendation.route, chosenRoute);
}

export type DecisionField = 'chosenRoute' | 'acknowledgedVerdict' | 'deviationReason' | 'justification' | DecisionMakerField;

export const decisionFieldNames: Record<DecisionField, Localized> = {
  chosenRoute: { sv: 'Vald väg', en: 'Chosen route' },
  acknowledgedVerdict: { sv: 'Bekräftelse av avvikelsen', en: 'Acknowledgement of the deviation' },
  deviationReason: { sv: 'Skäl att avvika', en: 'Reason for deviating' },
  justification: { sv: 'Motivering', en: 'Justification' },
  decidedByName: { sv: 'Beslutat av: namn', en: 'Decided by: name' },
  decidedByTitle: { sv: 'Beslutat av: befattning', en: 'Decided by: title' },
  diarienummer: { sv: 'Diarienummer', en: 'Diarienummer' },
};

/** What is missing before the decision can be filed, by field, in the words shown at that field. */
export function decisionProblems(outcome: Outcome | null, decision: Draft['decision'], chosenRoute: RouteId | null): Partial<Record<DecisionField, Localized>> {
  const problems: Partial<Record<DecisionField, Localized>> = {};
  if (!chosenRoute) problems.chosenRoute = { sv: 'Välj den väg ni beslutar.', en: 'Choose the route you decide on.' };
  const verdict = outcome?.routes.find((r) => r.route === chosenRoute)?.verdict;
  if (needsAcknowledgement(verdict) && decision.acknowledgedVerdict !== verdict) {
    problems.acknowledgedVerdict =
      verdict === 'not-allowed'
        ? { sv: 'Bekräfta att ni väljer en väg som bedömts som inte tillåten.', en: 'Confirm that you choose a route judged not allowed.' }
        : { sv: 'Bekräfta att ni väljer en väg som inte kunnat bedömas fullt ut.', en: 'Confirm that you choose a route that could not be fully judged.' };
  }
  if (chosenDeviation(outcome, chosenRoute) && !decision.deviationReason?.trim()) {
    problems.deviationReason = { sv: 'Skriv varför ni avviker från bedömningen.', en: 'Write why you depart from the assessment.' };
  }
  if (!decision.justification?.trim()) problems.justification = { sv: 'Skriv motiveringen: varför vägen valdes.', en: 'Write the justification: why the route was chosen.' };
  // What is typed is printed on page 1 and filed: refused here, in the reader's words, before the save.
  for (const field of ['justification', 'deviationReason'] as const) {
    const problem = textProblem(decision[field] ?? '', { printable: true });
    if (problem) problems[field] = { sv: typedTextMessage(problem, 'sv'), en: typedTextMessage(problem, 'en') };
  }
  return { ...problems, ...decisionMakerProblems(decision) };
}
