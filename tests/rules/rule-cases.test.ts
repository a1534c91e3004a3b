import { describe, expect, it } from 'vitest';
import { organisationIds } from '../../src/engine/answers-schema';
import { evaluate, EvaluationError } from '../../src/engine/evaluate';
import type { CitedSource, Outcome, Reason } from '../../src/engine/outcome';
import type { Condition } from '../../src/engine/ruleset-schema';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { layersFor, policyNoteIds } from '../../src/engine/layers';
import type { LayerFile } from '../../src/engine/layer-schema';
import { dayAfter, dayBefore, inconsistencies, isErrorExpectation, loadCases, mismatches, unknownReferences, type RuleCase } from './rule-case';

// The rule cases in tests/rules/cases/*.yaml, run through the engine against the real rule set (rules/).
// Each expectation is derived from the law and the policies (see each case's `why`), not from the engine's output.

const ruleset = nodeRuleset();
const { cases, problems } = loadCases();
const coversFrom = ruleset.manifest.coversFrom;

const outcomes = new Map<RuleCase, Outcome>();
function outcomeOf(c: RuleCase): Outcome | EvaluationError {
  const cached = outcomes.get(c);
  if (cached) return cached;
  try {
    const outcome = evaluate(ruleset, c.answers);
    outcomes.set(c, outcome);
    return outcome;
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    throw error;
  }
}
const judged = () => cases.filter((c) => !isErrorExpectation(c.expect)).map((c) => ({ c, outcome: outcomeOf(c) as Outcome }));

describe('the rule cases', () => {
  it('all load: valid YAML, the strict case schema and the answers contract', () => {
    expect(problems).toEqual([]);
  });

  it('are at least 40', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('have unique names', () => {
    const names = cases.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('do not contradict themselves: the recommended route is the one expected with the verdict recommended', () => {
    expect(cases.flatMap((c) => inconsistencies(c).map((p) => `${c.file} "${c.name}" ${p}`))).toEqual([]);
  });

  it('name only rules, notes, parameters and facts that exist in the rule set', () => {
    expect(cases.flatMap((c) => unknownReferences(ruleset, c).map((p) => `${c.file} "${c.name}" ${p}`))).toEqual([]);
  });
});

for (const file of [...new Set(cases.map((c) => c.file))]) {
  describe(file, () => {
    for (const c of cases.filter((x) => x.file === file)) {
      it(c.name, () => {
        const result = outcomeOf(c);
        if (isErrorExpectation(c.expect)) {
          expect(result, 'the engine should refuse these answers').toBeInstanceOf(EvaluationError);
          if (c.expect.message) expect((result as EvaluationError).message).toContain(c.expect.message);
          return;
        }
        if (result instanceof EvaluationError) throw new Error(`the engine refused the answers: ${result.message}`);
        expect(mismatches(result, c.expect)).toEqual([]);
      });
    }
  });
}

describe('coverage of the rule set by the cases', () => {
  const positive = (c: RuleCase): string[] => {
    if (isErrorExpectation(c.expect)) return [];
    const e = c.expect;
    return [
      ...(e.notes ?? []),
      ...Object.values({ a: e['direct-award'], b: e['social-considerations'], c: e['reserved-contract'], d: e.iop }).flatMap((r) => [
        ...(r.reasons ?? []),
        ...(r.obligations ?? []),
        ...(r.possibleObligations ?? []),
        ...(r.cautions ?? []),
        ...(r.notes ?? []),
      ]),
    ];
  };
  const referenced = new Set(cases.flatMap(positive));

  it('every rule of every route is expected in at least one case', () => {
    const ruleIds = Object.values(ruleset.routes).flatMap((r) => r.rules.map((rule) => rule.id));
    expect(ruleIds.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it('every policy note and band of every organisation and layer is expected in at least one case', () => {
    const noteIds = policyNoteIds(ruleset);
    expect(noteIds.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it('every organisation has a case', () => {
    const orgs = new Set(cases.map((c) => c.answers.organisation));
    expect(organisationIds.filter((o) => !orgs.has(o))).toEqual([]);
  });

  // A case's buyer is bound by a layer when the engine gives it that layer on the layer's first day (by name, by its
  // kommunkod, or as a kommun of a län the layer names).
  const binds = (layer: LayerFile, organisation: string) => layersFor(ruleset, organisation, layer.validFrom).some((l) => l.id === layer.id);

  it('every layer has a case for a buyer it binds', () => {
    const orgs = [...new Set(cases.map((c) => c.answers.organisation as string))];
    const untested = Object.values(ruleset.layers ?? {}).filter((l) => !orgs.some((o) => binds(l, o)));
    expect(untested.map((l) => l.id)).toEqual([]);
  });

  /**
   * Every layer is tested, for a buyer it binds, on the day it starts applying and the day before (where that day is
   * one the rule set covers; the day before coversFrom is an error case), and on its last day and the day after.
   */
  it("every layer's dates are tested on the day and the day beside it", () => {
    const missing: string[] = [];
    const tested = (layer: LayerFile, date: string) => cases.some((c) => c.answers.decisionDate === date && binds(layer, c.answers.organisation));
    for (const layer of Object.values(ruleset.layers ?? {})) {
      const days = [
        ...(layer.validFrom > coversFrom ? [dayBefore(layer.validFrom), layer.validFrom] : layer.validFrom === coversFrom ? [layer.validFrom] : []),
        ...(layer.validTo !== null ? [layer.validTo, dayAfter(layer.validTo)] : []),
      ];
      for (const day of days) if (!tested(layer, day)) missing.push(`${layer.id} on ${day}`);
    }
    expect(missing).toEqual([]);
  });

  /** Every amount a band starts or ends at is tested at it and one krona either side, for a buyer the band binds. */
  it("every band's amounts are tested at them and one krona under and over", () => {
    const missing: string[] = [];
    for (const layer of Object.values(ruleset.layers ?? {})) {
      for (const band of layer.bands) {
        for (const amount of [band.fromSek, band.toSek].filter((a): a is number => a !== undefined)) {
          for (const value of [amount - 1, amount, amount + 1]) {
            const tested = cases.some((c) => binds(layer, c.answers.organisation) && c.answers.value?.totalSek === value);
            if (!tested) missing.push(`${band.id} at ${value} kr`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every route is the recommended one in at least one case', () => {
    const recommended = new Set(cases.map((c) => (isErrorExpectation(c.expect) ? undefined : c.expect.recommended)));
    expect(ruleset.manifest.recommendation.map((r) => r.route).filter((r) => !recommended.has(r))).toEqual([]);
  });

  it("an organisation's policy never changes a verdict: every case judges the same under every organisation", () => {
    const changed: string[] = [];
    for (const { c, outcome } of judged()) {
      for (const organisation of organisationIds) {
        const other = evaluate(ruleset, { ...c.answers, organisation });
        const differs = other.routes.filter((r, i) => r.verdict !== outcome.routes[i]!.verdict).map((r) => r.route);
        if (differs.length > 0) changed.push(`"${c.name}" under ${organisation}: ${differs.join(', ')}`);
      }
    }
    expect(changed).toEqual([]);
  });

  it('a decision date before the rule set covers has an error case', () => {
    expect(cases.some((c) => isErrorExpectation(c.expect) && c.answers.decisionDate < coversFrom)).toBe(true);
  });

  /**
   * Every dated value of every parameter is tested on the day it came into force and on the day before, with the
   * value the case expects the engine to read (null where the parameter did not exist yet). A day before
   * coversFrom is tested by an error case. Values from before coversFrom cannot be judged and are not required.
   * A parameter's `validTo` is tested on that day and on the day after, where it is not read (null) or, if a
   * rule in force would still read it, the engine refuses to judge (an error case).
   */
  it('every dated parameter value is tested on the day it starts and the day before', () => {
    const untested: string[] = [];
    // An error case stands for a day the engine cannot judge: before coversFrom, or after a parameter's validTo.
    const tested = (date: string, id: string, value: number | null, orError = date < coversFrom) =>
      cases.some((c) => {
        if (c.answers.decisionDate !== date) return false;
        if (isErrorExpectation(c.expect)) return orError;
        return c.expect.parameters !== undefined && id in c.expect.parameters && c.expect.parameters[id] === value;
      });
    for (const param of Object.values(ruleset.parameters)) {
      param.values.forEach((v, i) => {
        if (v.from < coversFrom) return;
        if (!tested(v.from, param.id, v.value)) untested.push(`${param.id} = ${v.value} on ${v.from}`);
        const before = param.values[i - 1]?.value ?? null;
        if (!tested(dayBefore(v.from), param.id, before)) untested.push(`${param.id} = ${before} on ${dayBefore(v.from)}`);
      });
      if (param.validTo !== null) {
        const last = param.values[param.values.length - 1]!.value;
        if (!tested(param.validTo, param.id, last)) untested.push(`${param.id} = ${last} on ${param.validTo}`);
        const after = dayAfter(param.validTo);
        if (!tested(after, param.id, null, true)) untested.push(`${param.id} = null (or an error case) on ${after}`);
      }
    }
    expect(untested).toEqual([]);
  });

  /**
   * Every limit a rule compares an answer with is tested exactly at the limit and just beside it (one krona for
   * amounts, one percentage point for shares, half a year for terms), with the engine reading that limit.
   */
  it('every limit an answer is compared with is tested exactly at it and just beside it', () => {
    const pairs = new Set<string>();
    const walk = (c: Condition | undefined) => {
      if (!c) return;
      if ('all' in c) c.all.forEach(walk);
      else if ('any' in c) c.any.forEach(walk);
      else if ('not' in c) walk(c.not);
      else if (c.param !== undefined) pairs.add(`${c.fact}|${c.param}`);
    };
    for (const route of Object.values(ruleset.routes)) {
      for (const rule of route.rules) {
        walk(rule.appliesWhen);
        walk(rule.condition);
      }
    }
    const step: Record<string, number> = { SEK: 1, share: 0.01, years: 0.5, EUR: 1 };
    const missing: string[] = [];
    for (const pair of pairs) {
      const [fact, paramId] = pair.split('|') as [string, string];
      const delta = step[ruleset.parameters[paramId]!.unit]!;
      let exact = false;
      let beside = false;
      for (const { c, outcome } of judged()) {
        const used = outcome.parametersUsed.find((p) => p.id === paramId);
        const answer = fact.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], c.answers);
        if (!used || typeof answer !== 'number') continue;
        if (answer === used.value) exact = true;
        if (Math.abs(Math.abs(answer - used.value) - delta) < 1e-9) beside = true;
      }
      if (!exact) missing.push(`${fact} exactly at ${paramId}`);
      if (!beside) missing.push(`${fact} just beside ${paramId}`);
    }
    expect(pairs.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

describe('the sources the cases cite', () => {
  const citedIn = (outcome: Outcome) => {
    const cited: Array<{ what: string; source: CitedSource }> = [];
    const reasons = (list: Reason[]) => list.forEach((r) => cited.push({ what: r.ruleId, source: r.source }));
    for (const route of outcome.routes) {
      reasons(route.reasons);
      reasons(route.trace);
      reasons(route.obligations);
      reasons(route.possibleObligations);
      reasons(route.cautions);
      route.policyNotes.forEach((n) => cited.push({ what: n.id, source: n.source }));
    }
    outcome.policyNotes.forEach((n) => cited.push({ what: n.id, source: n.source }));
    outcome.parametersUsed.forEach((p) => cited.push({ what: `parameter ${p.id}`, source: p.source }));
    if (outcome.recommendation.source) cited.push({ what: outcome.recommendation.ruleId!, source: outcome.recommendation.source });
    return cited;
  };

  it('every reason, note and parameter in every case cites an excerpt of rules/sources with its quoted text', () => {
    const bad: string[] = [];
    let count = 0;
    for (const { c, outcome } of judged()) {
      for (const { what, source } of citedIn(outcome)) {
        count++;
        const excerpt = ruleset.sources[source.documentId]?.excerpts.find((e) => e.id === source.excerptId);
        if (!excerpt) bad.push(`"${c.name}": ${what} cites ${source.documentId}#${source.excerptId}, which is not in rules/sources`);
        else if (source.text.trim() === '' || source.text !== excerpt.text) bad.push(`"${c.name}": ${what} cites ${source.documentId}#${source.excerptId} without its text`);
        if (source.section.trim() === '') bad.push(`"${c.name}": ${what} cites no section`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
});
