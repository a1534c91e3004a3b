import { useActorRef, useSelector } from '@xstate/react';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ActorRefFrom } from 'xstate';
import { coveredDates } from '../../engine/covered-dates';
import type { Ruleset } from '../../engine/ruleset';
import { buildDecision, type Decision } from '../../guide/decision';
import { loadDraft, saveDraft } from '../../guide/draft-storage';
import { createVisibleFields, type VisibleFields } from '../../guide/relevance';
import { plannedSteps, staleSteps, wizardMachine } from '../../guide/wizard-machine';

type WizardValue = {
  ruleset: Ruleset;
  actor: ActorRefFrom<typeof wizardMachine>;
  visibleFields: VisibleFields;
};

const WizardContext = createContext<WizardValue | null>(null);

/** Memoises by answers: the same draft asks the engine once, however many components want to know. */
function memoVisibleFields(visibleFields: VisibleFields): VisibleFields {
  const cache = new Map<string, string[]>();
  return (step, draft) => {
    const key = `${step}|${JSON.stringify(draft.answers)}|${draft.wizard.partnershipIntended ? 1 : 0}`;
    let hit = cache.get(key);
    if (!hit) {
      if (cache.size > 500) cache.clear();
      hit = visibleFields(step, draft);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** Runs the wizard machine for one browser tab; every change of the draft is saved in local storage. */
export function WizardProvider({ ruleset, children }: { ruleset: Ruleset; children: ReactNode }) {
  const visibleFields = useMemo(() => memoVisibleFields(createVisibleFields(ruleset)), [ruleset]);
  const dates = useMemo(() => coveredDates(ruleset), [ruleset]);
  const actor = useActorRef(wizardMachine, {
    input: { draft: loadDraft() ?? undefined, visibleFields, earliestDate: dates.from, latestDate: dates.to },
  });
  useEffect(() => {
    const sub = actor.subscribe((snapshot) => saveDraft(snapshot.context.draft));
    return () => sub.unsubscribe();
  }, [actor]);
  const value = useMemo(() => ({ ruleset, actor, visibleFields }), [ruleset, actor, visibleFields]);
  return <WizardContext.Provider value={value}>{children}</WizardContext.Provider>;
}

export function useWizard(): WizardValue {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('useWizard must be used inside <WizardProvider>');
  return ctx;
}

export function useDraft() {
  const { actor } = useWizard();
  return useSelector(actor, (s) => s.context.draft);
}

export function useGeneration() {
  const { actor } = useWizard();
  return useSelector(actor, (s) => s.context.generation);
}

export function useStep() {
  const { actor } = useWizard();
  return useSelector(actor, (s) => s.value);
}

export function useFlow() {
  const { actor } = useWizard();
  const context = useSelector(actor, (s) => s.context);
  return useMemo(() => ({ planned: plannedSteps(context), stale: staleSteps(context) }), [context]);
}

/** The outcome for the answers so far, recomputed when the draft changes. */
export function useDecision(): Decision {
  const { ruleset, visibleFields } = useWizard();
  const draft = useDraft();
  return useMemo(() => buildDecision(ruleset, visibleFields, draft), [ruleset, visibleFields, draft]);
}
