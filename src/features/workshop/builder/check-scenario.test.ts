import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { readRulesDir } from '../../../rules-data/read-rules-dir';
import { createVisibleFields } from '../../../guide/relevance';
import { loadScenarios } from '../../../scenarios/load-scenarios';
import { checkScenario, readScenarioFile, scenarioFile, withEngineKey } from './check-scenario';

const ruleset = nodeRuleset();
const visibleFields = createVisibleFields(ruleset);
const scenarios = loadScenarios(readRulesDir());
const fruit = scenarios.find((s) => s.id === 'fruktkorgar-reserverad')!;
const builtIn = scenarios.map((s) => s.id);

describe("the scenario builder's check", () => {
  it('gives a copy with changed numbers the engine’s answer key and keeps only what-ifs that still change a verdict', () => {
    const copy = { ...fruit, id: 'fruktkorgar-liten', answers: { ...fruit.answers, value: { annualSek: 100_000, totalSek: 300_000 } } };
    const keyed = withEngineKey(ruleset, visibleFields, copy);
    expect(keyed.answerKey['direct-award']).toBe('recommended');
    expect(checkScenario(ruleset, visibleFields, keyed, builtIn)).toEqual({ ok: true, scenario: keyed });
    // "The contract runs only two years: 600,000 kronor" changes nothing once the value is 300,000 kronor.
    expect(keyed.whatIfs!.map((w) => w.label.en)).not.toContain('The contract runs only two years: 600,000 kronor');
  });

  it('refuses an answer key that is not the engine’s, naming the route, in Swedish', () => {
    const wrong = { ...fruit, id: 'fruktkorgar-fel', answerKey: { ...fruit.answerKey, 'direct-award': 'recommended' as const } };
    expect(checkScenario(ruleset, visibleFields, wrong, builtIn)).toEqual({
      ok: false,
      problems: [{ path: 'answerKey.direct-award', message: 'facit säger "Rekommenderas" men reglerna ger "Inte tillåten"' }],
    });
  });

  it('refuses a value that does not add up, a built-in id and unknown fields', () => {
    const bad = checkScenario(ruleset, visibleFields, { ...fruit, answers: { ...fruit.answers, value: { annualSek: 300_000, totalSek: 1 } } }, builtIn);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'id: "fruktkorgar-reserverad" är redan ett inbyggt scenario – välj ett annat id',
      'answers.value.totalSek: ska vara 900000 (värde per år × år + optioner + liknande köp), inte 1',
    ]);
    const unknown = checkScenario(ruleset, visibleFields, { ...fruit, id: 'x', extra: 1 }, builtIn);
    expect(unknown.ok ? [] : unknown.problems).toEqual([{ path: 'extra', message: 'är inget känt fält' }]);
  });

  it('exports a file that imports to the same scenario, and explains a broken file in Swedish', () => {
    const copy = withEngineKey(ruleset, visibleFields, { ...fruit, id: 'fruktkorgar-kopia' });
    expect(readScenarioFile(ruleset, visibleFields, scenarioFile(copy), builtIn)).toEqual({ ok: true, scenario: copy });
    const broken = readScenarioFile(ruleset, visibleFields, 'id: [unclosed', builtIn);
    expect(broken.ok ? '' : broken.problems[0]!.message).toMatch(/^är inte giltig YAML eller JSON/);
    const missing = readScenarioFile(ruleset, visibleFields, 'id: bara-ett-id\n', builtIn);
    expect(missing.ok ? [] : missing.problems).toContainEqual({ path: 'title', message: 'saknas' });
  });
});
