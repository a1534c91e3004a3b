import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from './workshop-i18n';
import { stepTitles } from '../../guide/step-titles';
import { Assessment } from './assessment';
import type { JudgedScenario } from './scenario-outcome';

export type GroupState = {
  /** The step on screen (index into the scenario's steps). */
  step: number;
  /** Answers shown, by question path. */
  shown: ReadonlySet<string>;
  /** The verdicts are shown. */
  revealed: boolean;
};

export const initialGroupState: GroupState = { step: 0, shown: new Set(), revealed: false };

/**
 * The group exercise: the story, then the guide's questions one step at a time with each answer behind
 * "Visa svar", and the verdicts behind "Visa bedömning" – so a group can guess before each reveal.
 */
export function GroupMode({ judged, state, onChange }: { judged: JudgedScenario; state: GroupState; onChange: (state: GroupState) => void }) {
  const { t } = useI18n();
  const id = useId();
  const { scenario, steps } = judged;
  const current = steps[Math.min(state.step, steps.length - 1)]!;
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const assessmentHeading = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState<'step' | 'assessment' | null>(null);

  // Focus follows the trainer's own moves (a new step, the reveal), never the first render.
  useEffect(() => {
    if (moved === 'step') stepHeading.current?.focus();
    if (moved === 'assessment') assessmentHeading.current?.focus();
  }, [moved, state.step, state.revealed]);

  const goTo = (step: number) => {
    setMoved('step');
    onChange({ ...state, step });
  };
  const toggle = (path: string) => {
    const shown = new Set(state.shown);
    if (shown.has(path)) shown.delete(path);
    else shown.add(path);
    onChange({ ...state, shown });
  };
  const allShown = current.rows.every((r) => state.shown.has(r.path));

  return (
    <div className="group-mode">
      <section className="story" aria-labelledby={`${id}-story`}>
        <h4 id={`${id}-story`}>{t({ sv: 'Berättelsen', en: 'The story' })}</h4>
        <p className="story__text">{t(scenario.story)}</p>
        {scenario.basedOn ? (
          <p className="story__based-on">
            {t({ sv: 'Bygger på: ', en: 'Based on: ' })}
            {t(scenario.basedOn.text)}
            {scenario.basedOn.url ? (
              <>
                {' '}
                <a href={scenario.basedOn.url}>{t({ sv: 'Källa', en: 'Source' })}</a>
              </>
            ) : null}{' '}
            {t({ sv: 'Belopp och detaljer i berättelsen är anpassade för övningen.', en: 'Amounts and details in the story are adapted for the exercise.' })}
          </p>
        ) : null}
      </section>

      <section className="group-step" aria-labelledby={`${id}-step`} data-step={current.step}>
        <h4 id={`${id}-step`} ref={stepHeading} tabIndex={-1}>
          {t({ sv: `Steg ${state.step + 1} av ${steps.length}: `, en: `Step ${state.step + 1} of ${steps.length}: ` })}
          {t(stepTitles[current.step])}
        </h4>
        <p className="group-step__hint">{t({ sv: 'Vad svarar gruppen? Visa svaren ett i taget.', en: 'What does the group answer? Show the answers one at a time.' })}</p>
        <ul className="questions">
          {current.rows.map((row) => {
            const shown = state.shown.has(row.path);
            const answerId = `${id}-answer-${row.path.replace(/\./g, '-')}`;
            return (
              <li key={row.path} className="question" data-path={row.path}>
                <p className="question__label">{t(row.label)}</p>
                <div className="question__reveal">
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-expanded={shown}
                    aria-controls={answerId}
                    onClick={() => toggle(row.path)}
                  >
                    {shown ? t({ sv: 'Dölj svar', en: 'Hide answer' }) : t({ sv: 'Visa svar', en: 'Show answer' })}
                  </button>
                  <p id={answerId} className="question__answer" hidden={!shown}>
                    {t(row.value)}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
        <div className="step-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={allShown}
            onClick={() => onChange({ ...state, shown: new Set([...state.shown, ...current.rows.map((r) => r.path)]) })}
          >
            {t({ sv: 'Visa alla svar i steget', en: 'Show every answer in the step' })}
          </button>
          {state.step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => goTo(state.step - 1)}>
              {t({ sv: 'Föregående steg', en: 'Previous step' })}
            </button>
          ) : null}
          {state.step < steps.length - 1 ? (
            <button type="button" className="button" onClick={() => goTo(state.step + 1)}>
              {t({ sv: 'Nästa steg', en: 'Next step' })}
            </button>
          ) : null}
        </div>
        <ol className="group-step__progress" aria-label={t({ sv: 'Stegen', en: 'The steps' })}>
          {steps.map((s, i) => (
            <li key={s.step}>
              {i === state.step ? (
                <span aria-current="step">{t(stepTitles[s.step])}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => goTo(i)}>
                  {t(stepTitles[s.step])}
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="group-assessment" aria-labelledby={`${id}-assessment`}>
        <h4 id={`${id}-assessment`} ref={assessmentHeading} tabIndex={-1}>
          {t({ sv: 'Bedömningen', en: 'The assessment' })}
        </h4>
        {state.revealed ? (
          <Assessment judged={judged} />
        ) : (
          <>
            <p>
              {t({
                sv: 'Låt gruppen bestämma sig först: vilka av de fyra vägarna är tillåtna, vilken rekommenderas – och varför?',
                en: 'Let the group decide first: which of the four routes are allowed, which is recommended – and why?',
              })}
            </p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setMoved('assessment');
                onChange({ ...state, revealed: true });
              }}
            >
              {t({ sv: 'Visa bedömning', en: 'Show the assessment' })}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
