import { DiscussionQuestions } from './discussion-questions';
import { useId } from 'react';
import { useI18n } from './workshop-i18n';
import { CitedQuote } from '../../components/cited-quote';
import { RouteExplanation } from './route-explanation';
import type { JudgedScenario } from './scenario-outcome';

/** The reveal: the recommendation, each route's verdict with why and why not, the teaching point and the policy notes. */
export function Assessment({ judged }: { judged: JudgedScenario }) {
  const { t } = useI18n();
  const id = useId();
  const { outcome, scenario } = judged;
  const recommended = outcome.routes.find((r) => r.route === outcome.recommendation.route);
  return (
    <div className="assessment" data-testid="assessment">
      <div className="assessment__recommendation">
        <p className="assessment__lead" data-testid="recommended-route" data-route={recommended?.route ?? ''}>
          {recommended ? (
            <>
              {t({ sv: 'Rekommendation: ', en: 'Recommendation: ' })}
              <strong>{t(recommended.name)}</strong>
            </>
          ) : (
            t({ sv: 'Ingen väg kan rekommenderas.', en: 'No route can be recommended.' })
          )}
        </p>
        <p>{t(outcome.recommendation.rationale)}</p>
        {outcome.recommendation.source ? <CitedQuote source={outcome.recommendation.source} /> : null}
      </div>
      <div className="route-cards">
        {outcome.routes.map((route) => (
          <RouteExplanation key={route.route} route={route} headingId={`${id}-${route.route}`} />
        ))}
      </div>
      <div className="teaching-point">
        <h5>{t({ sv: 'Det här ska gruppen ta med sig', en: 'What the group should take home' })}</h5>
        <p>{t(scenario.teachingPoint)}</p>
        <DiscussionQuestions scenario={scenario} />
      </div>
      {outcome.policyNotes.length > 0 ? (
        <div className="policy-notes">
          <h5>{t({ sv: 'Organisationens riktlinjer', en: "The organisation's guidelines" })}</h5>
          <ul className="reasons">
            {outcome.policyNotes.map((n) => (
              <li key={n.id}>
                <p>{t(n.text)}</p>
                <CitedQuote source={n.source} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
