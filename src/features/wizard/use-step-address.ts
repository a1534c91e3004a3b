import { useEffect } from 'react';
import { stepHash, stepOfHash } from '../../guide/step-hash';
import type { StepId } from '../../guide/steps';
import { useStep, useWizard } from './wizard-provider';

/**
 * Keeps the address and the machine's step together: each step the machine enters gets its own history entry
 * (`#/guide/varde`), the browser's Back and Forward ask the machine to go to the step in the address, and a reload
 * or a link lands on it. The machine decides: an address for a step not reachable now is replaced by the step
 * the procurer is on, so the address never lies.
 */
export function useStepAddress() {
  const { actor } = useWizard();
  const step = useStep() as StepId;

  // Entering the guide (first load, a reload, or the menu's `#/`): go to the step the address names, if it may be.
  useEffect(() => {
    const wanted = stepOfHash(window.location.hash);
    if (wanted && wanted !== actor.getSnapshot().value) actor.send({ type: 'GOTO', step: wanted });
    const now = actor.getSnapshot().value as StepId;
    if (stepOfHash(window.location.hash) !== now) history.replaceState(history.state, '', stepHash(now));
  }, [actor]);

  // Back and Forward: the machine follows the address, or the address is put right.
  useEffect(() => {
    const onHashChange = () => {
      const wanted = stepOfHash(window.location.hash);
      if (!wanted) return;
      if (wanted !== actor.getSnapshot().value) actor.send({ type: 'GOTO', step: wanted });
      const now = actor.getSnapshot().value as StepId;
      if (now !== wanted) history.replaceState(history.state, '', stepHash(now));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [actor]);

  // A step entered by the machine (Next, Back, a link in the progress list) becomes a new history entry.
  useEffect(() => {
    const shown = stepOfHash(window.location.hash);
    if (shown === step) return;
    if (shown === null && !/^#?\/?$/.test(window.location.hash) && !window.location.hash.startsWith('#/guide')) return;
    window.location.hash = stepHash(step);
  }, [step]);
}
