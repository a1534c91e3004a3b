import type { Ruleset } from '../../../engine/ruleset';
import { draftSchema, type Draft } from '../../../guide/draft';
import { clearDraft, loadDraft, saveDraft } from '../../../guide/draft-storage';
import { createVisibleFields, type VisibleFields } from '../../../guide/relevance';
import { questionStepIds, stepIds, isQuestionStep } from '../../../guide/steps';
import { isStepNeeded } from '../../../guide/wizard-machine';
import type { Scenario } from '../../../scenarios/scenario-schema';

/** The guide's own flags that a scenario's answers imply: IOP questions asked, similar purchases counted. */
export function scenarioWizardFlags(scenario: Pick<Scenario, 'answers' | 'partnershipIntended'>): Draft['wizard'] {
  const { answers } = scenario;
  return {
    partnershipIntended: scenario.partnershipIntended ?? false,
    hasSimilarPurchases: (answers.value?.similarPurchasesSek ?? 0) > 0,
  };
}

/**
 * The guide's draft for a scenario, as if a procurer had answered every question and reached the review: each
 * step the answers call for visited and confirmed with the questions it shows, so the guide opens on the review
 * with the live verdicts and can go straight to the recommendation.
 */
export function scenarioDraft(ruleset: Ruleset, scenario: Pick<Scenario, 'answers' | 'partnershipIntended'>, visibleFields: VisibleFields = createVisibleFields(ruleset)): Draft {
  const base: Draft = {
    answers: structuredClone(scenario.answers),
    wizard: scenarioWizardFlags(scenario),
    decision: {},
    step: 'review',
    visited: [],
    confirmed: {},
  };
  const context = { visibleFields };
  const visited = stepIds.filter((step) => step !== 'recommendation' && isStepNeeded(context, base, step));
  const confirmed: Draft['confirmed'] = {};
  for (const step of questionStepIds) if (visited.includes(step) && isQuestionStep(step)) confirmed[step] = [...visibleFields(step, base)];
  return draftSchema.parse({ ...base, visited, confirmed });
}

/** Whether the guide in this browser holds answers that opening a scenario would replace. */
export function hasDraftInProgress(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  const draft = loadDraft(storage);
  return draft !== null && Object.keys(draft.answers).length > 0;
}

/** Puts a scenario into the guide through its saved draft (what the guide resumes from), replacing what was there. */
export function storeScenarioDraft(draft: Draft, storage: Storage = localStorage): void {
  clearDraft(storage);
  saveDraft(draft, storage);
}
