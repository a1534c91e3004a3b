import { useId, useState } from 'react';
import { routeIds, type RouteId } from '../../engine/answers-schema';
import { useI18n } from '../../i18n/i18n';
import { SaveDecisionButton } from '../register';
import { DecisionDocument } from './decision-document';
import { DocumentDownloads } from './document-downloads';
import { judgeable } from '../../guide/draft';
import { useDecisionSheet, useSavedRecord } from './use-decision-sheet';
import { useDecision, useWizard } from './wizard-provider';

/** The recommendation, the procurer's own decision and justification, and the document to print or download. */
export function RecommendationPage() {
  const { actor } = useWizard();
  const { t } = useI18n();
  const decision = useDecision();
  const { outcome, draft, chosenRoute } = decision;
  const judgedAnswers = judgeable(decision.answers);
  const id = useId();
  const saved = useSavedRecord();
  const sheet = useDecisionSheet(saved.record);
  const [touched, setTouched] = useState(false);
  const recommended = outcome?.recommendation.route ?? null;
  const deviates = chosenRoute !== null && recommended !== null && chosenRoute !== recommended;
  const deviationMissing = deviates && !draft.decision.deviationReason?.trim();
  const decide = (decision: Parameters<typeof actor.send>[0] extends infer E ? (E extends { type: 'DECIDE'; decision: infer D } ? D : never) : never) =>
    actor.send({ type: 'DECIDE', decision });
  const nameOf = (route: RouteId) => outcome?.routes.find((r) => r.route === route)?.name;

  return (
    <div className="recommendation-page">
      <form className="decision-form no-print" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{t({ sv: 'Ert beslut', en: 'Your decision' })}</h3>
        <div className="field">
          <label htmlFor={`${id}-route`} className="field__label">
            {t({ sv: 'Vald väg', en: 'Chosen route' })}
          </label>
          <select
            id={`${id}-route`}
            value={chosenRoute ?? ''}
            onChange={(e) => decide({ chosenRoute: (e.target.value || undefined) as RouteId | undefined })}
          >
            <option value="">{t({ sv: 'Välj väg', en: 'Choose route' })}</option>
            {routeIds.map((route) => (
              <option key={route} value={route}>
                {t(nameOf(route) ?? { sv: route, en: route })}
                {route === recommended ? t({ sv: ' (rekommenderas)', en: ' (recommended)' }) : ''}
              </option>
            ))}
          </select>
        </div>
        {deviates ? (
          <div className={`field${touched && deviationMissing ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-deviation`} className="field__label">
              {t({ sv: 'Skäl att välja en annan väg än den rekommenderade', en: 'Reason for choosing another route than the recommended one' })}
            </label>
            <textarea
              id={`${id}-deviation`}
              rows={3}
              value={draft.decision.deviationReason ?? ''}
              aria-invalid={touched && deviationMissing ? true : undefined}
              aria-describedby={touched && deviationMissing ? `${id}-deviation-error` : undefined}
              onBlur={() => setTouched(true)}
              onChange={(e) => decide({ deviationReason: e.target.value })}
            />
            {touched && deviationMissing ? (
              <p id={`${id}-deviation-error`} className="field__error">
                {t({ sv: 'Skriv varför ni väljer en annan väg än den rekommenderade.', en: 'Write why you choose another route than the recommended one.' })}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-justification`} className="field__label">
            {t({ sv: 'Motivering', en: 'Justification' })}
          </label>
          <textarea
            id={`${id}-justification`}
            rows={4}
            value={draft.decision.justification ?? ''}
            aria-describedby={`${id}-justification-help`}
            onChange={(e) => decide({ justification: e.target.value })}
          />
          <p id={`${id}-justification-help`} className="field__help">
            {t({ sv: 'Med egna ord: varför detta köp görs på detta sätt. Texten kommer med i beslutsunderlaget.', en: 'In your own words: why this purchase is made this way. The text goes into the decision document.' })}
          </p>
        </div>
        <div className="step-actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'BACK' })}>
            {t({ sv: 'Tillbaka till svaren', en: 'Back to the answers' })}
          </button>
          <DocumentDownloads record={saved.record} />
        </div>
        {judgedAnswers && outcome ? (
          <SaveDecisionButton
            answers={judgedAnswers}
            outcome={outcome}
            chosenRoute={chosenRoute}
            justification={draft.decision.justification ?? ''}
            deviationReason={draft.decision.deviationReason}
            onSaved={saved.onSaved}
          />
        ) : null}
      </form>
      <DecisionDocument
        sheet={sheet}
        onToggleObligation={(ruleId, checked) => {
          const current = new Set(draft.decision.checked ?? []);
          if (checked) current.add(ruleId);
          else current.delete(ruleId);
          decide({ checked: [...current] });
        }}
      />
    </div>
  );
}
