import { routeIds, type Answers, type RouteId } from './answers-schema';
import { findBuyer } from './buyers';
import { bandCondition, layersFor, layerUse, type LayerUse } from './layers';
import { formatValue, localize, opWords, type Lang } from './format';
import {
  verdictsOf,
  type CitedSource,
  type ComparisonTrace,
  type ConditionTrace,
  type Judgement,
  type Outcome,
  type ParameterUse,
  type PolicyNote,
  type Reason,
  type Recommendation,
  type RouteOutcome,
  type Truth,
} from './outcome';
import type { Ruleset } from './ruleset';
import type { Condition, EvidenceStatus, Localized, OverlayNote, Rule, SourceRef } from './ruleset-schema';

/** A decision date outside what the rule set covers, or answers the engine cannot judge. */
export class EvaluationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

const statusRank: Record<EvidenceStatus, number> = { verified: 0, secondary: 1, constructed: 2, unverified: 3 };
/** The quoted excerpt a source reference points at, with its document; null if the rule set has no such excerpt. */
export function citeSource(ruleset: Pick<Ruleset, 'sources'>, ref: SourceRef): CitedSource | null {
  const doc = ruleset.sources[ref.document];
  const excerpt = doc?.excerpts.find((e) => e.id === ref.excerpt);
  if (!doc || !excerpt) return null;
  return {
    documentId: doc.id,
    title: doc.title,
    issuer: doc.issuer,
    url: doc.url,
    excerptId: excerpt.id,
    section: excerpt.section,
    text: excerpt.text,
    textKind: excerpt.textKind,
    ...(excerpt.textSv ? { textSv: excerpt.textSv } : {}),
    status: weakest(doc.status, excerpt.status),
  };
}

export function weakest(...statuses: EvidenceStatus[]): EvidenceStatus {
  return statuses.reduce((a, b) => (statusRank[b] > statusRank[a] ? b : a), 'verified');
}

const citations = new WeakMap<SourceRef, CitedSource>();

const isActive = (from: string, to: string | null, date: string) => from <= date && (to === null || date <= to);

/**
 * Judges every route for one set of answers on the decision date, under one rule set.
 * Pure: the same answers and rule set give the same outcome in browser, server and CLI.
 */
export function evaluate(ruleset: Ruleset, answers: Answers): Outcome {
  return run(ruleset, answers, true);
}

/**
 * The verdicts and the recommended route alone, as `evaluate` gives them: the same rules read in the
 * same order with the same errors, but none of the texts that explain them are written. The register
 * judges every save and every stored record this way, where only the verdicts are compared and the
 * texts were half of the engine's work (66 → 35 µs an answer set; issue 12, saves/s).
 */
export function judge(ruleset: Ruleset, answers: Answers): Judgement {
  const outcome = run(ruleset, answers, false);
  return {
    verdicts: verdictsOf(outcome),
    recommendedRoute: outcome.recommendation.route,
  };
}

// Without `explain`, every text in the outcome is this: it never leaves `judge`.
const unwritten: Localized = Object.freeze({ sv: '', en: '' });

function run(ruleset: Ruleset, answers: Answers, explain: boolean): Outcome {
  const ctx = new Context(ruleset, answers, explain);
  const routes = routeIds.map((route) => ctx.judgeRoute(route));
  const recommendation = ctx.recommend(routes);
  if (recommendation.route) {
    const chosen = routes.find((r) => r.route === recommendation.route)!;
    chosen.verdict = 'recommended';
  }
  const generalNotes = ctx.policyNotes('general');
  return {
    rulesetVersion: ruleset.version,
    rulesetHash: ruleset.hash,
    decisionDate: answers.decisionDate,
    organisation: answers.organisation,
    routes,
    recommendation,
    policyNotes: generalNotes,
    layers: ctx.layers(),
    parametersUsed: [...ctx.parametersUsed.values()],
    missing: unique(routes.flatMap((r) => r.missing)),
  };
}

class Context {
  readonly parametersUsed = new Map<string, ParameterUse>();
  private readonly shownFacts = new Map<string, Localized>();
  private readonly shownParameters = new Map<string, Localized>();
  private readonly date: string;

  constructor(
    private readonly ruleset: Ruleset,
    private readonly answers: Answers,
    private readonly explain: boolean,
  ) {
    this.date = answers.decisionDate;
    if (!findBuyer(ruleset, answers.organisation)) {
      throw new EvaluationError('organisation', `organisation ${answers.organisation} is no kommun or region in rules/buyers/sweden.yaml`);
    }
    if (this.date < ruleset.manifest.coversFrom) {
      throw new EvaluationError(
        'decisionDate',
        `decisionDate ${this.date} is before ${ruleset.manifest.coversFrom}, the earliest date rule set ${ruleset.version} covers`,
      );
    }
  }

  judgeRoute(route: RouteId): RouteOutcome {
    const file = this.ruleset.routes[route];
    const active = file.rules.filter((r) => isActive(r.validFrom, r.validTo, this.date));
    const deciding = active.filter((r) => r.kind === 'ground' || r.kind === 'requirement').map((r) => this.judgeRule(r));
    const grounds = deciding.filter((r) => r.kind === 'ground');
    const requirements = deciding.filter((r) => r.kind === 'requirement');

    const failedRequirements = requirements.filter((r) => r.result === 'failed');
    const groundTruth: Truth =
      grounds.length === 0 || grounds.some((g) => g.result === 'held')
        ? 'held'
        : grounds.every((g) => g.result === 'failed')
          ? 'failed'
          : 'unknown';

    let verdict: RouteOutcome['verdict'];
    let reasons: Reason[];
    if (failedRequirements.length > 0 || groundTruth === 'failed') {
      verdict = 'not-allowed';
      reasons = [...failedRequirements, ...(groundTruth === 'failed' ? grounds : [])];
    } else if (groundTruth === 'held' && requirements.every((r) => r.result === 'held')) {
      verdict = 'allowed';
      reasons = [...grounds.filter((g) => g.result === 'held'), ...requirements];
    } else {
      verdict = 'needs-info';
      reasons = deciding.filter((r) => r.result === 'unknown');
    }
    const missing = verdict === 'needs-info' ? unique(reasons.flatMap((r) => r.missing)) : [];

    const obligations: Reason[] = [];
    const possibleObligations: Reason[] = [];
    const cautions: Reason[] = [];
    for (const rule of active) {
      if (rule.kind !== 'obligation' && rule.kind !== 'caution') continue;
      const shownOn = rule.onVerdicts ?? ['allowed', 'needs-info'];
      if (!shownOn.includes(verdict as 'allowed' | 'not-allowed' | 'needs-info')) continue;
      const judged = this.judgeRule(rule);
      if (judged.result === 'failed') continue;
      if (rule.kind === 'caution') cautions.push(judged);
      else if (judged.result === 'held') obligations.push(judged);
      else possibleObligations.push(judged);
    }

    return {
      route,
      name: file.name,
      verdict,
      reasons,
      obligations,
      possibleObligations,
      cautions,
      policyNotes: this.policyNotes(route),
      missing,
      trace: deciding,
    };
  }

  /** A rule's result: its `appliesWhen` and `condition` together. */
  private judgeRule(rule: Rule): Reason {
    const params: ParameterUse[] = [];
    const applies = rule.appliesWhen ? this.condition(rule.appliesWhen, params) : null;
    const body = rule.condition ? this.condition(rule.condition, params) : null;
    const trace: ConditionTrace | null =
      applies && body ? { kind: 'all', result: and([applies.result, body.result]), children: [applies, body] } : (applies ?? body);
    const result: Truth = trace ? trace.result : 'held';
    const missing = result === 'unknown' && trace ? missingFacts(trace) : [];
    const explanation: Localized =
      result === 'held'
        ? this.interpolate(rule.explanation.held)
        : result === 'failed'
          ? this.interpolate(rule.explanation.failed ?? rule.explanation.held)
          : !this.explain
            ? unwritten
            : localize((lang) =>
                lang === 'sv'
                  ? `Kan inte avgöras ännu. Svar som saknas: ${missing.map((f) => this.factLabel(f, lang)).join('; ')}.`
                  : `Cannot be decided yet. Missing answers: ${missing.map((f) => this.factLabel(f, lang)).join('; ')}.`,
              );
    const source = this.cite(rule.source);
    return {
      ruleId: rule.id,
      kind: rule.kind,
      result,
      title: rule.title,
      explanation,
      legalBasis: rule.legalBasis,
      status: weakest(rule.status, source.status, ...params.map((p) => p.status)),
      source,
      parameters: uniqueBy(params, (p) => p.id),
      missing,
      trace,
    };
  }

  private condition(condition: Condition, params: ParameterUse[]): ConditionTrace {
    if ('all' in condition) {
      const children = condition.all.map((c) => this.condition(c, params));
      return { kind: 'all', result: and(children.map((c) => c.result)), children };
    }
    if ('any' in condition) {
      const children = condition.any.map((c) => this.condition(c, params));
      return { kind: 'any', result: or(children.map((c) => c.result)), children };
    }
    if ('not' in condition) {
      const child = this.condition(condition.not, params);
      return { kind: 'not', result: not(child.result), child };
    }
    return this.compare(condition, params);
  }

  private compare(c: Extract<Condition, { fact: string }>, params: ParameterUse[]): ComparisonTrace {
    const fact = this.ruleset.facts[c.fact]!;
    const actual = this.read(c.fact);
    const parameter = c.param === undefined ? undefined : this.parameter(c.param);
    if (parameter) params.push(parameter);
    const expected = parameter ? parameter.value : c.value!;
    const result: Truth = actual === undefined ? 'unknown' : compare(actual, c.op, expected) ? 'held' : 'failed';
    if (!this.explain) return { kind: 'compare', fact: c.fact, label: fact.label, op: c.op, expected, parameter, actual, result, text: unwritten };
    const target = parameter ? this.parameterTarget(parameter) : literalTarget(c, fact);
    const text: Localized =
      actual === undefined
        ? { sv: `${fact.label.sv}: inget svar ännu (avgörs mot ${target.sv})`, en: `${fact.label.en}: no answer yet (decided against ${target.en})` }
        : {
            sv: `${fact.label.sv} (${this.shownFact(c.fact).sv}) ${opWords.sv[c.op]} ${target.sv}`,
            en: `${fact.label.en} (${this.shownFact(c.fact).en}) ${opWords.en[c.op]} ${target.en}`,
          };
    return { kind: 'compare', fact: c.fact, label: fact.label, op: c.op, expected, parameter, actual, result, text };
  }

  /**
   * The answer a rule reads: the answer given; else, for a fact split from an older one (`legacyPath`), the old
   * answer, so decisions saved before the split keep their meaning; else what the rule set says of the
   * organisation (its kind of buyer; in a rule set stored before 2026.12.3, its overlay's `authorityKind`).
   */
  private read(path: string): string | number | boolean | undefined {
    const given = readFact(this.answers, path);
    if (given !== undefined) return given;
    const legacy = this.ruleset.facts[path]?.legacyPath;
    if (legacy !== undefined) {
      const old = readFact(this.answers, legacy);
      if (old !== undefined) return old;
    }
    if (path === 'authorityKind') {
      // From the rule set: the kind of buyer (a kommun or region, a state agency), or in a rule set stored before
      // 2026.12.3 the overlay of a named organisation.
      const buyer = findBuyer(this.ruleset, this.answers.organisation);
      return (buyer?.overlay ? this.ruleset.overlays?.[buyer.overlay]?.authorityKind : undefined) ?? buyer?.authorityKind ?? undefined;
    }
    return undefined;
  }

  /** An answer as shown in texts, formatted once per evaluation however many rules compare it. */
  private shownFact(path: string): Localized {
    return remember(this.shownFacts, path, () => {
      const fact = this.ruleset.facts[path];
      const value = this.read(path);
      return localize((lang) => formatValue(value, fact?.type ?? 'number', lang, fact?.options));
    });
  }

  /** A parameter's value in force, as shown in texts ("700 000 kr"). */
  private shownParameter(use: ParameterUse): Localized {
    return remember(this.shownParameters, use.id, () => localize((lang) => formatValue(use.value, use.unit, lang)));
  }

  /** What a comparison with a parameter is decided against: "direktupphandlingsgränsen (700 000 kr)". */
  private parameterTarget(use: ParameterUse): Localized {
    const shown = this.shownParameter(use);
    return { sv: `${lowerLabel(use.label).sv} (${shown.sv})`, en: `${lowerLabel(use.label).en} (${shown.en})` };
  }

  /** The parameter value in force on the decision date. */
  private parameter(id: string): ParameterUse {
    const cached = this.parametersUsed.get(id);
    if (cached) return cached;
    const param = this.ruleset.parameters[id]!;
    if (param.validTo !== null && this.date > param.validTo) {
      throw new EvaluationError('decisionDate', `parameter ${id} is only known until ${param.validTo}`);
    }
    // The loader checks this for rules; a note's or a recommendation's condition must not silently read a later value.
    if (this.date < param.values[0]!.from) {
      throw new EvaluationError('decisionDate', `parameter ${id} has no value before ${param.values[0]!.from}`);
    }
    let current = param.values[0]!;
    for (const v of param.values) if (v.from <= this.date) current = v;
    const source = this.cite(current.source);
    const use: ParameterUse = {
      id,
      label: param.label,
      unit: param.unit,
      value: current.value,
      from: current.from,
      status: weakest(current.status, source.status),
      source,
      note: current.note,
    };
    this.parametersUsed.set(id, use);
    return use;
  }

  recommend(routes: RouteOutcome[]): Recommendation {
    const verdictOf = (route: RouteId) => routes.find((r) => r.route === route)!;
    const couldChange: Recommendation['couldChange'] = [];
    for (const rec of this.ruleset.manifest.recommendation) {
      const outcome = verdictOf(rec.route);
      if (outcome.verdict === 'not-allowed') continue;
      const params: ParameterUse[] = [];
      const when = rec.when ? this.condition(rec.when, params) : null;
      if (when?.result === 'failed') continue;
      if (outcome.verdict === 'allowed' && (when === null || when.result === 'held')) {
        const source = this.cite(rec.source);
        return {
          route: rec.route,
          ruleId: rec.id,
          rationale: this.interpolate(rec.rationale),
          // The headline is as strong as its source and the limits it was decided against (issue 10 item 9).
          status: weakest(rec.status, source.status, ...params.map((p) => p.status)),
          source,
          couldChange,
        };
      }
      const missing = unique([...outcome.missing, ...(when?.result === 'unknown' ? missingFacts(when) : [])]);
      if (!couldChange.some((c) => c.route === rec.route)) couldChange.push({ route: rec.route, missing });
    }
    return {
      route: null,
      ruleId: null,
      rationale: localize((lang) =>
        lang === 'sv'
          ? 'Ingen väg kan rekommenderas ännu: besvara de frågor som saknas.'
          : 'No route can be recommended yet: answer the missing questions.',
      ),
      status: null,
      source: null,
      couldChange,
    };
  }

  policyNotes(route: RouteId | 'general'): PolicyNote[] {
    // Each layer's notes and bands in precedence order: shared layers first, the buyer's own on top. A buyer
    // with no layer gets national law only: no notes.
    const notes: PolicyNote[] = [];
    for (const layer of layersFor(this.ruleset, this.answers.organisation, this.date)) {
      const use = layerUse(layer);
      for (const note of layer.notes) {
        if (note.route !== route || !isActive(note.validFrom, note.validTo, this.date)) continue;
        if (note.appliesWhen && this.condition(note.appliesWhen, []).result === 'failed') continue;
        notes.push(this.policyNote(note, use));
      }
      for (const band of layer.bands) {
        if (band.route !== route || !isActive(band.validFrom, band.validTo, this.date)) continue;
        // A band speaks only once the answers place the purchase inside it.
        const when = bandCondition(band);
        if (when && this.condition(when, []).result !== 'held') continue;
        notes.push(this.policyNote(band, use));
      }
    }
    return notes;
  }

  layers(): LayerUse[] {
    return layersFor(this.ruleset, this.answers.organisation, this.date).map(layerUse);
  }

  private policyNote(note: Pick<OverlayNote, 'id' | 'route' | 'status' | 'source' | 'text'> & { kind: PolicyNote['kind'] }, layer: LayerUse): PolicyNote {
    const source = this.cite(note.source);
    return {
      id: note.id,
      organisation: this.answers.organisation,
      route: note.route,
      kind: note.kind,
      text: this.interpolate(note.text),
      status: weakest(note.status, source.status),
      source,
      layer,
    };
  }

  private cite(ref: SourceRef): CitedSource {
    // Citations depend on the rule set alone, so one object per source reference serves every evaluation.
    return remember(citations, ref, () => citeSource(this.ruleset, ref)!);
  }


  private factLabel(path: string, lang: Lang): string {
    return this.ruleset.facts[path]?.label[lang] ?? path;
  }

  /** Fills `{param:id}` and `{fact:path}` in rule texts with the values of this decision. */
  private interpolate(text: Localized): Localized {
    const template = templateOf(text);
    if (!template) return this.explain ? text : unwritten;
    if (!this.explain) {
      // The parameters a text names are still looked up: one not in force on the date is the same error either way.
      for (const part of [...template.sv, ...template.en]) if (typeof part !== 'string' && part.kind === 'param') this.parameter(part.key);
      return unwritten;
    }
    return { sv: this.fill(template.sv, 'sv'), en: this.fill(template.en, 'en') };
  }

  private fill(template: Template, lang: Lang): string {
    let out = '';
    for (const part of template) {
      if (typeof part === 'string') out += part;
      else if (part.kind === 'param') out += this.shownParameter(this.parameter(part.key))[lang];
      else out += this.shownFact(part.key)[lang];
    }
    return out;
  }
}

/** A rule text split once into its literal parts and its `{param:id}` and `{fact:path}` placeholders. */
type Template = Array<string | { kind: 'param' | 'fact'; key: string }>;

// Texts belong to a loaded rule set and never change, so each is split once for every evaluation.
const templates = new WeakMap<Localized, { sv: Template; en: Template } | null>();

function templateOf(text: Localized): { sv: Template; en: Template } | null {
  return remember(templates, text, () =>
    text.sv.includes('{') || text.en.includes('{') ? { sv: splitTemplate(text.sv), en: splitTemplate(text.en) } : null,
  );
}

function splitTemplate(text: string): Template {
  const parts: Template = [];
  let last = 0;
  for (const match of text.matchAll(/\{(param|fact):([a-zA-Z0-9.-]+)\}/g)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ kind: match[1] as 'param' | 'fact', key: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const lowerLabels = new WeakMap<Localized, Localized>();

function lowerLabel(label: Localized): Localized {
  return remember(lowerLabels, label, () => localize((lang) => label[lang].toLowerCase()));
}

const literalTargets = new WeakMap<object, Localized>();

/** What a comparison with a value written in the rule is decided against, formatted once per rule set. */
function literalTarget(c: Extract<Condition, { fact: string }>, fact: Ruleset['facts'][string]): Localized {
  return remember(literalTargets, c, () => localize((lang) => formatValue(c.value, fact.type, lang, fact.options)));
}

/** The value kept for `key`, made and kept on first use (null is kept too: "nothing to make"). */
function remember<K, V>(store: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) store.set(key, (value = make()));
  return value;
}

const pathKeys = new Map<string, string[]>();

function readFact(answers: Answers, path: string): string | number | boolean | undefined {
  let node: unknown = answers;
  for (const key of remember(pathKeys, path, () => path.split('.'))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? node : undefined;
}

function compare(actual: string | number | boolean, op: ComparisonTrace['op'], expected: ComparisonTrace['expected']): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'lt':
      return (actual as number) < (expected as number);
    case 'lte':
      return (actual as number) <= (expected as number);
    case 'gt':
      return (actual as number) > (expected as number);
    case 'gte':
      return (actual as number) >= (expected as number);
  }
}

function and(results: Truth[]): Truth {
  if (results.includes('failed')) return 'failed';
  return results.includes('unknown') ? 'unknown' : 'held';
}
function or(results: Truth[]): Truth {
  if (results.includes('held')) return 'held';
  return results.includes('unknown') ? 'unknown' : 'failed';
}
function not(result: Truth): Truth {
  return result === 'held' ? 'failed' : result === 'failed' ? 'held' : 'unknown';
}

/** The facts whose answers would decide an unknown condition (only the branches still open). */
export function missingFacts(trace: ConditionTrace): string[] {
  if (trace.result !== 'unknown') return [];
  if (trace.kind === 'compare') return [trace.fact];
  if (trace.kind === 'not') return missingFacts(trace.child);
  return unique(trace.children.flatMap(missingFacts));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
