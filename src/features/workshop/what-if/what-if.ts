import { coveredDates } from '../../../engine/covered-dates';
import { organisationIds, supplierKinds, type Answers, type RouteId } from '../../../engine/answers-schema';
import { evaluate, EvaluationError, weakest } from '../../../engine/evaluate';
import { formatValue, type Lang } from '../../../engine/format';
import type { Outcome, ParameterUse, Reason, RouteOutcome, Truth } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import type { Condition, EvidenceStatus, Localized, Verdict } from '../../../engine/ruleset-schema';
import { fieldLabel } from '../../../guide/decision';
import { readPath, writeWhatIf } from '../../../guide/draft';
import { errorMessages, toText } from '../../../guide/form-schema';
import { suggestionText } from '../../../guide/number-suggestion';
import { readAmount, readPercent, readYears } from '../../../guide/swedish-number';
import { fieldKinds } from '../../../guide/field-kinds';
import { dateProblem, fillDateMessage } from '../../../guide/date-input';
import { buyerName } from '../../../engine/buyers';

/**
 * What-if for the workshop: change one answer, judge both sets of answers with the engine, and say per route which
 * verdicts changed and which reasons appeared or fell away. Pure: no React, no DOM; the panel draws what this returns.
 */

/** The answers a trainer can vary. */
// The yes/no answers that the workshop's scenarios turn on (bilaga 2, the reservation conditions, the IOP tests).
const yesNoFields = [
  'purchase.annex2Service',
  'purchase.welfareReservationCode',
  'purchase.ideaburenReservationCode',
  'supplier.mainPurposeIntegration',
  'supplier.ideaburenRegistered',
  'supplier.purposeLinkedToService',
  'supplier.awardedSameServiceLast3Years',
  'partnership.paymentForService',
  'partnership.commercialMarket',
] as const;
type YesNoField = (typeof yesNoFields)[number];
const isYesNo = (field: string): field is YesNoField => (yesNoFields as readonly string[]).includes(field);

export const whatIfFields = [
  'value.totalSek',
  'decisionDate',
  'supplier.disadvantagedShare',
  'contract.years',
  'supplier.kind',
  'organisation',
  'purchase.kind',
  ...yesNoFields,
] as const;
export type WhatIfField = (typeof whatIfFields)[number];
export type WhatIfValue = string | number | boolean;
export type WhatIfChange = { field: WhatIfField; value: WhatIfValue };

export type ParsedInput = { ok: true; value: WhatIfValue } | { ok: false; error: Localized };

export function isWhatIfField(value: string): value is WhatIfField {
  return (whatIfFields as readonly string[]).includes(value);
}

export function whatIfLabel(ruleset: Ruleset, field: WhatIfField): Localized {
  return fieldLabel(ruleset, field);
}

const yesNoOptions: Array<{ value: string; label: Localized }> = [
  { value: '', label: { sv: 'Välj ja eller nej', en: 'Choose yes or no' } },
  { value: 'yes', label: { sv: 'Ja', en: 'Yes' } },
  { value: 'no', label: { sv: 'Nej', en: 'No' } },
];

/** The options of a field chosen from a list (kinds, organisation, yes/no); empty for the others. */
export function whatIfOptions(ruleset: Ruleset, field: WhatIfField): Array<{ value: string; label: Localized }> {
  if (isYesNo(field)) return yesNoOptions;
  if (field === 'purchase.kind') return ruleset.facts[field]?.options ?? [];
  if (field === 'organisation') {
    return organisationIds.map((id) => ({ value: id, label: { sv: buyerName(ruleset, id, 'sv'), en: buyerName(ruleset, id, 'en') } }));
  }
  if (field === 'supplier.kind') {
    const options = ruleset.facts[field]?.options;
    return options ?? supplierKinds.map((kind) => ({ value: kind, label: { sv: kind, en: kind } }));
  }
  return [];
}

/** An answer as the input shows it ("450000" → "450000", 0.4 → "40", 2.5 → "2,5"). */
export function inputText(answers: Answers, field: WhatIfField): string {
  return toText(fieldKinds[field] ?? 'text', readPath(answers, field));
}

/** An answer as a reader expects it: "700 000 kr", "40 %", "Ljungby kommun". */
export function describeValue(ruleset: Ruleset, field: WhatIfField, value: unknown, lang: Lang): string {
  if (value === undefined) return lang === 'sv' ? 'inget svar' : 'no answer';
  if (field === 'organisation') return buyerName(ruleset, String(value), lang);
  if (field === 'decisionDate') return String(value);
  const fact = ruleset.facts[field];
  const unit = field === 'value.totalSek' ? 'sek' : field === 'contract.years' ? 'years' : field === 'supplier.disadvantagedShare' ? 'share' : (fact?.type ?? 'number');
  return formatValue(value, unit, lang, fact?.options);
}

const notJudgeable: Localized = {
  sv: 'Regelverket kan inte bedöma ett beslut den dagen: något gränsvärde är inte känt för datumet.',
  en: 'The rule set cannot judge a decision on that day: a limit is not known for the date.',
};

/**
 * Reads what the trainer typed for one answer, with the guide's own Swedish error messages: the value in kronor,
 * the date as YYYY-MM-DD within what the rule set covers, the share in per cent, the term in years.
 */
export function parseWhatIfInput(ruleset: Ruleset, field: WhatIfField, text: string): ParsedInput {
  const v = text.trim();
  switch (field) {
    case 'value.totalSek': {
      const r = readAmount(v);
      if (r.status === 'empty') return { ok: false, error: errorMessages.sekRequired! };
      if (r.status === 'unsure') return { ok: false, error: suggestionText('sek', v)! };
      return r.status === 'ok' && r.value >= 0 ? { ok: true, value: r.value } : { ok: false, error: errorMessages.sek! };
    }
    case 'decisionDate': {
      const covered = coveredDates(ruleset);
      const problem = dateProblem(v, covered);
      return problem ? { ok: false, error: fillDateMessage(errorMessages[problem]!, covered) } : { ok: true, value: v };
    }
    case 'supplier.disadvantagedShare': {
      const r = readPercent(v);
      if (r.status === 'unsure') return { ok: false, error: suggestionText('percent', v)! };
      return r.status === 'ok' && r.value >= 0 && r.value <= 100 ? { ok: true, value: Math.round(r.value * 10) / 1000 } : { ok: false, error: errorMessages.percent! };
    }
    case 'contract.years': {
      const r = readYears(v);
      return r.status === 'ok' && r.value > 0 && r.value <= 50 ? { ok: true, value: r.value } : { ok: false, error: errorMessages.years! };
    }
    case 'supplier.kind':
    case 'organisation':
    case 'purchase.kind':
      return v !== '' && whatIfOptions(ruleset, field).some((o) => o.value === v) ? { ok: true, value: v } : { ok: false, error: errorMessages.required! };
    default:
      return v === 'yes' ? { ok: true, value: true } : v === 'no' ? { ok: true, value: false } : { ok: false, error: errorMessages.required! };
  }
}

/** The answers with the one change made; a new total replaces the parts it was built from (writeWhatIf). */
export function applyWhatIf(base: Answers, change: WhatIfChange): Answers {
  return writeWhatIf(base, change.field, change.value);
}

export type RuleChange = { ruleId: string; title: Localized; before: Truth | null; after: Truth | null };
export type ParameterChange = { id: string; label: Localized; before: ParameterUse | null; after: ParameterUse | null; changed: boolean };

export type RouteDiff = {
  route: RouteId;
  name: Localized;
  before: Verdict;
  after: Verdict;
  changed: boolean;
  /** Deciding reasons (rule and result) shown after the change and not before. */
  appeared: Reason[];
  /** Deciding reasons shown before the change and not after. */
  disappeared: Reason[];
  /** Grounds and requirements whose result changed (null: not in force on that decision date). */
  flipped: RuleChange[];
  /** The parameters the route's rules read, with the values before and after. */
  parameters: ParameterChange[];
  obligationsAppeared: Reason[];
  obligationsDisappeared: Reason[];
};

export type WhatIfDiff = {
  before: Outcome;
  after: Outcome;
  routes: RouteDiff[];
  recommendation: { before: RouteId | null; after: RouteId | null; changed: boolean };
  changedRoutes: RouteId[];
};

const reasonKey = (r: Reason) => `${r.ruleId}|${r.result}`;
const without = (items: Reason[], others: Reason[]) => {
  const keys = new Set(others.map(reasonKey));
  return items.filter((r) => !keys.has(reasonKey(r)));
};
const routeObligations = (r: RouteOutcome) => [...r.obligations, ...r.cautions];
const sameParameter = (a: ParameterUse | null, b: ParameterUse | null) => a?.value === b?.value && a?.from === b?.from;

function routeParameters(route: RouteOutcome): Map<string, ParameterUse> {
  const params = new Map<string, ParameterUse>();
  for (const reason of route.trace) for (const p of reason.parameters) if (!params.has(p.id)) params.set(p.id, p);
  return params;
}

function diffRoute(before: RouteOutcome, after: RouteOutcome): RouteDiff {
  const ruleIds = [...new Set([...before.trace.map((r) => r.ruleId), ...after.trace.map((r) => r.ruleId)])];
  const flipped: RuleChange[] = [];
  for (const ruleId of ruleIds) {
    const b = before.trace.find((r) => r.ruleId === ruleId) ?? null;
    const a = after.trace.find((r) => r.ruleId === ruleId) ?? null;
    if (b?.result !== a?.result) flipped.push({ ruleId, title: (a ?? b)!.title, before: b?.result ?? null, after: a?.result ?? null });
  }
  const paramsBefore = routeParameters(before);
  const paramsAfter = routeParameters(after);
  const parameters: ParameterChange[] = [...new Set([...paramsBefore.keys(), ...paramsAfter.keys()])].map((id) => {
    const b = paramsBefore.get(id) ?? null;
    const a = paramsAfter.get(id) ?? null;
    return { id, label: (a ?? b)!.label, before: b, after: a, changed: !sameParameter(a, b) };
  });
  return {
    route: after.route,
    name: after.name,
    before: before.verdict,
    after: after.verdict,
    changed: before.verdict !== after.verdict,
    appeared: without(after.reasons, before.reasons),
    disappeared: without(before.reasons, after.reasons),
    flipped,
    parameters,
    obligationsAppeared: without(routeObligations(after), routeObligations(before)),
    obligationsDisappeared: without(routeObligations(before), routeObligations(after)),
  };
}

/** Which verdicts differ between two outcomes, and why: the reasons that appeared and fell away per route. */
export function diffOutcomes(before: Outcome, after: Outcome): WhatIfDiff {
  const routes = after.routes.map((a) => diffRoute(before.routes.find((b) => b.route === a.route)!, a));
  return {
    before,
    after,
    routes,
    recommendation: { before: before.recommendation.route, after: after.recommendation.route, changed: before.recommendation.route !== after.recommendation.route },
    changedRoutes: routes.filter((r) => r.changed).map((r) => r.route),
  };
}

export type WhatIfResult = { ok: true; answers: Answers; diff: WhatIfDiff } | { ok: false; error: Localized };

/** Judges the base answers and the changed ones; an answer the engine cannot judge comes back as a field error. */
export function runWhatIf(ruleset: Ruleset, base: Answers, change: WhatIfChange): WhatIfResult {
  const answers = applyWhatIf(base, change);
  try {
    return { ok: true, answers, diff: diffOutcomes(evaluate(ruleset, base), evaluate(ruleset, answers)) };
  } catch (error) {
    if (error instanceof EvaluationError) return { ok: false, error: notJudgeable };
    throw error;
  }
}

/** The outcome for some answers, or null where the engine cannot judge them (a date outside the rule set). */
export function safeEvaluate(ruleset: Ruleset, answers: Answers): Outcome | null {
  try {
    return evaluate(ruleset, answers);
  } catch (error) {
    if (error instanceof EvaluationError) return null;
    throw error;
  }
}

// ——— The limits on the value scale ———

export type Limit = {
  id: string;
  label: Localized;
  value: number;
  /** The day this value came into force. */
  from: string;
  status: EvidenceStatus;
  /** The grounds, requirements, obligations and cautions that compare the value with it on that day. */
  ruleIds: string[];
};

const inForce = (from: string, to: string | null, date: string) => from <= date && (to === null || date <= to);

function paramComparisons(condition: Condition | undefined, fact: string, out: Set<string>): void {
  if (!condition) return;
  if ('all' in condition) condition.all.forEach((c) => paramComparisons(c, fact, out));
  else if ('any' in condition) condition.any.forEach((c) => paramComparisons(c, fact, out));
  else if ('not' in condition) paramComparisons(condition.not, fact, out);
  else if (condition.fact === fact && condition.param !== undefined) out.add(condition.param);
}

/**
 * The limits in kronor the rules in force on a decision date compare the value with (direct-award limit,
 * documentation limit, EU thresholds …), with the value in force that day and how well it is established. Read
 * from the rule set, so a new limit or a new dated value shows on the scale without a change here.
 */
export function limitsOnDate(ruleset: Ruleset, date: string, fact = 'value.totalSek'): Limit[] {
  const byParam = new Map<string, Set<string>>();
  for (const route of Object.values(ruleset.routes)) {
    for (const rule of route.rules) {
      if (!inForce(rule.validFrom, rule.validTo, date)) continue;
      const params = new Set<string>();
      paramComparisons(rule.appliesWhen, fact, params);
      paramComparisons(rule.condition, fact, params);
      for (const id of params) {
        if (!byParam.has(id)) byParam.set(id, new Set());
        byParam.get(id)!.add(rule.id);
      }
    }
  }
  const limits: Limit[] = [];
  for (const [id, ruleIds] of byParam) {
    const param = ruleset.parameters[id];
    if (!param || param.unit !== 'SEK' || (param.validTo !== null && date > param.validTo)) continue;
    const current = [...param.values].reverse().find((v) => v.from <= date);
    if (!current) continue;
    const doc = ruleset.sources[current.source.document];
    const excerpt = doc?.excerpts.find((e) => e.id === current.source.excerpt);
    limits.push({
      id,
      label: param.label,
      value: current.value,
      from: current.from,
      status: weakest(current.status, doc?.status ?? 'unverified', excerpt?.status ?? 'unverified'),
      ruleIds: [...ruleIds],
    });
  }
  return limits.sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
}

// ——— The value slider's scale ———

export type ValueScale = {
  /** The slider runs from 0 to `steps`; 0 is 0 kr, 1 … steps run logarithmically from `floor` to `max`. */
  steps: number;
  floor: number;
  max: number;
  toValue: (position: number) => number;
  toPosition: (value: number) => number;
};

/** Rounds up to a whole number of the leading digit's unit: 74 850 000 → 80 000 000. */
function roundUp(value: number): number {
  const unit = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / unit) * unit;
}

/** Three significant digits, so the slider shows 712 000 kr rather than 711 873 kr. */
function roundValue(value: number): number {
  if (value < 1000) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.round(value / unit) * unit;
}

/**
 * A logarithmic scale from 0 to about 30 MSEK, or further if a limit lies beyond (the works threshold): the limits
 * from 100 000 kr to tens of millions each get room on one slider.
 */
export function valueScale(limits: Pick<Limit, 'value'>[], { floor = 10_000, atLeast = 30_000_000, steps = 1000 } = {}): ValueScale {
  const highest = Math.max(0, ...limits.map((l) => l.value));
  const max = highest > 0 ? Math.max(atLeast, roundUp(highest * 1.25)) : atLeast;
  const ratio = Math.log(max / floor);
  return {
    steps,
    floor,
    max,
    toValue: (position) => {
      if (position <= 0) return 0;
      if (position >= steps) return max;
      return roundValue(floor * Math.exp((ratio * (position - 1)) / (steps - 1)));
    },
    toPosition: (value) => {
      if (value <= 0) return 0;
      if (value <= floor) return 1;
      if (value >= max) return steps;
      return Math.round(1 + ((steps - 1) * Math.log(value / floor)) / ratio);
    },
  };
}

/** Where a limit lies relative to a value: the value is below it, at it, or above it. */
export function sideOf(value: number, limit: number): 'below' | 'at' | 'above' {
  return value < limit ? 'below' : value > limit ? 'above' : 'at';
}
