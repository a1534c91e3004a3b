import { ShownVerdictBadge } from '../../components/verdict-badge';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import { questionLabel } from '../../guide/decision';
import { recommendationStatus, shownVerdict, type ShownVerdict } from '../../guide/recommendation-status';
import type { DraftAnswers } from '../../guide/draft';
import { useDecision, useWizard } from './wizard-provider';

/** `deciding`: the route's own questions still to answer; `preferredOpen`: routes before it that could still open. */
export type PanelRoute = { route: string; name: Localized; verdict: Outcome['routes'][number]['verdict']; shown: ShownVerdict; deciding: Localized[]; preferredOpen: Localized[] };

/**
 * What the panel shows per route: the verdict and, while undecided, the questions whose answers decide that very
 * route. The recommended route reads "Preliminärt" until the answers that could still change it are in; a route
 * preferred before it that could still open is named, and its questions stand under that route, not this one.
 */
export function panelRoutes(ruleset: Ruleset, outcome: Outcome, answers: DraftAnswers): PanelRoute[] {
  const status = recommendationStatus(outcome, answers);
  const name = (route: string) => outcome.routes.find((o) => o.route === route)?.name ?? { sv: route, en: route };
  const preferredOpen = outcome.recommendation.couldChange.filter((c) => c.missing.length > 0).map((c) => name(c.route));
  return outcome.routes.map((r) => {
    const shown = shownVerdict(r.verdict, status);
    const paths = r.verdict === 'needs-info' ? r.missing : shown === 'preliminary' && answers.value?.totalSek === undefined ? ['value.totalSek'] : [];
    // A verdict that waits for an unread figure names the figure, since no answer of the procurer's can decide it.
    const figures = r.verdict === 'needs-info' ? r.unreadFigures.map((u) => u.figure) : [];
    const deciding = [...paths.map((path) => questionLabel(ruleset, path)), ...figures];
    return { route: r.route, name: r.name, verdict: r.verdict, shown, deciding, preferredOpen: shown === 'preliminary' ? preferredOpen : [] };
  });
}

/** The routes' current verdicts beside the questions, announced politely as they change. */
export function VerdictPanel() {
  const { ruleset } = useWizard();
  const { t, lang } = useI18n();
  const { outcome, answers } = useDecision();
  return (
    <aside className="verdict-panel" aria-labelledby="verdict-panel-heading">
      <h2 id="verdict-panel-heading" tabIndex={-1}>{t({ sv: 'Vägarna just nu', en: 'The routes so far' })}</h2>
      <div aria-live="polite" data-testid="verdict-panel">
        {outcome ? (
          <ul className="verdict-panel__routes">
            {panelRoutes(ruleset, outcome, answers).map((r) => (
              <li key={r.route} data-route={r.route} data-verdict={r.verdict} data-shown={r.shown}>
                <span className="verdict-panel__name">{t(r.name)}</span> <ShownVerdictBadge verdict={r.shown} lang={lang} />
                {r.deciding.length > 0 ? (
                  <p className="verdict-panel__missing">
                    {r.shown === 'preliminary' ? t({ sv: 'Kan ändras av: ', en: 'May change with: ' }) : t({ sv: 'Avgörs av: ', en: 'Decided by: ' })}
                    {r.deciding.slice(0, 3).map((l) => t(l)).join('; ')}
                    {r.deciding.length > 3 ? t({ sv: ` och ${r.deciding.length - 3} till`, en: ` and ${r.deciding.length - 3} more` }) : ''}
                  </p>
                ) : null}
                {r.preferredOpen.length > 0 ? (
                  <p className="verdict-panel__missing">
                    {t({ sv: 'Kan ändras om en väg som går före blir möjlig: ', en: 'May change if a route that comes first becomes possible: ' })}
                    {r.preferredOpen.map((n) => t(n)).join('; ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t({ sv: 'Välj organisation och beslutsdatum, så visas bedömningen av varje väg här medan du svarar.', en: 'Choose the organisation and decision date, and the assessment of each route appears here as you answer.' })}</p>
        )}
      </div>
    </aside>
  );
}

const shortWords: Record<ShownVerdict, Localized> = {
  recommended: { sv: 'rekommenderas', en: 'recommended' },
  preliminary: { sv: 'preliminärt', en: 'preliminary' },
  allowed: { sv: 'tillåten', en: 'allowed' },
  'not-allowed': { sv: 'inte tillåten', en: 'not allowed' },
  'needs-info': { sv: 'fler svar behövs', en: 'more answers needed' },
};

/**
 * On a phone the panel sits below the questions; this bar keeps the gist at the top while answering: the leading
 * route and how many are still open, with a link to the panel. Not a live region: the panel announces changes.
 */
export function VerdictBar() {
  const { t } = useI18n();
  const { outcome, answers } = useDecision();
  if (!outcome) return null;
  const status = recommendationStatus(outcome, answers);
  const recommended = outcome.routes.find((r) => r.route === outcome.recommendation.route);
  const open = outcome.routes.filter((r) => r.verdict === 'needs-info').length;
  const shut = outcome.routes.filter((r) => r.verdict === 'not-allowed').length;
  return (
    <div className="verdict-bar no-print" data-testid="verdict-bar">
      <p>
        {recommended ? (
          <>
            <strong>{t(recommended.name)}</strong>: {t(shortWords[shownVerdict(recommended.verdict, status)])}
          </>
        ) : (
          t({ sv: 'Ingen väg rekommenderas ännu', en: 'No route recommended yet' })
        )}
        {open > 0 ? t({ sv: ` · ${open} öppna`, en: ` · ${open} open` }) : ''}
        {shut > 0 ? t({ sv: ` · ${shut} inte tillåtna`, en: ` · ${shut} not allowed` }) : ''}{' '}
        <button type="button" className="link-button" onClick={() => document.getElementById('verdict-panel-heading')?.focus()}>
          {t({ sv: 'Alla vägar', en: 'All routes' })}
        </button>
      </p>
    </div>
  );
}
