import { assign, setup } from 'xstate';
import { draftAnswersSchema, emptyDraft, writePath, type Draft } from './draft';
import { isQuestionStep, questionStepIds, stepIds, type QuestionStepId, type StepId } from './steps';

/** Which questions of a step are worth asking for these answers (engine-derived in the app: relevance.ts). */
export type VisibleFieldsFn = (step: QuestionStepId, draft: Pick<Draft, 'answers' | 'wizard'>) => readonly string[];

/** Answers by path (e.g. `supplier.kind`); a key with `undefined` clears that answer. */
export type FieldValues = Readonly<Record<string, unknown>>;
export type WizardFlags = Partial<Draft['wizard']>;

export type WizardInput = {
  draft?: Draft | undefined;
  visibleFields: VisibleFieldsFn;
  /** The earliest decision date the rule set covers. */
  earliestDate: string;
  /** The last decision date it covers, if it ends (engine/covered-dates.ts). */
  latestDate?: string | null | undefined;
};

export type WizardContext = {
  draft: Draft;
  /** Counts restores and resets, so that forms showing the old draft start afresh. */
  generation: number;
  visibleFields: VisibleFieldsFn;
  earliestDate: string;
  latestDate: string | null;
};

export type WizardEvent =
  | { type: 'EDIT'; values: FieldValues; wizard?: WizardFlags }
  | { type: 'NEXT'; values?: FieldValues; wizard?: WizardFlags }
  | { type: 'BACK' }
  | { type: 'GOTO'; step: StepId }
  | { type: 'DECIDE'; decision: Draft['decision'] }
  | { type: 'RESTORE'; draft: Draft }
  | { type: 'RESET' };

/** The draft with the event's answers applied; only the keys the event names change, so hidden answers stay. */
export function applyValues(draft: Draft, values: FieldValues | undefined, wizard: WizardFlags | undefined): Draft {
  let answers = draft.answers;
  for (const [path, value] of Object.entries(values ?? {})) answers = writePath(answers, path, value);
  return { ...draft, answers, wizard: wizard ? { ...draft.wizard, ...wizard } : draft.wizard };
}

function eventDraft(context: WizardContext, event: WizardEvent): Draft {
  return event.type === 'EDIT' || event.type === 'NEXT' ? applyValues(context.draft, event.values, event.wizard) : context.draft;
}

/** A step is needed while at least one of its questions is worth asking; review and recommendation always are. */
export function isStepNeeded(context: Pick<WizardContext, 'visibleFields'>, draft: Draft, step: StepId): boolean {
  return !isQuestionStep(step) || context.visibleFields(step, draft).length > 0;
}

/**
 * Steps answered before whose questions have changed since: an earlier answer changed and now a question there
 * that was not on screen when the procurer went on is worth asking. They are re-checked before the recommendation.
 * The step on screen counts only when `leaving` it (a jump straight to the recommendation).
 */
export function staleSteps(context: WizardContext, leaving = false): QuestionStepId[] {
  const { draft } = context;
  return questionStepIds.filter((step) => {
    if ((step === draft.step && !leaving) || !draft.visited.includes(step) || !isStepNeeded(context, draft, step)) return false;
    const confirmed = draft.confirmed[step];
    if (!confirmed) return true;
    return context.visibleFields(step, draft).some((field) => !confirmed.includes(field));
  });
}

/** The steps the procurer will pass through for the answers so far, in order (for the progress indicator). */
export function plannedSteps(context: WizardContext): StepId[] {
  return stepIds.filter((step) => isStepNeeded(context, context.draft, step));
}

function validAnswers(draft: Draft, step: StepId, context: Pick<WizardContext, 'earliestDate' | 'latestDate'>): boolean {
  if (!draftAnswersSchema.safeParse(draft.answers).success) return false;
  if (step !== 'organisation') return true;
  const { organisation, decisionDate } = draft.answers;
  return (
    organisation !== undefined &&
    decisionDate !== undefined &&
    decisionDate >= context.earliestDate &&
    (context.latestDate === null || decisionDate <= context.latestDate)
  );
}

const forward = (from: StepId) =>
  stepIds.slice(stepIds.indexOf(from) + 1).map((step) => ({
    target: `#wizard.${step}`,
    guard: { type: 'canGoForwardTo' as const, params: { step } },
    actions: { type: 'confirm' as const, params: { step: from } },
  }));

const backward = (from: StepId) =>
  stepIds
    .slice(0, stepIds.indexOf(from))
    .reverse()
    .map((step) => ({ target: `#wizard.${step}`, guard: { type: 'isNeeded' as const, params: { step } } }));

const stepState = (step: StepId, extra: Record<string, unknown> = {}) => ({
  entry: { type: 'enter' as const, params: { step } },
  on: { NEXT: forward(step), BACK: backward(step), ...extra },
});

/**
 * The wizard's flow: organisation and date → purchase → value → supplier → partnership (only while IOP is in
 * question) → review → recommendation. Which questions are asked comes from `visibleFields`, so this machine holds
 * the order and the invariants (nothing answered is ever lost; an earlier change re-opens what depends on it).
 */
export const wizardMachine = setup({
  types: {} as { context: WizardContext; events: WizardEvent; input: WizardInput },
  guards: {
    canGoForwardTo: ({ context, event }, params: { step: StepId }) => {
      const from = context.draft.step;
      const draft = eventDraft(context, event);
      if (!validAnswers(draft, from, context)) return false;
      if (params.step === 'recommendation') {
        // The review step is where stale steps are shown; the recommendation waits until they are re-checked.
        return staleSteps({ ...context, draft }).length === 0;
      }
      return isStepNeeded(context, draft, params.step);
    },
    isNeeded: ({ context }, params: { step: StepId }) => isStepNeeded(context, context.draft, params.step),
    canGoTo: ({ context, event }, params: { step: StepId }) =>
      event.type === 'GOTO' &&
      event.step === params.step &&
      context.draft.visited.includes(params.step) &&
      isStepNeeded(context, context.draft, params.step) &&
      (params.step !== 'recommendation' || staleSteps(context, true).length === 0),
    isValidEdit: ({ context, event }) => validAnswers(eventDraft(context, event), 'purchase', context),
  },
  actions: {
    enter: assign(({ context }, params: { step: StepId }) => ({
      draft: {
        ...context.draft,
        step: params.step,
        visited: context.draft.visited.includes(params.step) ? context.draft.visited : [...context.draft.visited, params.step],
      },
    })),
    confirm: assign(({ context, event }, params: { step: StepId }) => {
      const draft = eventDraft(context, event);
      if (!isQuestionStep(params.step)) return { draft };
      return { draft: { ...draft, confirmed: { ...draft.confirmed, [params.step]: [...context.visibleFields(params.step, draft)] } } };
    }),
    edit: assign(({ context, event }) => ({ draft: eventDraft(context, event) })),
    decide: assign(({ context, event }) =>
      event.type === 'DECIDE' ? { draft: { ...context.draft, decision: { ...context.draft.decision, ...event.decision } } } : {},
    ),
    restore: assign(({ context, event }) => (event.type === 'RESTORE' ? { draft: event.draft, generation: context.generation + 1 } : {})),
    reset: assign(({ context }) => ({ draft: emptyDraft(), generation: context.generation + 1 })),
  },
}).createMachine({
  id: 'wizard',
  context: ({ input }) => ({
    draft: input.draft ?? emptyDraft(),
    generation: 0,
    visibleFields: input.visibleFields,
    earliestDate: input.earliestDate,
    latestDate: input.latestDate ?? null,
  }),
  initial: 'resume',
  on: {
    EDIT: { guard: 'isValidEdit', actions: 'edit' },
    GOTO: stepIds.map((step) => ({ target: `#wizard.${step}`, guard: { type: 'canGoTo' as const, params: { step } } })),
    RESTORE: { target: '#wizard.resume', actions: 'restore' },
    RESET: { target: '#wizard.resume', actions: 'reset' },
  },
  states: {
    // A saved or imported draft resumes at its step; a step no longer needed falls back to the review.
    resume: {
      always: [
        ...stepIds.map((step) => ({
          target: `#wizard.${step}`,
          guard: ({ context }: { context: WizardContext }) =>
            context.draft.step === step && isStepNeeded(context, context.draft, step) && (step !== 'recommendation' || staleSteps(context).length === 0),
        })),
        { target: '#wizard.review' },
      ],
    },
    organisation: stepState('organisation'),
    purchase: stepState('purchase'),
    value: stepState('value'),
    supplier: stepState('supplier'),
    partnership: stepState('partnership'),
    review: stepState('review'),
    recommendation: {
      entry: { type: 'enter', params: { step: 'recommendation' } },
      on: { BACK: '#wizard.review', DECIDE: { actions: 'decide' } },
    },
  },
});
