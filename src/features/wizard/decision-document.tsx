import { AnswerList } from '../../components/answer-list';
import { buyerName } from '../../engine/buyers';
import { CitedQuote } from '../../components/cited-quote';
import { statusWords } from '../../components/source-quote';
import { VerdictBadge } from '../../components/verdict-badge';
import { formatValue } from '../../engine/format';
import type { Reason } from '../../engine/outcome';
import { useI18n } from '../../i18n/i18n';
import { stepTitles } from '../../guide/step-titles';
import { questionStepIds } from '../../guide/steps';
import { useDecision, useWizard } from './wizard-provider';

function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useI18n();
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r.ruleId}>
          <p>
            <strong>{t(r.title)}</strong> <span className="legal-basis">({r.legalBasis})</span>: {t(r.explanation)}
          </p>
          <CitedQuote source={r.source} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The decision document: what the print stylesheet turns into a clean A4 for the diarium, with the organisation,
 * the date, every answer, each route's verdict with its reasons and sources, the obligations and the decision.
 */
export function DecisionDocument({ onToggleObligation }: { onToggleObligation: (ruleId: string, checked: boolean) => void }) {
  const { ruleset } = useWizard();
  const { t, lang } = useI18n();
  const { outcome, rows, draft, chosenRoute } = useDecision();
  const orgName = draft.answers.organisation ? buyerName(ruleset, draft.answers.organisation, lang) : undefined;
  const checked = new Set(draft.decision.checked ?? []);
  const recommended = outcome?.routes.find((r) => r.route === outcome.recommendation.route);
  const chosen = outcome?.routes.find((r) => r.route === chosenRoute);
  const notes = [...(outcome?.policyNotes ?? []), ...(chosen?.policyNotes ?? [])];
  return (
    <article className="decision-document" aria-labelledby="document-title">
      <header className="decision-document__header">
        <h2 id="document-title">{t({ sv: 'Beslutsunderlag: val av upphandlingsväg', en: 'Decision document: choice of procurement route' })}</h2>
        <dl className="decision-document__meta">
          <div>
            <dt>{t({ sv: 'Organisation', en: 'Organisation' })}</dt>
            <dd>{orgName ?? '–'}</dd>
          </div>
          <div>
            <dt>{t({ sv: 'Beslutsdatum', en: 'Decision date' })}</dt>
            <dd>{draft.answers.decisionDate ?? '–'}</dd>
          </div>
          <div>
            <dt>{t({ sv: 'Regelverk', en: 'Rule set' })}</dt>
            <dd>
              {ruleset.version} <span className="hash">({ruleset.hash.slice(0, 12)})</span>
            </dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="doc-recommendation">
        <h3 id="doc-recommendation">{t({ sv: 'Rekommendation', en: 'Recommendation' })}</h3>
        {outcome && recommended ? (
          <>
            <p className="recommendation" data-testid="recommended-route" data-route={recommended.route}>
              <strong>{t(recommended.name)}</strong>. {t(outcome.recommendation.rationale)}
            </p>
            {outcome.recommendation.source ? <CitedQuote source={outcome.recommendation.source} /> : null}
          </>
        ) : (
          <p>{outcome ? t(outcome.recommendation.rationale) : '–'}</p>
        )}
      </section>

      {outcome ? (
        <section aria-labelledby="doc-routes">
          <h3 id="doc-routes">{t({ sv: 'Bedömning av varje väg', en: 'Assessment of each route' })}</h3>
          {outcome.routes.map((route) => (
            <section key={route.route} className="route-verdict" data-route={route.route} data-verdict={route.verdict} aria-labelledby={`doc-route-${route.route}`}>
              <h4 id={`doc-route-${route.route}`}>
                {t(route.name)} <VerdictBadge verdict={route.verdict} lang={lang} />
              </h4>
              <p className="route-verdict__why">
                {route.verdict === 'not-allowed'
                  ? t({ sv: 'Varför inte:', en: 'Why not:' })
                  : route.verdict === 'needs-info'
                    ? t({ sv: 'Inte avgjort ännu:', en: 'Not decided yet:' })
                    : t({ sv: 'Varför:', en: 'Why:' })}
              </p>
              <ReasonList reasons={route.reasons} />
              {route.cautions.length > 0 ? (
                <>
                  <p className="route-verdict__why">{t({ sv: 'Se upp:', en: 'Take care:' })}</p>
                  <ReasonList reasons={route.cautions} />
                </>
              ) : null}
            </section>
          ))}
        </section>
      ) : null}

      {chosen && (chosen.obligations.length > 0 || chosen.possibleObligations.length > 0) ? (
        <section aria-labelledby="doc-obligations">
          <h3 id="doc-obligations">
            {t({ sv: 'Skyldigheter', en: 'Obligations' })}: {t(chosen.name)}
          </h3>
          <ul className="checklist">
            {chosen.obligations.map((o) => (
              <li key={o.ruleId}>
                <label>
                  <input type="checkbox" checked={checked.has(o.ruleId)} onChange={(e) => onToggleObligation(o.ruleId, e.target.checked)} />{' '}
                  <strong>{t(o.title)}</strong> <span className="legal-basis">({o.legalBasis})</span>: {t(o.explanation)}
                </label>
                <CitedQuote source={o.source} />
              </li>
            ))}
          </ul>
          {chosen.possibleObligations.length > 0 ? (
            <>
              <p>{t({ sv: 'Kan också gälla, beroende på svar som saknas:', en: 'May also apply, depending on missing answers:' })}</p>
              <ReasonList reasons={chosen.possibleObligations} />
            </>
          ) : null}
        </section>
      ) : null}

      {notes.length > 0 ? (
        <section aria-labelledby="doc-policy">
          <h3 id="doc-policy">{t({ sv: 'Organisationens riktlinjer', en: "The organisation's guidelines" })}</h3>
          <ul className="reasons">
            {notes.map((n) => (
              <li key={n.id}>
                <p>{t(n.text)}</p>
                <CitedQuote source={n.source} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {outcome && outcome.parametersUsed.length > 0 ? (
        <section aria-labelledby="doc-limits">
          <h3 id="doc-limits">{t({ sv: 'Gränsvärden som bedömningen bygger på', en: 'Limits the assessment rests on' })}</h3>
          <ul className="reasons">
            {outcome.parametersUsed.map((p) => (
              <li key={p.id} data-parameter={p.id} data-status={p.status}>
                <p>
                  <strong>{t(p.label)}</strong>: {formatValue(p.value, p.unit, lang)}, {t({ sv: 'gäller från', en: 'in force from' })} {p.from}
                  {p.status !== 'verified' && statusWords[p.status] ? <span className="evidence-flag"> ({t(statusWords[p.status]!)})</span> : null}
                  {p.note ? `. ${t(p.note)}` : null}
                </p>
                <CitedQuote source={p.source} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="doc-answers">
        <h3 id="doc-answers">{t({ sv: 'Svar', en: 'Answers' })}</h3>
        {questionStepIds.map((step) => {
          const stepRows = rows.filter((r) => r.step === step);
          if (stepRows.length === 0) return null;
          return (
            <section key={step} aria-labelledby={`doc-answers-${step}`}>
              <h4 id={`doc-answers-${step}`}>{t(stepTitles[step])}</h4>
              <AnswerList rows={stepRows} />
            </section>
          );
        })}
      </section>

      <section aria-labelledby="doc-decision" className="decision-document__decision">
        <h3 id="doc-decision">{t({ sv: 'Beslut', en: 'Decision' })}</h3>
        <dl className="answers">
          <div>
            <dt>{t({ sv: 'Vald väg', en: 'Chosen route' })}</dt>
            <dd data-testid="chosen-route">{chosen ? t(chosen.name) : '–'}</dd>
          </div>
          {draft.decision.deviationReason ? (
            <div>
              <dt>{t({ sv: 'Skäl att avvika från rekommendationen', en: 'Reason to depart from the recommendation' })}</dt>
              <dd>{draft.decision.deviationReason}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t({ sv: 'Motivering', en: 'Justification' })}</dt>
            <dd className="pre-wrap">{draft.decision.justification || '–'}</dd>
          </div>
        </dl>
      </section>
    </article>
  );
}
