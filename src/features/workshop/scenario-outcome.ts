import type { Answers } from '../../engine/answers-schema';
import { evaluate } from '../../engine/evaluate';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import { buildDecision, type AnswerRow } from '../../guide/decision';
import { writeWhatIf } from '../../guide/draft';
import type { VisibleFields } from '../../guide/relevance';
import { questionStepIds, type QuestionStepId } from '../../guide/steps';
import { scenarioDraft } from './scenarios/scenario-draft';
import type { Scenario } from '../../scenarios/scenario-schema';

export type ScenarioStep = { step: QuestionStepId; rows: AnswerRow[] };

/** A scenario as the guide would see it: its questions step by step with the answers, and the engine's outcome. */
export type JudgedScenario = { scenario: Scenario; steps: ScenarioStep[]; rows: AnswerRow[]; outcome: Outcome };

/** Judges a scenario the way the guide does once it is opened there, so the workshop and the guide always agree. */
export function judgeScenario(ruleset: Ruleset, visibleFields: VisibleFields, scenario: Scenario): JudgedScenario {
  const decision = buildDecision(ruleset, visibleFields, scenarioDraft(ruleset, scenario, visibleFields));
  if (!decision.outcome) throw new Error(`Scenario ${scenario.id} cannot be judged: no organisation or decision date`);
  const steps = questionStepIds
    .map((step) => ({ step, rows: decision.rows.filter((r) => r.step === step) }))
    .filter((s) => s.rows.length > 0);
  return { scenario, steps, rows: decision.rows, outcome: decision.outcome };
}

/** The scenario's answers with a suggested what-if applied, each change as a what-if means it (writeWhatIf). */
export function applyWhatIf(answers: Answers, set: Record<string, string | number | boolean>): Answers {
  let changed = answers;
  for (const [path, value] of Object.entries(set)) changed = writeWhatIf(changed, path, value);
  return changed;
}

/** The verdicts of the answers with a what-if applied, beside the scenario's own. */
export function whatIfOutcome(ruleset: Ruleset, answers: Answers, set: Record<string, string | number | boolean>): Outcome {
  return evaluate(ruleset, applyWhatIf(answers, set));
}
