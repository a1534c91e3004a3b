import { parse as parseYaml } from 'yaml';
import { routeIds } from '../engine/answers-schema';
import type { Ruleset } from '../engine/ruleset';
import { scenarioSchema, type Scenario } from './scenario-schema';

/** One problem in one scenario file, with the path inside the file. */
export type ScenarioProblem = { file: string; path: string; message: string };

export class ScenarioLoadError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(`The workshop scenarios do not load:\n${problems.map((p) => `  rules/${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n')}`);
    this.name = 'ScenarioLoadError';
  }
}

/**
 * Parses and validates the scenario files (paths relative to rules/, e.g. `scenarios/fruit-baskets.yaml`) into
 * scenarios sorted by id. A file that does not validate stops the library from loading, naming the file and
 * the path inside it, like the rule set's loader.
 */
export function loadScenarios(files: Record<string, string>): Scenario[] {
  const problems: ScenarioProblem[] = [];
  const scenarios: Scenario[] = [];
  for (const file of Object.keys(files).sort()) {
    if (!/^scenarios\/[^/]+\.yaml$/.test(file)) continue;
    const stem = file.slice('scenarios/'.length, -'.yaml'.length);
    let data: unknown;
    try {
      data = parseYaml(files[file]!);
    } catch (error) {
      problems.push({ file, path: '', message: `is not valid YAML: ${String(error instanceof Error ? error.message : error).split('\n')[0]}` });
      continue;
    }
    const result = scenarioSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, path: issue.path.map(String).join('.'), message: issue.message });
      continue;
    }
    const scenario = result.data;
    if (scenario.id !== stem) problems.push({ file, path: 'id', message: `must equal the file name "${stem}"` });
    if (scenario.answers.organisation !== scenario.organisation) {
      problems.push({ file, path: 'answers.organisation', message: `must equal the scenario's organisation "${scenario.organisation}"` });
    }
    scenarios.push(scenario);
  }
  if (problems.length > 0) throw new ScenarioLoadError(problems);
  return scenarios.sort((a, b) => a.id.localeCompare(b.id));
}

/** What a scenario names in the rule set that the rule set lacks: source excerpts and what-if facts. */
export function checkScenarioReferences(scenarios: readonly Scenario[], ruleset: Ruleset): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const scenario of scenarios) {
    const file = `scenarios/${scenario.id}.yaml`;
    scenario.sources.forEach((ref, i) => {
      const doc = ruleset.sources[ref.document];
      if (!doc) problems.push({ file, path: `sources.${i}.document`, message: `names no source document "${ref.document}" in rules/sources/` });
      else if (!doc.excerpts.some((e) => e.id === ref.excerpt)) {
        problems.push({ file, path: `sources.${i}.excerpt`, message: `names no excerpt "${ref.excerpt}" in rules/sources/${ref.document}.yaml` });
      }
    });
    scenario.whatIfs?.forEach((whatIf, i) => {
      for (const path of Object.keys(whatIf.set)) {
        if (!ruleset.facts[path]) problems.push({ file, path: `whatIfs.${i}.set.${path}`, message: `names no fact "${path}" in rules/facts.yaml` });
      }
    });
    for (const route of routeIds) {
      if (!(route in scenario.answerKey)) problems.push({ file, path: `answerKey.${route}`, message: 'is missing' });
    }
  }
  return problems;
}
