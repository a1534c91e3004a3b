import type { OrganisationId, RouteId } from './answers-schema';
import type { LayerUse } from './layers';
import type { EvidenceStatus, Localized, RuleKind, Verdict } from './ruleset-schema';

/** Three-valued: a condition holds, fails, or cannot be judged for want of an answer. */
export type Truth = 'held' | 'failed' | 'unknown';

export type CitedSource = {
  documentId: string;
  title: string;
  issuer: string;
  url: string | null;
  excerptId: string;
  section: string;
  text: string;
  textKind: 'quote' | 'summary';
  /** The Swedish wording of a summary (see the excerpt schema). */
  textSv?: string | undefined;
  /** The weaker of the document's and the excerpt's status. */
  status: EvidenceStatus;
};

export type ParameterUse = {
  id: string;
  label: Localized;
  unit: 'SEK' | 'EUR' | 'share' | 'years';
  value: number;
  /** The day this value came into force. */
  from: string;
  status: EvidenceStatus;
  source: CitedSource;
  note?: Localized | undefined;
  /** For a value carried over while its own figure is unread: the band within which a comparison cannot be decided. */
  unreadWithin?: { low: number; high: number; figure: Localized } | undefined;
};

export type ComparisonTrace = {
  kind: 'compare';
  fact: string;
  label: Localized;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
  expected: string | number | boolean | Array<string | number | boolean>;
  parameter?: ParameterUse | undefined;
  actual: string | number | boolean | undefined;
  result: Truth;
  /** Set where the answer lies in the band of a carried-over value whose own figure is unread: the figure missing. */
  unread?: { parameter: string; figure: Localized } | undefined;
  /** The comparison in words, e.g. "Uppskattat värde (650 000 kr) är under direktupphandlingsgränsen (700 000 kr)". */
  text: Localized;
};

export type ConditionTrace =
  | { kind: 'all' | 'any'; result: Truth; children: ConditionTrace[] }
  | { kind: 'not'; result: Truth; child: ConditionTrace }
  | ComparisonTrace;

export type Reason = {
  ruleId: string;
  kind: RuleKind;
  result: Truth;
  title: Localized;
  explanation: Localized;
  legalBasis: string;
  status: EvidenceStatus;
  source: CitedSource;
  parameters: ParameterUse[];
  /** The answers that would decide it, as fact paths. */
  missing: string[];
  /** The unread figures that would decide it (parameter ids): the answers place it where only they can. */
  unreadFigures: string[];
  trace: ConditionTrace | null;
};

export type PolicyNote = {
  id: string;
  organisation: OrganisationId;
  route: RouteId | 'general';
  /** Internal bands add `quotes` (how many offers to take) and `approval` (who must approve). */
  kind: 'advice' | 'documentation' | 'caution' | 'quotes' | 'approval';
  text: Localized;
  status: EvidenceStatus;
  source: CitedSource;
  /** The buyer's document the note comes from, so a reader sees that their organisation, not the law, says it. */
  layer: LayerUse;
};

export type RouteOutcome = {
  route: RouteId;
  name: Localized;
  verdict: Verdict;
  /** The grounds and requirements that decide the verdict (for `allowed`: why; for `not-allowed`: why not). */
  reasons: Reason[];
  /** What the procurer must do or document on this route. */
  obligations: Reason[];
  /** Obligations that apply once a missing answer is given. */
  possibleObligations: Reason[];
  cautions: Reason[];
  policyNotes: PolicyNote[];
  missing: string[];
  /** Where the verdict is needs-info because an unread figure decides it: each figure, named (parameter id, words). */
  unreadFigures: Array<{ parameter: string; figure: Localized }>;
  /** Every active ground and requirement with its result: "why" and "why not" in full. */
  trace: Reason[];
};

export type Recommendation = {
  route: RouteId | null;
  ruleId: string | null;
  rationale: Localized;
  status: EvidenceStatus | null;
  source: CitedSource | null;
  /** Routes preferred before the recommended one that an answer could still open. */
  couldChange: Array<{ route: RouteId; missing: string[] }>;
};

/**
 * A value the law counts from parts (LOU 5 kap.), where parts were given: the answer, the sum of its parts and the
 * one judged, the larger, with the sentence that says which and why.
 */
export type CountedValue = {
  fact: string;
  /** The answer as given; null where only the parts were. */
  givenSek: number | null;
  partsSek: number;
  judgedSek: number;
  /** `parts` where the sum of the parts is larger than the answer and is judged in its place. */
  basis: 'given' | 'parts';
  /** "Värdet som prövas är 850 000 kr: 450 000 kr för detta köp och 400 000 kr för liknande köp under tolv månader." */
  text: Localized;
};

export type Outcome = {
  rulesetVersion: string;
  rulesetHash: string;
  decisionDate: string;
  organisation: OrganisationId;
  routes: RouteOutcome[];
  recommendation: Recommendation;
  policyNotes: PolicyNote[];
  /** The buyer's layers applied on the decision date, shared first; the law is beneath them all. */
  layers: LayerUse[];
  parametersUsed: ParameterUse[];
  /** The values judged from their parts, where parts were given (LOU 5 kap.). */
  countedValues: CountedValue[];
  missing: string[];
};

/** A decision's verdicts without their texts (`judge` in evaluate.ts): what the register compares. */
export type Judgement = {
  verdicts: Record<RouteId, Verdict>;
  recommendedRoute: RouteId | null;
};

/**
 * The limits a verdict turned on: those the deciding reasons of `routes` compared (the chosen and the recommended
 * route), not the thresholds the rest of the evaluation also read, such as the works threshold for a services purchase.
 */
export function decidingParameterIds(outcome: Pick<Outcome, 'routes'>, routes: Array<RouteId | null>): Set<string> {
  const ids = new Set<string>();
  for (const route of outcome.routes) if (routes.includes(route.route)) for (const reason of route.reasons) for (const p of reason.parameters) ids.add(p.id);
  return ids;
}

/** Each route's verdict, as a save sends it and the register stores it. */
export const verdictsOf = (outcome: Pick<Outcome, 'routes'>): Judgement['verdicts'] =>
  Object.fromEntries(outcome.routes.map((r) => [r.route, r.verdict])) as Judgement['verdicts'];
