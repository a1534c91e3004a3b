import type { Answers } from '../engine/answers-schema';
import { evaluate, EvaluationError } from '../engine/evaluate';
import type { ConditionTrace, Outcome } from '../engine/outcome';
import type { Ruleset } from '../engine/ruleset';
import { judgeable, pickAnswers, readPath, writePath, type Draft } from './draft';
import { alwaysAsked, questionStepIds, stepFields, type QuestionStepId } from './steps';

/**
 * The answers that could still change a verdict: the routes' missing facts, the facts that could open a route
 * preferred before the recommended one, and those that decide a possible obligation. Read from the engine's
 * outcome, so that the wizard asks what the rules read today and stays right when rules/ changes.
 */
export function decisiveFacts(outcome: Outcome): Set<string> {
  const facts = new Set(outcome.missing);
  for (const change of outcome.recommendation.couldChange) for (const f of change.missing) facts.add(f);
  for (const route of outcome.routes) for (const o of route.possibleObligations) for (const f of o.missing) facts.add(f);
  return facts;
}

function traceFacts(trace: ConditionTrace | null, into: Set<string>): Set<string> {
  if (!trace) return into;
  if (trace.kind === 'compare') into.add(trace.fact);
  else if (trace.kind === 'not') traceFacts(trace.child, into);
  else for (const child of trace.children) traceFacts(child, into);
  return into;
}

/**
 * The answers a route's "not allowed" rests on. Two answers that each shut a route (paid per visitor, and no own
 * contribution) are not decisive one at a time, since the other still shuts it; without this both would vanish
 * and the route would read "needs more answers" instead of "not allowed" (the Motala scenario).
 */
export function blockingFacts(outcome: Outcome): Set<string> {
  const facts = new Set<string>();
  for (const route of outcome.routes) if (route.verdict === 'not-allowed') for (const reason of route.reasons) traceFacts(reason.trace, facts);
  return facts;
}

function safeEvaluate(ruleset: Ruleset, answers: Answers): Outcome | null {
  try {
    return evaluate(ruleset, answers);
  } catch (error) {
    if (error instanceof EvaluationError) return null;
    throw error;
  }
}

/**
 * The questions of a step worth asking now. A question the rules read is asked only if, with its answer taken
 * away, the engine names it among the decisive facts: so the 19 kap. 25 § questions appear only for services
 * with a reservable CPV code, the disadvantaged share only for a social enterprise or idéburen supplier, and the
 * partnership questions only while the IOP route is open — each because the route files say so, not this file.
 * A question no rule reads (and no `alwaysAsked` one) cannot change a verdict and is not asked. Before the
 * organisation and decision date are known nothing can be judged, and every question is shown.
 */
export function createVisibleFields(ruleset: Ruleset) {
  return function visibleFields(step: QuestionStepId, draft: Pick<Draft, 'answers' | 'wizard'>): string[] {
    const fields: readonly string[] = stepFields[step];
    // The procurer's own word that a partnership is intended puts the IOP questions on screen.
    if (step === 'partnership' && draft.wizard.partnershipIntended) return [...fields];
    const answers = judgeable(draft.answers);
    if (!answers) return [...fields];
    let blocking: Set<string> | undefined;
    return fields.filter((path) => {
      if (alwaysAsked.has(path)) return true;
      if (!ruleset.facts[path]) return false;
      if (readPath(answers, path) !== undefined) {
        if (!blocking) {
          const current = safeEvaluate(ruleset, answers);
          blocking = current ? blockingFacts(current) : new Set();
        }
        if (blocking.has(path)) return true;
      }
      const outcome = safeEvaluate(ruleset, writePath(answers, path, undefined));
      return outcome === null || decisiveFacts(outcome).has(path);
    });
  };
}

export type VisibleFields = ReturnType<typeof createVisibleFields>;

/** The answers to the questions on screen in every step: what the engine judges and the document records. */
export function askedAnswers(visibleFields: VisibleFields, draft: Pick<Draft, 'answers' | 'wizard'>): Draft['answers'] {
  const paths = questionStepIds.flatMap((step) => visibleFields(step, draft));
  return pickAnswers(draft.answers, paths);
}
