import { useEffect, useRef, useState } from 'react';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { useI18n } from '../../i18n/i18n';
import { createVisibleFields } from '../../guide/relevance';
import { ScenarioList } from './scenario-list';
import { ScenarioView } from './scenario-view';
import { scenarioById, scenarios } from './scenarios/scenario-library';
import { useWorkshopRoute, workshopHash } from './workshop-route';
import './workshop.css';

const visibleFields = createVisibleFields(browserRuleset);
const presenterKey = 'vagval.workshop.presenter';

function initialPresenter(): boolean {
  try {
    return sessionStorage.getItem(presenterKey) === '1';
  } catch {
    return false;
  }
}

/**
 * Workshop mode for trainers: the scenario library, and per scenario the group exercise with the answers and the
 * verdicts hidden until revealed, what-if, the decision tree and a printable hand-out – with a presenter view in
 * large type for a projector.
 */
export function WorkshopPage() {
  const { t } = useI18n();
  const route = useWorkshopRoute();
  const [presenter, setPresenter] = useState(initialPresenter);
  useEffect(() => {
    try {
      sessionStorage.setItem(presenterKey, presenter ? '1' : '0');
    } catch {
      // Private mode: the choice lasts while the page is open.
    }
  }, [presenter]);

  // Opening a scenario or going back to the library puts the focus on the new page's heading.
  const scenarioId = route.view === 'scenario' ? route.id : null;
  const shownScenario = useRef(scenarioId);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shownScenario.current === scenarioId) return;
    shownScenario.current = scenarioId;
    root.current?.querySelector<HTMLElement>('h2')?.focus();
    window.scrollTo(0, 0);
  }, [scenarioId]);

  const scenario = scenarioId ? scenarioById(scenarioId) : undefined;
  return (
    <div ref={root} className={`workshop${presenter ? ' workshop--presenter' : ''}`}>
      <div className="workshop-toolbar no-print">
        <button type="button" className="button button--secondary button--small" aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
          {t({ sv: 'Presentationsläge', en: 'Presenter view' })}
        </button>
      </div>
      {route.view === 'library' ? (
        <ScenarioList ruleset={browserRuleset} scenarios={scenarios} />
      ) : scenario ? (
        <ScenarioView key={scenario.id} ruleset={browserRuleset} visibleFields={visibleFields} scenario={scenario} part={route.part} />
      ) : (
        <div role="alert" className="notice notice--warning">
          <h2 tabIndex={-1}>{t({ sv: 'Scenariot finns inte', en: 'No such scenario' })}</h2>
          <p>
            <a href={workshopHash({ view: 'library' })}>{t({ sv: 'Till alla scenarier', en: 'To all scenarios' })}</a>
          </p>
        </div>
      )}
    </div>
  );
}
