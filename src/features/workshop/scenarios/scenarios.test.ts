import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { organisationIds, routeIds, type Answers } from '../../../engine/answers-schema';
import { evaluate } from '../../../engine/evaluate';
import { parseAnswers } from '../../../engine/parse-answers';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { readRulesDir } from '../../../rules-data/read-rules-dir';
import { buildDecision } from '../../../guide/decision';
import { readPath } from '../../../guide/draft';
import { totalValue } from '../../../guide/form-schema';
import { createVisibleFields } from '../../../guide/relevance';
import { alwaysAsked, questionStepIds, stepFields } from '../../../guide/steps';
import { staleSteps, wizardMachine } from '../../../guide/wizard-machine';
import { checkScenarioReferences, loadScenarios, ScenarioLoadError } from '../../../scenarios/load-scenarios';
import { scenarioDraft } from './scenario-draft';
import { applyWhatIf } from '../scenario-outcome';
import { scenarios as bundledScenarios } from './scenario-library';

const ruleset = nodeRuleset();
const files = readRulesDir();
const scenarios = loadScenarios(files);
const visibleFields = createVisibleFields(ruleset);
const verdicts = (answers: Answers) => Object.fromEntries(evaluate(ruleset, answers).routes.map((r) => [r.route, r.verdict]));

describe('the scenario library in rules/scenarios/', () => {
  it('holds at least ten scenarios, each valid and referring only to sources and facts in the rule set', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    expect(checkScenarioReferences(scenarios, ruleset)).toEqual([]);
    for (const s of scenarios) expect(parseAnswers(s.answers), s.id).toEqual({ ok: true, answers: s.answers });
  });

  it('is what the browser bundles (import.meta.glob of the same files)', () => {
    expect(bundledScenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
  });

  it('has a scenario for every organisation in the seeds', () => {
    const covered = new Set(scenarios.map((s) => s.organisation));
    for (const org of organisationIds.filter((o) => o !== 'other')) expect(covered.has(org), org).toBe(true);
  });

  it("retells the law brief's worked cases: fruit baskets, the care-home IOP, consecutive direct awards and others", () => {
    const ids = scenarios.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['fruktkorgar-reserverad', 'aldreboende-iop-alingsas', 'interimschef-tva-direktupphandlingar']));
    expect(scenarios.filter((s) => s.basedOn).length).toBeGreaterThanOrEqual(8);
  });

  it('lets every route be the answer somewhere: each route is recommended in at least one scenario', () => {
    for (const route of routeIds) expect(scenarios.some((s) => s.answerKey[route] === 'recommended'), route).toBe(true);
  });
});

describe.each(scenarios.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
  it("has an answer key equal to the engine's verdicts under the current rule set", () => {
    expect(verdicts(scenario.answers)).toEqual(scenario.answerKey);
  });

  it('opens in the guide on the review, with the same verdicts, every answer asked and no question left open', () => {
    const draft = scenarioDraft(ruleset, scenario, visibleFields);
    const decision = buildDecision(ruleset, visibleFields, draft);
    expect(Object.fromEntries(decision.outcome!.routes.map((r) => [r.route, r.verdict]))).toEqual(scenario.answerKey);

    const asked = new Set(questionStepIds.flatMap((step) => visibleFields(step, draft)));
    const given = questionStepIds.flatMap((step) => stepFields[step]).filter((path) => readPath(scenario.answers, path) !== undefined);
    expect(given.filter((path) => !asked.has(path)), 'answers the guide would not ask').toEqual([]);
    const open = [...asked].filter((path) => !alwaysAsked.has(path) && readPath(scenario.answers, path) === undefined);
    expect(open, 'questions the guide asks that the scenario does not answer').toEqual([]);

    const actor = createActor(wizardMachine, { input: { draft, visibleFields, earliestDate: ruleset.manifest.coversFrom } }).start();
    expect(actor.getSnapshot().value).toBe('review');
    expect(staleSteps(actor.getSnapshot().context, true)).toEqual([]);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('recommendation');
    actor.stop();
  });

  it("gives a value the guide's value helper also gives (yearly value × years + options + similar purchases)", () => {
    const { value, contract } = scenario.answers;
    expect(value?.totalSek).toBeDefined();
    expect(totalValue({ annualSek: value?.annualSek, years: contract?.years, optionsSek: value?.optionsSek, similarPurchasesSek: value?.similarPurchasesSek })).toBe(value?.totalSek);
  });

  it('suggests what-ifs that each change at least one verdict', () => {
    expect(scenario.whatIfs?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const whatIf of scenario.whatIfs ?? []) {
      const answers = applyWhatIf(scenario.answers, whatIf.set);
      const parsed = parseAnswers(answers);
      expect(parsed.ok, whatIf.label.en).toBe(true);
      expect(verdicts(answers), whatIf.label.en).not.toEqual(scenario.answerKey);
    }
  });
});

describe('loadScenarios', () => {
  const good = files['scenarios/fruktkorgar-reserverad.yaml']!;
  const problems = (input: Record<string, string>) => {
    try {
      loadScenarios(input);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioLoadError);
      return (error as ScenarioLoadError).problems;
    }
  };

  it('names the file and the path of a problem', () => {
    expect(problems({ 'scenarios/other-name.yaml': good })).toEqual([{ file: 'scenarios/other-name.yaml', path: 'id', message: 'must equal the file name "other-name"' }]);
    expect(problems({ 'scenarios/fruktkorgar-reserverad.yaml': good.replace('  organisation: ljungby', '  organisation: motala') })).toEqual([
      { file: 'scenarios/fruktkorgar-reserverad.yaml', path: 'answers.organisation', message: 'must equal the scenario\'s organisation "ljungby"' },
    ]);
    const badVerdict = problems({ 'scenarios/fruktkorgar-reserverad.yaml': good.replace('iop: not-allowed', 'iop: maybe') });
    expect(badVerdict.map((p) => p.path)).toEqual(['answerKey.iop']);
    const badAnswer = problems({ 'scenarios/fruktkorgar-reserverad.yaml': good.replace('disadvantagedShare: 0.55', 'disadvantagedShare: 55') });
    expect(badAnswer.map((p) => p.path)).toEqual(['answers.supplier.disadvantagedShare']);
    expect(problems({ 'scenarios/broken.yaml': 'id: [' })[0]).toMatchObject({ file: 'scenarios/broken.yaml', path: '' });
  });

  it('reads only rules/scenarios/ and ignores the rule files beside it', () => {
    expect(loadScenarios({ 'ruleset.yaml': 'name: x', 'scenarios/fruktkorgar-reserverad.yaml': good }).map((s) => s.id)).toEqual(['fruktkorgar-reserverad']);
  });

  it('finds a source excerpt or a what-if fact the rule set lacks', () => {
    const [scenario] = loadScenarios({ 'scenarios/fruktkorgar-reserverad.yaml': good });
    const broken = { ...scenario!, sources: [{ document: 'hfd-2021-48', excerpt: 'nope' }], whatIfs: [{ label: { sv: 'x', en: 'x' }, set: { 'value.nope': 1 } }] };
    expect(checkScenarioReferences([broken], ruleset).map((p) => p.path)).toEqual(['sources.0.excerpt', 'whatIfs.0.set.value.nope']);
  });
});
