import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { emptyDraft, readPath, type Draft } from './draft';
import { stepFields, type QuestionStepId } from './steps';
import { plannedSteps, staleSteps, wizardMachine, type FieldValues, type VisibleFieldsFn, type WizardEvent } from './wizard-machine';

/**
 * A relevance oracle with the shape of the rules (the engine-derived one is tested in relevance.test.ts): the
 * partnership step only for an idéburen supplier or an intended partnership, and the 19 kap. 25 § questions
 * only for services. The machine's job is to follow whatever the oracle says.
 */
const reservationQuestions = ['supplier.publicServiceMission', 'supplier.reinvestsProfits', 'supplier.participatoryOwnership'];
const visibleFields: VisibleFieldsFn = (step: QuestionStepId, draft) => {
  const fields: readonly string[] = stepFields[step];
  if (step === 'partnership') return draft.answers.supplier?.kind === 'ideaburen' || draft.wizard.partnershipIntended ? [...fields] : [];
  if (step === 'supplier' && draft.answers.purchase?.kind !== 'services') return fields.filter((f) => !reservationQuestions.includes(f));
  return [...fields];
};
const input = { visibleFields, earliestDate: '2018-01-01' };

const answersByEvent: Record<string, FieldValues> = {
  organisation: { organisation: 'ljungby', decisionDate: '2026-11-22' },
  goods: { 'purchase.kind': 'goods' },
  services: { 'purchase.kind': 'services' },
  value: { 'value.annualSek': 150000, 'contract.years': 1, 'value.totalSek': 150000 },
  any: { 'supplier.kind': 'any' },
  ideaburen: { 'supplier.kind': 'ideaburen' },
  partnership: { 'partnership.paymentForService': false, 'partnership.commonGoal': true },
};
const invalidByStep: Partial<Record<string, FieldValues>> = {
  organisation: { organisation: 'ljungby', decisionDate: '2026-13-45' },
  value: { 'value.totalSek': -5 },
};

const savedDraft: Draft = {
  ...emptyDraft(),
  answers: { organisation: 'motala', decisionDate: '2026-11-22', purchase: { kind: 'services' } },
  step: 'value',
  visited: ['organisation', 'purchase', 'value'],
  confirmed: { organisation: ['organisation', 'decisionDate'], purchase: [...stepFields.purchase] },
};

function eventsFor(draft: Draft): WizardEvent[] {
  const next = (values: FieldValues): WizardEvent => ({ type: 'NEXT', values });
  const byStep: Record<string, WizardEvent[]> = {
    organisation: [next(answersByEvent.organisation!)],
    purchase: [next(answersByEvent.goods!), next(answersByEvent.services!)],
    value: [next(answersByEvent.value!)],
    supplier: [next(answersByEvent.any!), next(answersByEvent.ideaburen!)],
    partnership: [next(answersByEvent.partnership!)],
    review: [{ type: 'NEXT' }],
    recommendation: [{ type: 'DECIDE', decision: { justification: 'Lägsta risk', chosenRoute: 'direct-award' } }],
  };
  const invalid = invalidByStep[draft.step];
  const gotos = draft.visited.filter((s) => s !== draft.step).map((step): WizardEvent => ({ type: 'GOTO', step }));
  // A saved draft can be restored, and a finished one started over, from the first step and the review.
  const restart: WizardEvent[] =
    draft.step === 'organisation' ? [{ type: 'RESTORE', draft: savedDraft }] : draft.step === 'review' ? [{ type: 'RESET' }] : [];
  return [
    ...(byStep[draft.step] ?? []),
    ...(invalid ? [next(invalid)] : []),
    { type: 'EDIT', values: { 'purchase.description': 'Städning av lokaler' } },
    { type: 'BACK' },
    ...gotos,
    ...restart,
  ];
}

const same = (a: WizardEvent, b: WizardEvent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Two generated suites: every simple path through the flow (forward with each answer variant, invalid input,
 * back), where a state is the step plus the answers that steer it; and the shortest path to every state of the
 * full model, which adds live edits, jumps from the progress indicator, restore and reset, and the steps seen.
 */
const flowModel = createTestModel(wizardMachine, {
  input,
  events: (snapshot) => eventsFor(snapshot.context.draft).filter((e) => e.type === 'NEXT' || e.type === 'BACK' || e.type === 'DECIDE'),
  filterEvents: (snapshot, event) => eventsFor(snapshot.context.draft).some((e) => same(e, event) && e.type !== 'GOTO' && e.type !== 'EDIT'),
  serializeState: (snapshot) =>
    JSON.stringify([snapshot.value, snapshot.context.draft.answers.purchase?.kind ?? null, snapshot.context.draft.answers.supplier?.kind ?? null]),
});
const fullModel = createTestModel(wizardMachine, {
  input,
  events: (snapshot) => eventsFor(snapshot.context.draft),
  // The graph also offers every event type a state handles without a payload; only the ones above are real.
  filterEvents: (snapshot, event) => eventsFor(snapshot.context.draft).some((e) => same(e, event)),
  serializeState: (snapshot) =>
    JSON.stringify([
      snapshot.value,
      snapshot.context.draft.answers.purchase?.kind ?? null,
      snapshot.context.draft.answers.supplier?.kind ?? null,
      [...snapshot.context.draft.visited].sort(),
      staleSteps(snapshot.context),
    ]),
});

const paths = [...flowModel.getSimplePaths({ input }), ...fullModel.getShortestPaths({ input })];

/** Every answer a NEXT sent is still in the draft unless a later NEXT replaced it. */
function expectedAnswers(events: WizardEvent[]): Map<string, unknown> {
  const expected = new Map<string, unknown>();
  for (const e of events) {
    if (e.type === 'RESET' || e.type === 'RESTORE') expected.clear();
    if (e.type === 'RESTORE') expected.set('purchase.kind', 'services');
    if ((e.type === 'NEXT' || e.type === 'EDIT') && e.values && !Object.values(invalidByStep).some((v) => JSON.stringify(v) === JSON.stringify(e.values))) {
      for (const [path, value] of Object.entries(e.values)) expected.set(path, value);
    }
  }
  return expected;
}

describe('wizard machine: every simple path generated from the machine', () => {
  it('has paths through every step, including both the partnership step and its skip', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['organisation', 'partnership', 'purchase', 'recommendation', 'review', 'supplier', 'value']);
    expect(paths.length).toBeGreaterThan(50);
  });

  it.each(paths.map((p) => [p.description, p] as const))('%s', async (_, path) => {
    const actor = createActor(wizardMachine, { input }).start();
    const sent: WizardEvent[] = [];
    for (const step of path.steps) {
      if ((step.event.type as string) !== 'xstate.init') {
        actor.send(step.event);
        sent.push(step.event);
      }
      const snapshot = actor.getSnapshot();
      const { draft } = snapshot.context;
      // The machine and the model agree, and the draft knows where the procurer is (for save and resume).
      expect(snapshot.value).toBe(step.state.value);
      expect(draft.step).toBe(snapshot.value);
      // The partnership step is only ever shown while IOP is in question.
      if (snapshot.value === 'partnership') expect(draft.answers.supplier?.kind).toBe('ideaburen');
      // The recommendation is only shown once no earlier change waits to be re-checked.
      if (snapshot.value === 'recommendation') expect(staleSteps(snapshot.context)).toEqual([]);
      // Going back, skipping and invalid input never lose an answer.
      for (const [pathKey, value] of expectedAnswers(sent)) expect(readPath(draft.answers, pathKey)).toEqual(value);
      expect(plannedSteps(snapshot.context)).toContain(snapshot.value);
    }
    actor.stop();
  });
});

describe('wizard machine: single rules', () => {
  it('stays on the organisation step when the decision date is before what the rule set covers', () => {
    const actor = createActor(wizardMachine, { input: { ...input, earliestDate: '2019-01-01' } }).start();
    actor.send({ type: 'NEXT', values: { organisation: 'motala', decisionDate: '2015-05-01' } });
    expect(actor.getSnapshot().value).toBe('organisation');
    expect(actor.getSnapshot().context.draft.answers.organisation).toBeUndefined();
  });

  it('stays on the organisation step when the decision date is after what the rule set covers', () => {
    const actor = createActor(wizardMachine, { input: { ...input, latestDate: '2030-12-31' } }).start();
    actor.send({ type: 'NEXT', values: { organisation: 'motala', decisionDate: '2031-01-01' } });
    expect(actor.getSnapshot().value).toBe('organisation');
    expect(actor.getSnapshot().context.draft.answers.organisation).toBeUndefined();
  });

  it('skips the partnership step for a supplier that is not idéburen, and back from review returns to the supplier', () => {
    const actor = createActor(wizardMachine, { input }).start();
    actor.send({ type: 'NEXT', values: answersByEvent.organisation! });
    actor.send({ type: 'NEXT', values: answersByEvent.goods! });
    actor.send({ type: 'NEXT', values: answersByEvent.value! });
    actor.send({ type: 'NEXT', values: answersByEvent.any! });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('supplier');
  });

  it('asks the partnership questions when the procurer says a partnership is intended', () => {
    const actor = createActor(wizardMachine, { input }).start();
    for (const values of [answersByEvent.organisation!, answersByEvent.goods!, answersByEvent.value!]) actor.send({ type: 'NEXT', values });
    actor.send({ type: 'NEXT', values: answersByEvent.any!, wizard: { partnershipIntended: true } });
    expect(actor.getSnapshot().value).toBe('partnership');
  });

  it('re-opens a later step when an earlier change makes a new question there worth asking', () => {
    const actor = createActor(wizardMachine, { input }).start();
    for (const values of [answersByEvent.organisation!, answersByEvent.goods!, answersByEvent.value!, answersByEvent.any!]) {
      actor.send({ type: 'NEXT', values });
    }
    actor.send({ type: 'GOTO', step: 'purchase' });
    actor.send({ type: 'NEXT', values: answersByEvent.services! });
    actor.send({ type: 'GOTO', step: 'review' });
    expect(staleSteps(actor.getSnapshot().context)).toEqual(['supplier']);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'GOTO', step: 'supplier' });
    actor.send({ type: 'NEXT', values: { ...answersByEvent.any!, 'supplier.reinvestsProfits': true } });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('recommendation');
    expect(actor.getSnapshot().context.draft.answers.supplier).toEqual({ kind: 'any', reinvestsProfits: true });
  });

  it('keeps an answer to a question that is hidden later, so that going back restores it', () => {
    const actor = createActor(wizardMachine, { input }).start();
    for (const values of [answersByEvent.organisation!, answersByEvent.services!, answersByEvent.value!]) actor.send({ type: 'NEXT', values });
    actor.send({ type: 'NEXT', values: { ...answersByEvent.any!, 'supplier.publicServiceMission': true } });
    actor.send({ type: 'GOTO', step: 'purchase' });
    actor.send({ type: 'NEXT', values: answersByEvent.goods! });
    expect(actor.getSnapshot().context.draft.answers.supplier?.publicServiceMission).toBe(true);
  });

  it('resumes a restored draft at its step, and at the review when that step is no longer needed', () => {
    const actor = createActor(wizardMachine, { input }).start();
    const draft: Draft = {
      ...emptyDraft(),
      answers: { organisation: 'ljungby', decisionDate: '2026-11-22', supplier: { kind: 'any' } },
      step: 'partnership',
      visited: ['organisation', 'purchase', 'value', 'supplier', 'partnership'],
    };
    actor.send({ type: 'RESTORE', draft });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'RESTORE', draft: { ...draft, step: 'value' } });
    expect(actor.getSnapshot().value).toBe('value');
  });

  it('ignores a live edit that breaks the answers contract and keeps the earlier answer', () => {
    const actor = createActor(wizardMachine, { input }).start();
    actor.send({ type: 'EDIT', values: { 'value.totalSek': 1000 } });
    actor.send({ type: 'EDIT', values: { 'value.totalSek': Number.NaN } });
    expect(actor.getSnapshot().context.draft.answers.value?.totalSek).toBe(1000);
  });
});
