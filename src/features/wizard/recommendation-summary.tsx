import { ShownVerdictBadge } from '../../components/verdict-badge';
import { questionLabel } from '../../guide/decision';
import { recommendationStatus, shownVerdict } from '../../guide/recommendation-status';
import { recordedCheck, undecided } from '../../guide/similar-purchases';
import { useI18n } from '../../i18n/i18n';
import { useDecision, useWizard } from './wizard-provider';

/**
 * On screen, before the decision form: what is recommended and why, and each route's verdict with its grounds in
 * one line, so the procurer reads the assessment before deciding. The full reasons and sources
 * follow in the decision document below.
 */
export function RecommendationSummary() {
  const { ruleset } = useWizard();
  const { t, lang } = useI18n();
  const { outcome, answers, draft } = useDecision();
  if (!outcome) return null;
  const similar = recordedCheck(draft, answers);
  const status = recommendationStatus(outcome, answers, similar);
  const similarOpen = similar === null || undecided(similar).length > 0;
  const recommended = outcome.routes.find((r) => r.route === outcome.recommendation.route);
  const deciding = [...new Set(outcome.recommendation.couldChange.flatMap((c) => c.missing))];
  return (
    <section className="recommendation-summary no-print" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{t({ sv: 'Rekommendation', en: 'Recommendation' })}</h3>
      {recommended ? (
        <p className="recommendation-summary__route" data-testid="summary-recommended" data-route={recommended.route} data-status={status}>
          <strong>{t(recommended.name)}</strong> <ShownVerdictBadge verdict={shownVerdict(recommended.verdict, status)} lang={lang} />
        </p>
      ) : null}
      <p>{t(outcome.recommendation.rationale)}</p>
      {similarOpen ? (
        <p className="notice notice--warning" data-testid="similar-open">
          {t({
            sv: 'Preliminärt: liknande köp i registret är inte avgjorda än. Deras värde kan räknas ihop med detta köp (LOU 19 a kap.) – ta ställning till dem nedan.',
            en: 'Preliminary: similar purchases in the register are not decided yet. Their value may be added to this purchase (LOU 19 a kap.) – decide on them below.',
          })}
        </p>
      ) : null}
      {status === 'preliminary' && deciding.length > 0 ? (
        <p className="notice notice--warning">
          {t({ sv: 'Preliminärt: rekommendationen kan ändras av svaren på ', en: 'Preliminary: the recommendation may change with the answers to ' })}
          {deciding.map((path) => t(questionLabel(ruleset, path))).join('; ')}.
        </p>
      ) : null}
      <ul className="recommendation-summary__routes">
        {outcome.routes.map((route) => (
          <li key={route.route} data-route={route.route} data-verdict={route.verdict}>
            <span className="recommendation-summary__name">{t(route.name)}</span> <ShownVerdictBadge verdict={shownVerdict(route.verdict, status)} lang={lang} />
            {route.reasons.length > 0 ? (
              <span className="recommendation-summary__why">
                {' '}
                {route.verdict === 'not-allowed' ? t({ sv: 'Varför inte: ', en: 'Why not: ' }) : route.verdict === 'needs-info' ? t({ sv: 'Inte avgjort: ', en: 'Not decided: ' }) : t({ sv: 'Varför: ', en: 'Why: ' })}
                {/* A requirement's title states the requirement: one that failed says so, or "Varför inte: Partnern är en
                    idéburen organisation" would read as if being idéburen were the obstacle. */}
                {route.reasons.map((r) => (r.result === 'failed' ? `${t(r.title)} ${t({ sv: '(inte uppfyllt)', en: '(not met)' })}` : t(r.title))).join('; ')}.
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a href="#doc-routes">{t({ sv: 'Skälen och källorna för varje väg finns i beslutsunderlaget nedan.', en: 'The reasons and sources for each route are in the decision document below.' })}</a>
      </p>
    </section>
  );
}
