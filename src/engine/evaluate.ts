import { routeIds, type Answers, type RouteId } from './answers-schema';
import { canonicalOrganisation, findBuyer } from './buyers';
import { coveredDates } from './covered-dates';
import { bandCondition, layersFor, layerUse, type LayerUse } from './layers';
import { formatValue, localize, opWords, type Lang } from './format';
import {
  verdictsOf,
  type CitedSource,
  type ComparisonTrace,
  type ConditionTrace,
  type CountedValue,
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
 * texts were half of the engine's work (66 → 35 µs an answer set; measured as saves/s).
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

function run(ruleset: Ruleset, given: Answers, explain: boolean): Outcome {
  // A seed organisation named by its SCB code is judged as itself, under its own policy (canonicalOrganisation).
  const organisation = canonicalOrganisation(ruleset, given.organisation);
  const answers = organisation === given.organisation ? given : { ...given, organisation: organisation as Answers['organisation'] };
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
    countedValues: ctx.countedValues(),
    missing: unique(routes.flatMap((r) => r.missing)),
  };
}

const ranges = new WeakMap<Ruleset, { from: string; to: string | null }>();
function coveredRange(ruleset: Ruleset) {
  let range = ranges.get(ruleset);
  if (!range) ranges.set(ruleset, (range = coveredDates(ruleset)));
  return range;
}

class Context {
  readonly parametersUsed = new Map<string, ParameterUse>();
  private readonly shownFacts = new Map<string, Localized>();
  private readonly shownParameters = new Map<string, Localized>();
  private readonly counted = new Map<string, Counted | null>();
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
    // A date past the last day a parameter still read is known (the de minimis ceiling ends 2030-12-31) would be judged
    // on rules that say nothing of it: refused, naming the range, for the server and the command line as in the guide.
    const { from, to } = coveredRange(ruleset);
    if (to !== null && this.date > to) {
      throw new EvaluationError('decisionDate', `decisionDate ${this.date} is after ${to}: rule set ${ruleset.version} covers decisions from ${from} to ${to}`);
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
    const unreadFigures = verdict === 'needs-info' ? uniqueBy(reasons.flatMap((r) => unreadIn(r.trace)), (u) => u.parameter) : [];

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
      unreadFigures,
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
    const unread = result === 'unknown' ? unreadIn(trace) : [];
    const explanation: Localized =
      result === 'held'
        ? this.interpolate(rule.explanation.held)
        : result === 'failed'
          ? this.interpolate(rule.explanation.failed ?? rule.explanation.held)
          : !this.explain
            ? unwritten
            : localize((lang) => {
                const answers =
                  missing.length === 0
                    ? ''
                    : lang === 'sv'
                      ? ` Svar som saknas: ${missing.map((f) => this.factLabel(f, lang)).join('; ')}.`
                      : ` Missing answers: ${missing.map((f) => this.factLabel(f, lang)).join('; ')}.`;
                const figures = unread.map((u) => ` ${this.unreadWords(u.parameter, lang)}`).join('');
                return `${lang === 'sv' ? 'Kan inte avgöras ännu.' : 'Cannot be decided yet.'}${answers}${figures}`;
              });
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
      unreadFigures: unread.map((u) => u.parameter),
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
    // A value in the band of a carried-over figure that is unread may lie on either side of the real figure: the
    // comparison cannot be decided until the figure is read, whatever the carried-over value says.
    const band = parameter?.unreadWithin;
    const unread = parameter && band && typeof actual === 'number' && actual >= band.low && actual < band.high ? { parameter: parameter.id, figure: band.figure } : undefined;
    const result: Truth = actual === undefined || unread ? 'unknown' : compare(actual, c.op, expected) ? 'held' : 'failed';
    if (!this.explain) return { kind: 'compare', fact: c.fact, label: fact.label, op: c.op, expected, parameter, actual, result, unread, text: unwritten };
    if (unread) {
      const shown = this.shownFact(c.fact);
      const text = localize((lang) => `${fact.label[lang]} (${shown[lang]}): ${this.unreadWords(unread.parameter, lang)}`);
      return { kind: 'compare', fact: c.fact, label: fact.label, op: c.op, expected, parameter, actual, result, unread, text };
    }
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
    const counted = this.countedValue(path);
    if (counted) return counted.judgedSek;
    return this.readGiven(path);
  }

  private readGiven(path: string): string | number | boolean | undefined {
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

  /**
   * A value the law counts from its parts (LOU 5 kap.; 19 a kap. 1 § for direct awards), where parts are given: the
   * larger of the answer and the sum of the parts. This purchase's own part is the value per year times the years.
   * Without them it is what the answer leaves after the other parts: the answer is, by its fact's definition, the
   * whole value with options and similar purchases (rules/facts.yaml, value.totalSek), so they are not added twice,
   * and an answer below them is judged on them (KKV dnr 819/2023). Null where the fact is not counted so, or no part
   * is given.
   */
  private countedValue(path: string): Counted | null {
    return remember(this.counted, path, () => {
      const spec = this.ruleset.facts[path]?.countedFromParts;
      if (!spec) return null;
      const num = (p: string) => {
        const v = readFact(this.answers, p);
        return typeof v === 'number' ? v : undefined;
      };
      const given = num(path);
      const perYear = num(spec.own.perYear);
      const years = num(spec.own.years);
      const added = spec.added.map((a) => ({ words: a.words, sek: num(a.path) })).filter((a): a is { words: Localized; sek: number } => a.sek !== undefined && a.sek > 0);
      const ownFromYears = perYear !== undefined && years !== undefined ? perYear * years : undefined;
      const addedSek = added.reduce((sum, a) => sum + a.sek, 0);
      const leftOfGiven = given === undefined ? undefined : Math.max(0, given - addedSek);
      // A year's price without the term says only that the contract is worth at least one year of it (LOU 5 kap.
      // counts every year; an open-ended one as 48 months), so it can raise the value judged but never stands alone.
      const atLeastOneYear = ownFromYears === undefined && perYear !== undefined && leftOfGiven !== undefined && perYear > leftOfGiven;
      if (added.length === 0 && ownFromYears === undefined && !atLeastOneYear) return null;
      const own = ownFromYears ?? (atLeastOneYear ? perYear : leftOfGiven);
      if (own === undefined) return null;
      const partsSek = own + addedSek;
      // Half a krona of slack: a sum given for the whole term, split into years by the guide, comes back with rounding.
      const basis: Counted['basis'] = given !== undefined && given >= partsSek - 0.5 ? 'given' : 'parts';
      const judgedSek = basis === 'given' ? given! : partsSek;
      return {
        fact: path,
        givenSek: given ?? null,
        partsSek,
        judgedSek,
        basis,
        own,
        perYear: ownFromYears === undefined && !atLeastOneYear ? undefined : perYear,
        years: ownFromYears === undefined ? undefined : years,
        ownWords: spec.own.words,
        added,
      };
    });
  }

  countedValues(): CountedValue[] {
    const out: CountedValue[] = [];
    for (const [path, fact] of Object.entries(this.ruleset.facts)) {
      if (!fact.countedFromParts) continue;
      const c = this.countedValue(path);
      if (c) out.push({ fact: c.fact, givenSek: c.givenSek, partsSek: c.partsSek, judgedSek: c.judgedSek, basis: c.basis, text: this.explain ? countedText(c) : unwritten });
    }
    return out;
  }

  /** An answer as shown in texts, formatted once per evaluation however many rules compare it. */
  private shownFact(path: string): Localized {
    return remember(this.shownFacts, path, () => {
      const fact = this.ruleset.facts[path];
      const value = this.read(path);
      const counted = this.countedValue(path);
      // Where the parts outweigh the answer, every text that quotes the value says what it is made of.
      if (counted && counted.basis === 'parts' && counted.givenSek !== counted.judgedSek) {
        return localize((lang) => `${formatValue(value, fact?.type ?? 'number', lang, fact?.options)} (${partsWords(counted, lang)})`);
      }
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

  /** A band's end on the decision date: read, not used, so it is not listed among the parameters the verdict rests on. */
  private valueOn(id: string): number {
    let value = this.ruleset.parameters[id]!.values[0]!.value;
    for (const v of this.ruleset.parameters[id]!.values) if (v.from <= this.date) value = v.value;
    return value;
  }

  /** Why a comparison in the band cannot be decided: the band, the figure that is missing and the one used meanwhile. */
  private unreadWords(parameterId: string, lang: Lang): string {
    const use = this.parameter(parameterId);
    const band = use.unreadWithin!;
    const sek = (n: number) => formatValue(n, use.unit, lang);
    return lang === 'sv'
      ? `Värdet ligger mellan ${sek(band.low)} och ${sek(band.high)}, och där avgörs det av ${band.figure.sv}, som inte har lästs (tills dess används det tidigare beloppet ${sek(use.value)}).`
      : `The value lies between ${sek(band.low)} and ${sek(band.high)}, where it is decided by ${band.figure.en}, which has not been read (until then the earlier figure ${sek(use.value)} is used).`;
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
    const band = current.unreadWithin;
    const use: ParameterUse = {
      id,
      label: param.label,
      unit: param.unit,
      value: current.value,
      from: current.from,
      status: weakest(current.status, source.status),
      source,
      note: current.note,
      ...(band ? { unreadWithin: { low: this.valueOn(band.low), high: this.valueOn(band.high), figure: band.figure } } : {}),
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
          // The headline is as strong as its source and the limits it was decided against.
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

type Counted = Omit<CountedValue, 'text'> & {
  own: number;
  perYear: number | undefined;
  years: number | undefined;
  ownWords: Localized;
  added: Array<{ words: Localized; sek: number }>;
};

/** "450 000 kr för detta köp och 400 000 kr för liknande köp under tolv månader". */
function partsWords(c: Counted, lang: Lang): string {
  const sek = (n: number) => formatValue(n, 'sek', lang);
  const ownYears =
    c.perYear === undefined
      ? ''
      : c.years !== undefined
        ? lang === 'sv'
          ? ` (${sek(c.perYear)} per år i ${formatValue(c.years, 'years', lang)})`
          : ` (${sek(c.perYear)} a year for ${formatValue(c.years, 'years', lang)})`
        : lang === 'sv'
          ? ` (minst ett år à ${sek(c.perYear)}; avtalstiden är inte angiven)`
          : ` (at least one year at ${sek(c.perYear)}; the contract term is not given)`;
  const items = [`${sek(c.own)} ${c.ownWords[lang]}${ownYears}`, ...c.added.map((a) => `${sek(a.sek)} ${a.words[lang]}`)];
  const and = lang === 'sv' ? ' och ' : ' and ';
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)!}`;
}

/** Which value is judged and why, in one or two sentences (LOU 5 kap.). */
function countedText(c: Counted): Localized {
  return localize((lang) => {
    const sek = (n: number) => formatValue(n, 'sek', lang);
    const parts = partsWords(c, lang);
    if (c.basis === 'given') {
      if (Math.abs(c.givenSek! - c.partsSek) < 0.5) return lang === 'sv' ? `Värdet som prövas är ${sek(c.judgedSek)}: ${parts}.` : `The value judged is ${sek(c.judgedSek)}: ${parts}.`;
      return lang === 'sv'
        ? `Värdet som prövas är det angivna, ${sek(c.judgedSek)}, eftersom det är större än summan av delarna (${sek(c.partsSek)}: ${parts}).`
        : `The value judged is the one given, ${sek(c.judgedSek)}, as it is larger than the sum of its parts (${sek(c.partsSek)}: ${parts}).`;
    }
    const why =
      c.givenSek === null
        ? ''
        : lang === 'sv'
          ? ` Det angivna värdet, ${sek(c.givenSek)}, är lägre än summan av delarna, och enligt LOU 5 kap. (som 19 a kap. 1 § gör tillämpligt på direktupphandling) räknas alla år, optioner och förlängningar och liknande köp inom tolv månader in.`
          : ` The value given, ${sek(c.givenSek)}, is lower than the sum of its parts, and under LOU 5 kap. (applied to direct awards by 19 a kap. 1 §) every year, option and extension and similar purchases within twelve months are counted.`;
    return lang === 'sv' ? `Värdet som prövas är ${sek(c.judgedSek)}: ${parts}.${why}` : `The value judged is ${sek(c.judgedSek)}: ${parts}.${why}`;
  });
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
  if (trace.kind === 'compare') return trace.unread ? [] : [trace.fact];
  if (trace.kind === 'not') return missingFacts(trace.child);
  return unique(trace.children.flatMap(missingFacts));
}

/** The unread figures that would decide an unknown condition (only the branches still open). */
function unreadIn(trace: ConditionTrace | null): Array<{ parameter: string; figure: Localized }> {
  if (!trace || trace.result !== 'unknown') return [];
  if (trace.kind === 'compare') return trace.unread ? [trace.unread] : [];
  if (trace.kind === 'not') return unreadIn(trace.child);
  return uniqueBy(trace.children.flatMap(unreadIn), (u) => u.parameter);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
