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
  missing: string[];
};

/** A decision's verdicts without their texts (`judge` in evaluate.ts): what the register compares. */
export type Judgement = {
  verdicts: Record<RouteId, Verdict>;
  recommendedRoute: RouteId | null;
};

/** Each route's verdict, as a save sends it and the register stores it. */
export const verdictsOf = (outcome: Pick<Outcome, 'routes'>): Judgement['verdicts'] =>
  Object.fromEntries(outcome.routes.map((r) => [r.route, r.verdict])) as Judgement['verdicts'];
