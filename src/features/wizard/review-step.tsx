import { useI18n } from '../../i18n/i18n';
import { stepTitles } from '../../guide/step-titles';
import { questionStepIds } from '../../guide/steps';
import { wizardRows } from '../../guide/decision';
import { useDecision, useFlow, useWizard } from './wizard-provider';

/** All answers on one page, each step editable, and the steps an earlier change has re-opened. */
export function ReviewStep() {
  const { actor } = useWizard();
  const { t } = useI18n();
  const { rows: answered, unaskedRows, draft } = useDecision();
  // Every answer asked, the guide's own questions too, each under its step.
  const rows = [...answered, ...wizardRows(draft)];
  const { planned, stale } = useFlow();
  return (
    <div className="review">
      {stale.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <p>
            {t({ sv: 'Ett ändrat svar gör att fler frågor behövs i: ', en: 'A changed answer means more questions are needed in: ' })}
            {stale.map((s) => t(stepTitles[s])).join(', ')}.
          </p>
        </div>
      ) : null}
      {questionStepIds
        .filter((step) => planned.includes(step))
        .map((step) => (
          <section key={step} className="review__section" aria-labelledby={`review-${step}`}>
            <h3 id={`review-${step}`}>{t(stepTitles[step])}</h3>
            <dl>
              {rows
                .filter((r) => r.step === step)
                .map((r) => (
                  <div key={r.path} className="review__row">
                    <dt>{t(r.label)}</dt>
                    <dd>{t(r.value)}</dd>
                  </div>
                ))}
            </dl>
            <button type="button" className="link-button" onClick={() => actor.send({ type: 'GOTO', step })}>
              {t({ sv: `Ändra ${t(stepTitles[step]).toLowerCase()}`, en: `Change ${t(stepTitles[step]).toLowerCase()}` })}
            </button>
          </section>
        ))}
      {unaskedRows.length > 0 ? (
        <section className="review__section" aria-labelledby="review-unasked" data-testid="review-unasked">
          <h3 id="review-unasked">{t({ sv: 'Svar på frågor som inte längre behövs', en: 'Answers to questions no longer needed' })}</h3>
          <p>{t({ sv: 'Ett senare svar gjorde frågorna onödiga. Svaren ingår inte i bedömningen men står kvar i beslutsunderlaget och i registret.', en: 'A later answer made these questions unnecessary. The answers are not part of the assessment but remain in the decision document and the register.' })}</p>
          <dl>
            {unaskedRows.map((r) => (
              <div key={r.path} className="review__row">
                <dt>{t(r.label)}</dt>
                <dd>{t(r.value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <div className="step-actions">
        <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'BACK' })}>
          {t({ sv: 'Tillbaka', en: 'Back' })}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => (stale.length > 0 ? actor.send({ type: 'GOTO', step: stale[0]! }) : actor.send({ type: 'NEXT' }))}
        >
          {stale.length > 0 ? t({ sv: 'Gå till frågorna som behövs', en: 'Go to the questions needed' }) : t({ sv: 'Visa rekommendationen', en: 'Show the recommendation' })}
        </button>
      </div>
    </div>
  );
}
