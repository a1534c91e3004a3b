import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { routeIds } from '../../../engine/answers-schema';
import { verdictsOf } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import { verdictWords } from '../../../components/verdict-badge';
import { totalValue } from '../../../guide/form-schema';
import type { VisibleFields } from '../../../guide/relevance';
import { checkScenarioReferences } from '../../../scenarios/load-scenarios';
import { scenarioSchema, type Scenario, type ScenarioVerdict } from '../../../scenarios/scenario-schema';
import { judgeScenario, whatIfOutcome } from '../scenario-outcome';

/** One thing wrong with a trainer's scenario, where it is and what is wrong, in Swedish. */
export type ScenarioProblem = { path: string; message: string };
export type CheckedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const engineVerdicts = (ruleset: Ruleset, visibleFields: VisibleFields, scenario: Scenario): Record<string, ScenarioVerdict> =>
  verdictsOf(judgeScenario(ruleset, visibleFields, scenario).outcome);

/** zod's issue in words a trainer reads: which field, and what is wrong with it. */
function swedish(issue: { code: string; path: PropertyKey[]; message: string; keys?: string[]; expected?: unknown }): ScenarioProblem[] {
  const path = issue.path.map(String).join('.') || '(filen)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({ path: path === '(filen)' ? key : `${path}.${key}`, message: 'är inget känt fält' }));
    case 'invalid_type':
      return [{ path, message: issue.message.includes('undefined') ? 'saknas' : `har fel typ (väntade ${String(issue.expected)})` }];
    case 'invalid_value':
      return [{ path, message: 'är inte ett av de tillåtna värdena' }];
    case 'too_small':
      return [{ path, message: 'är för litet eller tomt' }];
    case 'too_big':
      return [{ path, message: 'är för stort eller för långt' }];
    default:
      return [{ path, message: `stämmer inte: ${issue.message}` }];
  }
}

/**
 * The scenario with the engine's answer key: the key is never typed by the trainer but computed the way the guide
 * computes it, and the suggested what-ifs that no longer change a verdict are dropped.
 */
export function withEngineKey(ruleset: Ruleset, visibleFields: VisibleFields, scenario: Scenario): Scenario {
  const answerKey = engineVerdicts(ruleset, visibleFields, scenario);
  const whatIfs = (scenario.whatIfs ?? []).filter((w) => {
    const after = whatIfOutcome(ruleset, scenario.answers, w.set).routes;
    return after.some((r) => r.verdict !== answerKey[r.route]);
  });
  return { ...scenario, answerKey, whatIfs };
}

/**
 * A trainer's scenario checked as the built-in ones are (scenarios.test.ts): the format, the organisation, the
 * value adding up as the guide's value helper adds it, the sources and facts it names, every what-if changing a
 * verdict – and the answer key equal to the engine's under the rules in force.
 */
export function checkScenario(ruleset: Ruleset, visibleFields: VisibleFields, data: unknown, builtInIds: readonly string[] = []): CheckedScenario {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((i) => swedish(i as Parameters<typeof swedish>[0])) };
  const scenario = parsed.data;
  const problems: ScenarioProblem[] = [];
  if (builtInIds.includes(scenario.id)) problems.push({ path: 'id', message: `"${scenario.id}" är redan ett inbyggt scenario – välj ett annat id` });
  if (scenario.answers.organisation !== scenario.organisation) problems.push({ path: 'answers.organisation', message: `ska vara samma som scenariots organisation (${scenario.organisation})` });
  const { value, contract } = scenario.answers;
  const total = totalValue({ annualSek: value?.annualSek, years: contract?.years, optionsSek: value?.optionsSek, similarPurchasesSek: value?.similarPurchasesSek });
  if (total !== undefined && value?.totalSek !== total) problems.push({ path: 'answers.value.totalSek', message: `ska vara ${total} (värde per år × år + optioner + liknande köp), inte ${value?.totalSek ?? 'tomt'}` });
  for (const p of checkScenarioReferences([scenario], ruleset)) {
    problems.push({ path: p.path, message: p.message.replace(/^names no source document/, 'nämner ett källdokument som inte finns:').replace(/^names no excerpt/, 'nämner ett utdrag som inte finns:').replace(/^names no fact/, 'nämner ett svar som inte finns:').replace(/^is missing$/, 'saknas') });
  }
  if (problems.length > 0) return { ok: false, problems };
  let engineKey: Record<string, ScenarioVerdict>;
  try {
    engineKey = engineVerdicts(ruleset, visibleFields, scenario);
  } catch {
    return { ok: false, problems: [{ path: 'answers', message: 'kan inte bedömas: organisation eller beslutsdatum saknas' }] };
  }
  for (const route of routeIds) {
    const given = scenario.answerKey[route];
    const engine = engineKey[route]!;
    if (given !== engine) {
      problems.push({
        path: `answerKey.${route}`,
        message: `facit säger "${given ? verdictWords[given].sv : 'inget'}" men reglerna ger "${verdictWords[engine].sv}"`,
      });
    }
  }
  (scenario.whatIfs ?? []).forEach((w, i) => {
    const after = whatIfOutcome(ruleset, scenario.answers, w.set).routes;
    if (!after.some((r) => r.verdict !== engineKey[r.route])) problems.push({ path: `whatIfs.${i}`, message: `"${w.label.sv}" ändrar ingen väg` });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
}

/** The file a trainer shares: the same YAML format as rules/scenarios/<id>.yaml. */
export function scenarioFile(scenario: Scenario): string {
  return `# Workshop scenario from Vägval's scenario builder. Format: src/scenarios/scenario-schema.ts\n${stringifyYaml(scenario, { lineWidth: 0 })}`;
}

/** A shared file read back: YAML (or JSON, which is YAML too), then checked like any scenario. */
export function readScenarioFile(ruleset: Ruleset, visibleFields: VisibleFields, text: string, builtInIds: readonly string[]): CheckedScenario {
  if (text.length > 200_000) return { ok: false, problems: [{ path: '(filen)', message: 'är för stor för ett scenario (högst 200 kB)' }] };
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const first = String(error instanceof Error ? error.message : error).split('\n')[0];
    return { ok: false, problems: [{ path: '(filen)', message: `är inte giltig YAML eller JSON: ${first}` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problems: [{ path: '(filen)', message: 'innehåller inget scenario' }] };
  return checkScenario(ruleset, visibleFields, data, builtInIds);
}
