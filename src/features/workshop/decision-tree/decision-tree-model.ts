import { createActor, type AnyStateMachine } from 'xstate';
import { routeIds, type Answers, type RouteId } from '../../../engine/answers-schema';
import { evaluate, EvaluationError } from '../../../engine/evaluate';
import { formatValue, localize, opWords, type Lang } from '../../../engine/format';
import type { ConditionTrace, Outcome, ParameterUse, Reason, RouteOutcome } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import type { Condition, EvidenceStatus, Localized, Rule, RuleKind, Verdict } from '../../../engine/ruleset-schema';
import { fieldLabel } from '../../../guide/decision';
import { emptyDraft } from '../../../guide/draft';
import { createVisibleFields } from '../../../guide/relevance';
import { stepTitles } from '../../../guide/step-titles';
import { alwaysAsked, questionStepIds, stepFields } from '../../../guide/steps';
import { wizardMachine } from '../../../guide/wizard-machine';

/**
 * The decision tree for the workshop, derived rather than drawn: the wizard's flow is read from the XState machine
 * definition (its states, transitions and named guards) and the routes' rules from the rule set (their kinds and
 * conditions, the facts compared and the parameters in force). A new state, transition or rule shows up here with no
 * change to this file. Pure: no React, no DOM; decision-tree-layout.ts places it and decision-tree.tsx draws it.
 */

// ——— The wizard's flow ———

export type StateNodeModel = {
  kind: 'state';
  id: string;
  /** The machine's id for the state, e.g. `wizard.value`. */
  stateId: string;
  key: string;
  label: Localized;
  /** The machine's initial state (the wizard resumes a saved draft from it). */
  initial: boolean;
  /** The questions the step can ask (its answers' labels), from src/guide/steps.ts. */
  questions: Localized[];
  /** A question step none of whose questions is always asked: skipped while none is worth asking. */
  skippable: boolean;
  /** A state the flow ends in: no transition leads on to a later state. */
  terminal: boolean;
};

export type TransitionModel = {
  id: string;
  from: string;
  to: string;
  event: string;
  eventLabel: Localized;
  guard: string | null;
  guardLabel: Localized | null;
  /** start: out of the initial state; forward: to the next state in order; skip: past states in between; back: to an earlier one; self: no target. */
  direction: 'start' | 'forward' | 'skip' | 'back' | 'self';
  /** The first transition the machine tries for this event from this state. */
  primary: boolean;
  /** For a skip: the states passed over. */
  skips: string[];
};

/** A transition the machine takes from any state (declared at its root). */
export type GlobalEventModel = { event: string; eventLabel: Localized; targets: string[]; guardLabel: Localized | null };

// ——— The rules ———

export type ConditionLine = {
  /** Where in the rule the line stands: `a…` its appliesWhen, `c…` its condition; children `.0`, `.1`, `.n` (not). */
  path: string;
  depth: number;
  kind: 'applies' | 'condition' | 'all' | 'any' | 'not' | 'compare';
  text: Localized;
};

export type RuleNodeModel = {
  kind: 'rule';
  id: string;
  ruleId: string;
  route: RouteId;
  ruleKind: RuleKind;
  title: Localized;
  legalBasis: string;
  status: EvidenceStatus;
  validFrom: string;
  validTo: string | null;
  /** In force on the model's date; null when the model has no date. */
  inForce: boolean | null;
  /** For obligations and cautions: the route verdicts under which they are shown. */
  shownOn: Array<'allowed' | 'not-allowed' | 'needs-info'> | null;
  lines: ConditionLine[];
  /** The parameters the rule compares with, each with its value on the model's date (none without a date). */
  parameters: RuleParameter[];
};

/** A limit a rule turns on, as the engine reads it on a date: "Direktupphandlingsgränsen", 700 000, SEK. */
export type RuleParameter = { id: string; label: Localized; unit: ParameterUse['unit']; value: number };

export type GroupKind = 'requirement' | 'ground' | 'follow-up';
export type GroupNodeModel = { kind: 'group'; id: string; route: RouteId; groupKind: GroupKind; label: Localized; rules: RuleNodeModel[] };

export type OutcomeVerdict = 'allowed' | 'not-allowed' | 'needs-info';
export type VerdictNodeModel = { kind: 'verdict'; id: string; route: RouteId; verdict: OutcomeVerdict; when: Localized };

export type RouteNodeModel = {
  kind: 'route';
  id: string;
  route: RouteId;
  name: Localized;
  legalBasis: string;
  /** Its place in the rule set's recommendation order (1 = tried first), or null if never recommended. */
  order: number | null;
  /** What must also hold for it to be recommended, beside being allowed. */
  recommendWhen: ConditionLine[];
  groups: GroupNodeModel[];
  verdicts: VerdictNodeModel[];
};

export type DecisionTreeModel = {
  /** The decision date the rules and parameter values are shown for; null: every rule, parameters by name only. */
  date: string | null;
  rulesetVersion: string;
  states: StateNodeModel[];
  transitions: TransitionModel[];
  globalEvents: GlobalEventModel[];
  routes: RouteNodeModel[];
  /** Every node's id, in drawing order: states, then per route its route, group, rule and verdict nodes. */
  nodeIds: string[];
};

export type DeriveOptions = {
  /** The machine to read the flow from; the wizard's by default. */
  machine?: AnyStateMachine;
  /** Show the rules in force and the parameter values on this day. */
  date?: string | null;
  /** With a date: keep the rules not in force that day too (marked as such). */
  includeInactive?: boolean;
};

const eventLabels: Record<string, Localized> = {
  NEXT: { sv: 'Nästa', en: 'Next' },
  BACK: { sv: 'Tillbaka', en: 'Back' },
  GOTO: { sv: 'Gå till ett steg', en: 'Go to a step' },
  EDIT: { sv: 'Ändra ett svar', en: 'Change an answer' },
  DECIDE: { sv: 'Välj väg och motivera', en: 'Choose a route and justify' },
  RESTORE: { sv: 'Läs in ett utkast', en: 'Load a draft' },
  RESET: { sv: 'Börja om', en: 'Start over' },
  always: { sv: 'direkt', en: 'at once' },
};
const guardLabels: Record<string, Localized> = {
  canGoForwardTo: { sv: 'om svaren är giltiga och steget behövs', en: 'if the answers are valid and the step is needed' },
  isNeeded: { sv: 'om steget behövs', en: 'if the step is needed' },
  canGoTo: { sv: 'om steget är besökt och behövs', en: 'if the step was visited and is needed' },
  isValidEdit: { sv: 'om svaren är giltiga', en: 'if the answers are valid' },
};
const startLabel: Localized = { sv: 'Start: fortsätt där utkastet slutade', en: 'Start: resume where the draft left off' };
const inlineGuard: Localized = { sv: 'om utkastet står på steget och det behövs', en: 'if the draft is at the step and it is needed' };

const labelOf = (labels: Record<string, Localized>, key: string): Localized => labels[key] ?? { sv: key, en: key };

type TransitionDef = {
  eventType: string;
  target?: ReadonlyArray<{ id: string }> | undefined;
  guard?: unknown;
};

function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return '(inline)';
}

function guardText(name: string | null): Localized | null {
  if (name === null) return null;
  return name === '(inline)' ? inlineGuard : labelOf(guardLabels, name);
}

/** States, transitions and root-level events, read from the machine definition. */
function deriveFlow(machine: AnyStateMachine, questionLabel: (path: string) => Localized): Pick<DecisionTreeModel, 'states' | 'transitions' | 'globalEvents'> {
  const root = machine.root;
  const nodes = Object.values(root.states);
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const initialIds = new Set((root.initial?.target ?? []).map((t) => t.id));
  const transitions: TransitionModel[] = [];

  for (const node of nodes) {
    const defs: TransitionDef[] = [];
    for (const list of node.transitions.values()) defs.push(...(list as TransitionDef[]));
    for (const def of node.always ?? []) defs.push({ ...(def as TransitionDef), eventType: 'always' });
    const seenEvents = new Set<string>();
    defs.forEach((def, i) => {
      const guard = guardName(def.guard);
      const targets = def.target && def.target.length > 0 ? def.target.map((t) => t.id) : [node.id];
      const primary = !seenEvents.has(def.eventType);
      seenEvents.add(def.eventType);
      for (const to of targets) {
        const from = order.get(node.id)!;
        const target = order.get(to) ?? from;
        const direction: TransitionModel['direction'] =
          to === node.id ? 'self' : initialIds.has(node.id) ? 'start' : target === from + 1 ? 'forward' : target > from ? 'skip' : 'back';
        const skips = direction === 'skip' ? nodes.slice(from + 1, target).map((n) => n.id) : [];
        transitions.push({
          id: `t:${node.id}:${def.eventType}:${i}:${to}`,
          from: `state:${node.id}`,
          to: `state:${to}`,
          event: def.eventType,
          eventLabel: labelOf(eventLabels, def.eventType),
          guard,
          guardLabel: guardText(guard),
          direction,
          primary,
          skips: skips.map((s) => `state:${s}`),
        });
      }
    });
  }

  const states: StateNodeModel[] = nodes.map((node) => {
    const isQuestionStep = (questionStepIds as readonly string[]).includes(node.key);
    const fields: readonly string[] = isQuestionStep ? stepFields[node.key as keyof typeof stepFields] : [];
    const id = `state:${node.id}`;
    const initial = initialIds.has(node.id);
    return {
      kind: 'state',
      id,
      stateId: node.id,
      key: node.key,
      label: (stepTitles as Partial<Record<string, Localized>>)[node.key] ?? (initial ? startLabel : { sv: node.key, en: node.key }),
      initial,
      questions: fields.map(questionLabel),
      skippable: isQuestionStep && fields.every((f) => !alwaysAsked.has(f)),
      terminal: !initial && !transitions.some((t) => t.from === id && (t.direction === 'forward' || t.direction === 'skip')),
    };
  });

  const globalEvents: GlobalEventModel[] = [];
  for (const [event, list] of root.transitions) {
    const defs = list as TransitionDef[];
    globalEvents.push({
      event,
      eventLabel: labelOf(eventLabels, event),
      targets: [...new Set(defs.flatMap((d) => (d.target ?? []).map((t) => `state:${t.id}`)))],
      guardLabel: guardText(guardName(defs[0]?.guard)),
    });
  }
  return { states, transitions, globalEvents };
}

// ——— Conditions in words ———

function parameterOn(ruleset: Ruleset, id: string, date: string | null): number | null {
  const param = ruleset.parameters[id];
  if (!param || date === null || (param.validTo !== null && date > param.validTo)) return null;
  const current = [...param.values].reverse().find((v) => v.from <= date);
  return current ? current.value : null;
}

function paramIds(condition: Condition | undefined, out: string[]): string[] {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => paramIds(c, out));
  else if ('any' in condition) condition.any.forEach((c) => paramIds(c, out));
  else if ('not' in condition) paramIds(condition.not, out);
  else if (condition.param !== undefined && !out.includes(condition.param)) out.push(condition.param);
  return out;
}

/** The parameters a rule compares with (its appliesWhen, then its condition), with their values on the date. */
export function ruleParameters(ruleset: Ruleset, rule: Pick<Rule, 'appliesWhen' | 'condition'>, date: string | null): RuleParameter[] {
  return paramIds(rule.condition, paramIds(rule.appliesWhen, [])).flatMap((id) => {
    const param = ruleset.parameters[id];
    const value = parameterOn(ruleset, id, date);
    return param && value !== null ? [{ id, label: param.label, unit: param.unit, value }] : [];
  });
}

function comparisonText(ruleset: Ruleset, c: Extract<Condition, { fact: string }>, date: string | null): Localized {
  const fact = ruleset.facts[c.fact];
  const label = fact?.label ?? { sv: c.fact, en: c.fact };
  return localize((lang: Lang) => {
    let target: string;
    if (c.param !== undefined) {
      const param = ruleset.parameters[c.param];
      const name = param ? lowerFirst(param.label[lang]) : c.param;
      const value = parameterOn(ruleset, c.param, date);
      target = value === null || !param ? name : `${name} (${formatValue(value, param.unit, lang)})`;
    } else {
      target = formatValue(c.value, fact?.type ?? 'number', lang, fact?.options);
    }
    return `${label[lang]} ${opWords[lang][c.op]} ${target}`;
  });
}

/** "Direktupphandlingsgränsen" → "direktupphandlingsgränsen", but "EU:s tröskelvärde" stays. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

const groupWords: Record<'all' | 'any' | 'not', Localized> = {
  all: { sv: 'Alla dessa:', en: 'All of these:' },
  any: { sv: 'Minst en av dessa:', en: 'At least one of these:' },
  not: { sv: 'Inte detta:', en: 'Not this:' },
};

function conditionLines(ruleset: Ruleset, condition: Condition, date: string | null, path: string, depth: number, out: ConditionLine[]): void {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    out.push({ path, depth, kind, text: groupWords[kind] });
    children.forEach((c, i) => conditionLines(ruleset, c, date, `${path}.${i}`, depth + 1, out));
  } else if ('not' in condition) {
    out.push({ path, depth, kind: 'not', text: groupWords.not });
    conditionLines(ruleset, condition.not, date, `${path}.n`, depth + 1, out);
  } else {
    out.push({ path, depth, kind: 'compare', text: comparisonText(ruleset, condition, date) });
  }
}

/** A rule's appliesWhen and condition as indented lines in words, with the parameter values on the date. */
export function ruleLines(ruleset: Ruleset, rule: Pick<Rule, 'appliesWhen' | 'condition' | 'kind'>, date: string | null): ConditionLine[] {
  const lines: ConditionLine[] = [];
  const deciding = rule.kind === 'ground' || rule.kind === 'requirement';
  if (rule.appliesWhen && rule.condition) {
    lines.push({ path: 'a', depth: 0, kind: 'applies', text: { sv: 'Prövas bara när:', en: 'Considered only when:' } });
    conditionLines(ruleset, rule.appliesWhen, date, 'a', 1, lines);
    lines.push({ path: 'c', depth: 0, kind: 'condition', text: { sv: 'Villkor:', en: 'Condition:' } });
    conditionLines(ruleset, rule.condition, date, 'c', 1, lines);
  } else if (rule.appliesWhen) {
    lines.push({ path: 'a', depth: 0, kind: 'applies', text: deciding ? { sv: 'Prövas bara när:', en: 'Considered only when:' } : { sv: 'Gäller när:', en: 'Applies when:' } });
    conditionLines(ruleset, rule.appliesWhen, date, 'a', 1, lines);
  } else if (rule.condition) {
    conditionLines(ruleset, rule.condition, date, 'c', 0, lines);
  }
  // Header lines share their path with the first line below them; keep paths unique for lookups.
  return lines.map((line) => (line.kind === 'applies' || line.kind === 'condition' ? { ...line, path: `${line.path}:head` } : line));
}

// ——— Routes ———

const groupLabels: Record<GroupKind, Localized> = {
  requirement: { sv: 'Krav – alla ska gälla', en: 'Requirements – all must hold' },
  ground: { sv: 'Grunder – minst en ska gälla', en: 'Grounds – at least one must hold' },
  'follow-up': { sv: 'Skyldigheter och varningar', en: 'Obligations and cautions' },
};

/** When the engine (src/engine/evaluate.ts) gives each verdict, in words, for a route with these kinds of rules. */
function verdictWhen(hasRequirements: boolean, hasGrounds: boolean): Record<OutcomeVerdict, Localized> {
  const allowed: Localized =
    hasRequirements && hasGrounds
      ? { sv: 'minst en grund och alla krav gäller', en: 'at least one ground and every requirement holds' }
      : hasGrounds
        ? { sv: 'minst en grund gäller', en: 'at least one ground holds' }
        : { sv: 'alla krav gäller', en: 'every requirement holds' };
  const notAllowed: Localized =
    hasRequirements && hasGrounds
      ? { sv: 'ett krav gäller inte, eller ingen grund gäller', en: 'a requirement fails, or no ground holds' }
      : hasGrounds
        ? { sv: 'ingen grund gäller', en: 'no ground holds' }
        : { sv: 'ett krav gäller inte', en: 'a requirement fails' };
  return { allowed, 'not-allowed': notAllowed, 'needs-info': { sv: 'annars: ett svar saknas', en: 'otherwise: an answer is missing' } };
}

const inForceOn = (rule: Pick<Rule, 'validFrom' | 'validTo'>, date: string) => rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo);

function deriveRoutes(ruleset: Ruleset, date: string | null, includeInactive: boolean): RouteNodeModel[] {
  const recommendation = ruleset.manifest.recommendation;
  // A route may have several entries (direct award: the bilaga 2 headline, then the general one); it ranks by its first.
  const routeOrder = [...new Set(recommendation.map((r) => r.route))];
  const ordered = [...routeIds].sort((a, b) => {
    const ia = routeOrder.indexOf(a);
    const ib = routeOrder.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  });
  return ordered.map((route) => {
    const file = ruleset.routes[route];
    const rules: RuleNodeModel[] = file.rules
      .map((rule): RuleNodeModel => ({
        kind: 'rule',
        id: `rule:${rule.id}`,
        ruleId: rule.id,
        route,
        ruleKind: rule.kind,
        title: rule.title,
        legalBasis: rule.legalBasis,
        status: rule.status,
        validFrom: rule.validFrom,
        validTo: rule.validTo,
        inForce: date === null ? null : inForceOn(rule, date),
        shownOn: rule.kind === 'obligation' || rule.kind === 'caution' ? (rule.onVerdicts ?? ['allowed', 'needs-info']) : null,
        lines: ruleLines(ruleset, rule, date),
        parameters: ruleParameters(ruleset, rule, date),
      }))
      .filter((r) => includeInactive || r.inForce !== false);
    const group = (groupKind: GroupKind, kinds: RuleKind[]): GroupNodeModel => ({
      kind: 'group',
      id: `group:${route}:${groupKind}`,
      route,
      groupKind,
      label: groupLabels[groupKind],
      rules: rules.filter((r) => kinds.includes(r.ruleKind)),
    });
    const groups = [group('requirement', ['requirement']), group('ground', ['ground']), group('follow-up', ['obligation', 'caution'])].filter((g) => g.rules.length > 0);
    const judged = (kind: RuleKind) => rules.some((r) => r.ruleKind === kind && r.inForce !== false);
    const when = verdictWhen(judged('requirement'), judged('ground'));
    const index = routeOrder.indexOf(route);
    const entries = recommendation.filter((r) => r.route === route);
    // An entry without a condition recommends the route whenever it is allowed, whatever the others ask.
    const rec = entries.some((r) => !r.when) ? undefined : entries[0];
    const recommendWhen: ConditionLine[] = [];
    if (rec?.when) conditionLines(ruleset, rec.when, date, 'r', 0, recommendWhen);
    return {
      kind: 'route',
      id: `route:${route}`,
      route,
      name: file.name,
      legalBasis: file.legalBasis,
      order: index < 0 ? null : index + 1,
      recommendWhen,
      groups,
      verdicts: (['allowed', 'not-allowed', 'needs-info'] as const).map((verdict) => ({ kind: 'verdict', id: `verdict:${route}:${verdict}`, route, verdict, when: when[verdict] })),
    };
  });
}

/** The decision tree: the wizard's flow from its machine and every route's rules from the rule set. */
export function deriveDecisionTree(ruleset: Ruleset, options: DeriveOptions = {}): DecisionTreeModel {
  const { machine = wizardMachine, date = null, includeInactive = false } = options;
  const flow = deriveFlow(machine, (path) => fieldLabel(ruleset, path));
  const routes = deriveRoutes(ruleset, date, includeInactive || date === null);
  const nodeIds = [
    ...flow.states.map((s) => s.id),
    ...routes.flatMap((r) => [r.id, ...r.groups.flatMap((g) => [g.id, ...g.rules.map((rule) => rule.id)]), ...r.verdicts.map((v) => v.id)]),
  ];
  return { date, rulesetVersion: ruleset.version, ...flow, routes, nodeIds };
}

// ——— One set of answers through the tree ———

export type Mark = 'held' | 'failed' | 'unknown' | 'inactive';

export type TreeHighlight = {
  /** The states the wizard passes through for these answers, in order (node ids). */
  path: string[];
  /** The transitions taken between them. */
  pathTransitions: string[];
  /** Per rule node: its result, and per condition line the result of that part. */
  rules: Map<string, { mark: Mark; lines: Map<string, Mark> }>;
  verdicts: Map<RouteId, Verdict>;
  recommended: RouteId | null;
  outcome: Outcome | null;
};

function traceMarks(trace: ConditionTrace, path: string, out: Map<string, Mark>): void {
  out.set(path, trace.result);
  if (trace.kind === 'all' || trace.kind === 'any') trace.children.forEach((c, i) => traceMarks(c, `${path}.${i}`, out));
  else if (trace.kind === 'not') traceMarks(trace.child, `${path}.n`, out);
}

function lineMarks(rule: Pick<Rule, 'appliesWhen' | 'condition'>, reason: Reason): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const trace = reason.trace;
  if (!trace) return marks;
  if (rule.appliesWhen && rule.condition && trace.kind === 'all' && trace.children.length === 2) {
    traceMarks(trace.children[0]!, 'a', marks);
    traceMarks(trace.children[1]!, 'c', marks);
  } else {
    traceMarks(trace, rule.appliesWhen ? 'a' : 'c', marks);
  }
  for (const key of ['a', 'c']) if (marks.has(key)) marks.set(`${key}:head`, marks.get(key)!);
  return marks;
}

function followUpMark(route: RouteOutcome, ruleId: string): Mark {
  if (route.obligations.some((r) => r.ruleId === ruleId) || route.cautions.some((r) => r.ruleId === ruleId)) return 'held';
  if (route.possibleObligations.some((r) => r.ruleId === ruleId)) return 'unknown';
  return 'failed';
}

/** The states the wizard machine itself passes through for these answers, sending NEXT until it stops. */
export function wizardPath(ruleset: Ruleset, answers: Answers, machine: typeof wizardMachine = wizardMachine): string[] {
  const actor = createActor(machine, {
    input: { draft: { ...emptyDraft(), answers }, visibleFields: createVisibleFields(ruleset), earliestDate: ruleset.manifest.coversFrom },
  });
  actor.start();
  const initial = machine.root.initial?.target?.[0]?.id;
  const path = initial ? [`state:${initial}`] : [];
  // The top-level state (a nested state value names its parent first).
  const current = () => {
    const value: unknown = actor.getSnapshot().value;
    const key = typeof value === 'string' ? value : Object.keys(value as object)[0];
    return `state:${machine.id}.${key}`;
  };
  path.push(current());
  const limit = Object.keys(machine.root.states).length * 2;
  for (let i = 0; i < limit; i++) {
    actor.send({ type: 'NEXT' });
    const now = current();
    if (now === path[path.length - 1]) break;
    path.push(now);
  }
  actor.stop();
  return path;
}

/**
 * Where one set of answers goes: the wizard's path through its states (the machine run with the answers) and each
 * rule's result from the engine's trace, condition by condition.
 */
export function traceAnswers(model: DecisionTreeModel, ruleset: Ruleset, answers: Answers, machine: typeof wizardMachine = wizardMachine): TreeHighlight {
  const path = wizardPath(ruleset, answers, machine);
  const pathTransitions: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const t = model.transitions.find((t) => t.from === path[i - 1] && t.to === path[i] && (t.event === 'NEXT' || t.event === 'always'));
    if (t) pathTransitions.push(t.id);
  }
  let outcome: Outcome | null = null;
  try {
    outcome = evaluate(ruleset, answers);
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
  }
  const rules = new Map<string, { mark: Mark; lines: Map<string, Mark> }>();
  for (const routeModel of model.routes) {
    const route = outcome?.routes.find((r) => r.route === routeModel.route);
    const file = ruleset.routes[routeModel.route];
    for (const group of routeModel.groups) {
      for (const node of group.rules) {
        const rule = file.rules.find((r) => r.id === node.ruleId)!;
        const reason =
          route?.trace.find((r) => r.ruleId === node.ruleId) ??
          [...(route?.obligations ?? []), ...(route?.possibleObligations ?? []), ...(route?.cautions ?? [])].find((r) => r.ruleId === node.ruleId);
        const active = inForceOn(rule, answers.decisionDate);
        let mark: Mark;
        if (!route || !active) mark = 'inactive';
        else if (group.groupKind === 'follow-up') mark = followUpMark(route, node.ruleId);
        else mark = reason?.result ?? 'unknown';
        rules.set(node.id, { mark, lines: reason ? lineMarks(rule, reason) : new Map() });
      }
    }
  }
  const verdicts = new Map<RouteId, Verdict>((outcome?.routes ?? []).map((r) => [r.route, r.verdict]));
  return { path, pathTransitions, rules, verdicts, recommended: outcome?.recommendation.route ?? null, outcome };
}
