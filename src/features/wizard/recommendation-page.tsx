import { useId, useMemo, useState } from 'react';
import type { RouteId } from '../../engine/answers-schema';
import type { Localized } from '../../engine/ruleset-schema';
import { judgeable, type Draft } from '../../guide/draft';
import { ShownVerdictBadge } from '../../components/verdict-badge';
import { recommendationStatus, shownVerdict } from '../../guide/recommendation-status';
import { chosenDeviation, decisionProblems, routeOptions, type DecisionField } from '../../guide/route-choice';
import { useI18n } from '../../i18n/i18n';
import { deviationFlags, needsAcknowledgement } from '../../shared/deviation';
import { decisionMakerLimits } from '../../shared/decision-maker';
import { SaveDecisionButton } from '../register';
import { DecisionDocument } from './decision-document';
import { DocumentDownloads } from './document-downloads';
import { RecommendationSummary } from './recommendation-summary';
import { recordedCheck, similarLookup } from '../../guide/similar-purchases';
import { SimilarPurchasesCheck } from './similar-purchases';
import { useDecisionSheet, useSavedRecord } from './use-decision-sheet';
import { useDecision, useWizard } from './wizard-provider';

/** The decision's fields in the order the page shows them, and the id (after the page's own) of each one's input. */
const fieldOrder: DecisionField[] = ['chosenRoute', 'acknowledgedVerdict', 'deviationReason', 'justification', 'decidedByName', 'decidedByTitle', 'diarienummer'];
const fieldInputIds: Record<DecisionField, string> = {
  chosenRoute: 'route',
  acknowledgedVerdict: 'acknowledge',
  deviationReason: 'deviation',
  justification: 'justification',
  decidedByName: 'decidedByName',
  decidedByTitle: 'decidedByTitle',
  diarienummer: 'diarienummer',
};

/** An error shown at its field, tied to it with aria-describedby and aria-invalid. */
function FieldError({ id, text }: { id: string; text: Localized | undefined }) {
  const { t } = useI18n();
  return text ? (
    <p id={id} className="field__error">
      {t(text)}
    </p>
  ) : null;
}

/**
 * The recommendation and its reasons first, then the procurer's own decision (route, any deviation acknowledged and
 * explained, justification) and the save, then the document to print or download.
 */
export function RecommendationPage() {
  const { actor } = useWizard();
  const { t, lang } = useI18n();
  const decision = useDecision();
  const { outcome, draft, chosenRoute } = decision;
  const judgedAnswers = judgeable(decision.answers);
  const id = useId();
  const saved = useSavedRecord();
  const sheet = useDecisionSheet(saved.record);
  const [revealed, setRevealed] = useState<ReadonlySet<DecisionField>>(new Set());
  const [similarRefused, setSimilarRefused] = useState(false);
  const similarKey = JSON.stringify(similarLookup(decision.answers));
  // Stable while the check and the answers it depends on stay, so the save's fingerprint does not change by itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- similarKey stands for the answers the check reads.
  const similarPurchases = useMemo(() => recordedCheck(draft, decision.answers), [draft.wizard.similarCheck, similarKey]);
  const reveal = (...fields: DecisionField[]) => setRevealed((old) => new Set([...old, ...fields]));
  // Leaving a field for the Save button does not show its error yet: the error would push the button down between
  // the press and the release, and the click would be lost. The save itself shows every error and moves focus there.
  const leaving = (field: DecisionField) => (e: { relatedTarget: EventTarget | null }) => {
    if (!(e.relatedTarget instanceof HTMLElement && e.relatedTarget.classList.contains('save-decision__button'))) reveal(field);
  };
  const decide = (change: Draft['decision']) => actor.send({ type: 'DECIDE', decision: change });
  const status = outcome ? recommendationStatus(outcome, decision.answers, similarPurchases) : 'none';
  const options = outcome ? routeOptions(outcome, status) : [];
  const chosen = outcome?.routes.find((r) => r.route === chosenRoute);
  const deviation = chosenDeviation(outcome, chosenRoute);
  const problems = decisionProblems(outcome, draft.decision, chosenRoute);
  const shown = (field: DecisionField) => (revealed.has(field) ? problems[field] : undefined);
  const describedBy = (field: DecisionField, ...others: string[]) => [...others, shown(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  /** A one-line text of the decision, with its error at the field once the procurer has left it or tried to save. */
  const textField = (field: 'decidedByName' | 'decidedByTitle' | 'diarienummer', label: Localized, autoComplete: string, help?: Localized) => (
    <div className={`field${shown(field) ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-${field}`} className="field__label">
        {t(label)}
      </label>
      <input
        id={`${id}-${field}`}
        type="text"
        value={draft.decision[field] ?? ''}
        autoComplete={autoComplete}
        aria-invalid={shown(field) ? true : undefined}
        aria-describedby={describedBy(field, ...(help ? [`${id}-${field}-help`] : []))}
        onBlur={leaving(field)}
        // No maxLength: a pasted text too long is kept and the error says so, rather than cut off unseen.
        onChange={(e) => decide({ [field]: e.target.value })}
      />
      {help ? (
        <p id={`${id}-${field}-help`} className="field__help">
          {t(help)}
        </p>
      ) : null}
      <FieldError id={`${id}-${field}-error`} text={shown(field)} />
    </div>
  );

  return (
    <div className="recommendation-page">
      <RecommendationSummary />
      <div className="no-print">
        <SimilarPurchasesCheck showErrors={similarRefused} />
      </div>
      <form className="decision-form no-print" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-heading`} noValidate>
        <h3 id={`${id}-heading`}>{t({ sv: 'Ert beslut', en: 'Your decision' })}</h3>
        <div className={`field${shown('chosenRoute') ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-route`} className="field__label">
            {t({ sv: 'Vald väg', en: 'Chosen route' })}
          </label>
          <select
            id={`${id}-route`}
            value={chosenRoute ?? ''}
            aria-invalid={shown('chosenRoute') ? true : undefined}
            aria-describedby={describedBy('chosenRoute', ...(chosen ? [`${id}-route-verdict`] : []))}
            onChange={(e) => decide({ chosenRoute: (e.target.value || undefined) as RouteId | undefined, acknowledgedVerdict: undefined })}
          >
            <option value="">{t({ sv: 'Välj väg', en: 'Choose route' })}</option>
            {options.map((o) => (
              <option key={o.route} value={o.route} data-verdict={o.verdict}>
                {t(o.label)}
              </option>
            ))}
          </select>
          {chosen ? (
            // A phone's closed picker cuts long option texts; the verdict is said again in full under it.
            <p id={`${id}-route-verdict`} className="field__help" data-testid="chosen-verdict">
              {t({ sv: 'Bedömning av vald väg: ', en: 'Assessment of the chosen route: ' })}
              <ShownVerdictBadge verdict={shownVerdict(chosen.verdict, status)} lang={lang} />
            </p>
          ) : null}
          <FieldError id={`${id}-chosenRoute-error`} text={shown('chosenRoute')} />
        </div>
        {deviation && chosen ? (
          <div className="deviation-warning" data-testid="deviation-warning" data-deviation={deviation}>
            <p>
              <strong>{t(deviationFlags[deviation])}.</strong>{' '}
              {deviation === 'not-recommended'
                ? t({ sv: 'Skriv nedan varför ni väljer en annan väg än den rekommenderade.', en: 'Write below why you choose another route than the recommended one.' })
                : t({ sv: 'Vägval bedömer att vägen inte kan väljas på dessa svar:', en: 'Vägval judges that the route cannot be chosen on these answers:' })}
            </p>
            {deviation !== 'not-recommended' ? (
              <ul>
                {chosen.reasons.map((r) => (
                  <li key={r.ruleId}>
                    <strong>{t(r.title)}</strong> ({r.legalBasis}): {t(r.explanation)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {chosen && needsAcknowledgement(chosen.verdict) ? (
          <div className={`field field--checkbox${shown('acknowledgedVerdict') ? ' field--invalid' : ''}`}>
            <label>
              <input
                type="checkbox"
                id={`${id}-acknowledge`}
                checked={draft.decision.acknowledgedVerdict === chosen.verdict}
                aria-invalid={shown('acknowledgedVerdict') ? true : undefined}
                aria-describedby={describedBy('acknowledgedVerdict')}
                onChange={(e) => decide({ acknowledgedVerdict: e.target.checked && needsAcknowledgement(chosen.verdict) ? chosen.verdict : undefined })}
              />{' '}
              {chosen.verdict === 'not-allowed'
                ? t({ sv: 'Jag vet att vald väg är bedömd som inte tillåten och beslutar ändå, av skälet nedan.', en: 'I know the chosen route is judged not allowed and decide on it anyway, for the reason below.' })
                : t({ sv: 'Jag vet att vald väg inte har kunnat bedömas fullt ut och beslutar ändå, av skälet nedan.', en: 'I know the chosen route could not be fully judged and decide on it anyway, for the reason below.' })}
            </label>
            <FieldError id={`${id}-acknowledgedVerdict-error`} text={shown('acknowledgedVerdict')} />
          </div>
        ) : null}
        {deviation ? (
          <div className={`field${shown('deviationReason') ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-deviation`} className="field__label">
              {deviation === 'not-recommended'
                ? t({ sv: 'Skäl att välja en annan väg än den rekommenderade', en: 'Reason for choosing another route than the recommended one' })
                : t({ sv: 'Skäl att avvika från bedömningen', en: 'Reason for departing from the assessment' })}
            </label>
            <textarea
              id={`${id}-deviation`}
              rows={3}
              value={draft.decision.deviationReason ?? ''}
              aria-invalid={shown('deviationReason') ? true : undefined}
              aria-describedby={describedBy('deviationReason')}
              onBlur={leaving('deviationReason')}
              onChange={(e) => decide({ deviationReason: e.target.value })}
            />
            <FieldError id={`${id}-deviationReason-error`} text={shown('deviationReason')} />
          </div>
        ) : null}
        <div className={`field${shown('justification') ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-justification`} className="field__label">
            {t({ sv: 'Motivering', en: 'Justification' })}
          </label>
          <textarea
            id={`${id}-justification`}
            rows={4}
            value={draft.decision.justification ?? ''}
            aria-invalid={shown('justification') ? true : undefined}
            aria-describedby={describedBy('justification', `${id}-justification-help`)}
            onBlur={leaving('justification')}
            onChange={(e) => decide({ justification: e.target.value })}
          />
          <p id={`${id}-justification-help`} className="field__help">
            {t({ sv: 'Med egna ord: varför detta köp görs på detta sätt. Texten kommer med i beslutsunderlaget.', en: 'In your own words: why this purchase is made this way. The text goes into the decision document.' })}
          </p>
          <FieldError id={`${id}-justification-error`} text={shown('justification')} />
        </div>
        <fieldset className="decision-maker" aria-describedby={`${id}-decided-by-help`}>
          <legend className="field__label">{t({ sv: 'Beslutat av', en: 'Decided by' })}</legend>
          <p id={`${id}-decided-by-help`} className="field__help">
            {t({
              sv: 'Den som fattade beslutet, enligt delegationsordningen – inte nödvändigtvis den som sparar det. Lämnas fälten tomma står raderna kvar att fylla i för hand.',
              en: 'The person who took the decision under the delegation rules – not necessarily the one who saves it. Left empty, the lines stay on the document to fill in by hand.',
            })}
          </p>
          <div className="decision-maker__fields">
            {textField('decidedByName', { sv: 'Namn', en: 'Name' }, 'name')}
            {textField('decidedByTitle', { sv: 'Befattning eller roll', en: 'Title or role' }, 'organization-title')}
          </div>
        </fieldset>
        {textField('diarienummer', { sv: 'Diarienummer (valfritt)', en: 'Diarienummer (reference number, optional)' }, 'off', {
          sv: `Ärendets nummer i diariet, t.ex. KS 2026/123, högst ${decisionMakerLimits.diarienummer} tecken. Lämnas det tomt står en rad kvar att fylla i.`,
          en: `The case's number in the diarium, e.g. KS 2026/123, at most ${decisionMakerLimits.diarienummer} characters. Left empty, a line stays to fill in.`,
        })}
        {judgedAnswers && outcome ? (
          <SaveDecisionButton
            answers={judgedAnswers}
            outcome={outcome}
            chosenRoute={chosenRoute}
            justification={draft.decision.justification ?? ''}
            deviationReason={draft.decision.deviationReason}
            acknowledgedVerdict={draft.decision.acknowledgedVerdict}
            unaskedAnswers={decision.unaskedAnswers}
            decidedByName={draft.decision.decidedByName}
            decidedByTitle={draft.decision.decidedByTitle}
            diarienummer={draft.decision.diarienummer}
            similarPurchases={similarPurchases}
            onInvalid={(fields) => {
              reveal(...fields.filter((f): f is DecisionField => f !== 'similarPurchases'));
              setSimilarRefused(fields.includes('similarPurchases'));
              // Focus goes to the first field in the page's order that stops the save, where its error is said.
              const first = fieldOrder.find((f) => fields.includes(f));
              if (first) requestAnimationFrame(() => document.getElementById(`${id}-${fieldInputIds[first]}`)?.focus());
            }}
            onSaved={saved.onSaved}
            savedRecord={saved.record}
            onRecordRead={saved.onRead}
          />
        ) : null}
        <div className="step-actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'BACK' })}>
            {t({ sv: 'Tillbaka till svaren', en: 'Back to the answers' })}
          </button>
          <DocumentDownloads record={saved.record} />
        </div>
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
