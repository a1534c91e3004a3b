import { VerdictBadge } from '../../components/verdict-badge';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import { fieldLabel } from '../../guide/decision';
import { useDecision, useWizard } from './wizard-provider';

export type PanelRoute = { route: string; name: Localized; verdict: Outcome['routes'][number]['verdict']; deciding: Localized[] };

/** What the panel shows per route: the verdict and, while undecided, the questions whose answers decide it. */
export function panelRoutes(ruleset: Ruleset, outcome: Outcome): PanelRoute[] {
  return outcome.routes.map((r) => ({
    route: r.route,
    name: r.name,
    verdict: r.verdict,
    deciding: r.verdict === 'needs-info' ? r.missing.map((path) => fieldLabel(ruleset, path)) : [],
  }));
}

/** The routes' current verdicts beside the questions, announced politely as they change. */
export function VerdictPanel() {
  const { ruleset } = useWizard();
  const { t, lang } = useI18n();
  const { outcome } = useDecision();
  return (
    <aside className="verdict-panel" aria-labelledby="verdict-panel-heading">
      <h2 id="verdict-panel-heading">{t({ sv: 'Vägarna just nu', en: 'The routes so far' })}</h2>
      <div aria-live="polite" data-testid="verdict-panel">
        {outcome ? (
          <ul className="verdict-panel__routes">
            {panelRoutes(ruleset, outcome).map((r) => (
              <li key={r.route} data-route={r.route} data-verdict={r.verdict}>
                <span className="verdict-panel__name">{t(r.name)}</span> <VerdictBadge verdict={r.verdict} lang={lang} />
                {r.deciding.length > 0 ? (
                  <p className="verdict-panel__missing">
                    {t({ sv: 'Avgörs av: ', en: 'Decided by: ' })}
                    {r.deciding.slice(0, 3).map((l) => t(l)).join('; ')}
                    {r.deciding.length > 3 ? t({ sv: ` och ${r.deciding.length - 3} till`, en: ` and ${r.deciding.length - 3} more` }) : ''}
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
