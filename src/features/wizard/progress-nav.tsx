import { useI18n } from '../../i18n/i18n';
import { stepIds } from '../../guide/steps';
import { stepTitles } from '../../guide/step-titles';
import { useDraft, useFlow, useStep, useWizard } from './wizard-provider';

/** Where the procurer is: the steps ahead for these answers, the ones passed (to go back to) and those skipped. */
export function ProgressNav() {
  const { actor } = useWizard();
  const { t } = useI18n();
  const current = useStep();
  const draft = useDraft();
  const { planned, stale } = useFlow();
  const position = planned.indexOf(current as (typeof planned)[number]) + 1;
  return (
    <nav className="progress" aria-label={t({ sv: 'Steg i guiden', en: 'Steps of the guide' })}>
      <p className="progress__count">
        {t({ sv: `Steg ${position} av ${planned.length}`, en: `Step ${position} of ${planned.length}` })}
      </p>
      <ol>
        {stepIds.map((step) => {
          const skipped = !planned.includes(step);
          const isCurrent = step === current;
          const reachable = draft.visited.includes(step) && !skipped && !isCurrent;
          const isStale = (stale as string[]).includes(step);
          const note = skipped
            ? t({ sv: 'behövs inte för dessa svar', en: 'not needed for these answers' })
            : isStale
              ? t({ sv: 'behöver ses över', en: 'needs a new look' })
              : null;
          return (
            <li key={step} className={`progress__step${isCurrent ? ' is-current' : ''}${skipped ? ' is-skipped' : ''}${isStale ? ' is-stale' : ''}`}>
              <span className="progress__number" aria-hidden="true">
                {skipped ? '–' : `${planned.indexOf(step) + 1}.`}
              </span>{' '}
              {reachable ? (
                <button type="button" className="link-button" onClick={() => actor.send({ type: 'GOTO', step })}>
                  {t(stepTitles[step])}
                </button>
              ) : (
                <span aria-current={isCurrent ? 'step' : undefined}>{t(stepTitles[step])}</span>
              )}
              {note ? <span className="progress__note"> ({note})</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
