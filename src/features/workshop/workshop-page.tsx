import { useEffect, useMemo, useRef } from 'react';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { useI18n } from './workshop-i18n';
import { createVisibleFields } from '../../guide/relevance';
import { ScenarioBuilder } from './builder/scenario-builder';
import { useCustomScenarios } from './builder/custom-scenarios';
import { Deck } from './deck/deck';
import { TrainerWindow } from './deck/trainer-window';
import { WallSheet } from './room-tree/wall-sheet';
import { judgeScenario } from './scenario-outcome';
import { ScenarioList } from './scenario-list';
import { ScenarioView } from './scenario-view';
import type { Scenario } from '../../scenarios/scenario-schema';
import { scenarios } from './scenarios/scenario-library';
import { useWorkshopRoute, workshopHash } from './workshop-route';
import './workshop.css';

const visibleFields = createVisibleFields(browserRuleset);
const today = () => new Date().toISOString().slice(0, 10);
const builtInIds = scenarios.map((s) => s.id);

/** The A3 sheet, for a scenario when the route names one: its decision date, the engine's amounts, its route first. */
function WallView({ scenario }: { scenario: Scenario | undefined }) {
  const { t } = useI18n();
  const judged = useMemo(() => (scenario ? judgeScenario(browserRuleset, visibleFields, scenario) : null), [scenario]);
  return (
    <div className="wall-print">
      <p className="no-print">
        {scenario ? (
          <a href={workshopHash({ view: 'scenario', id: scenario.id, part: 'tree' })}>{t({ sv: '← Till scenariots träd', en: "← To the scenario's tree" })}</a>
        ) : (
          <a href={workshopHash({ view: 'library' })}>{t({ sv: '← Alla scenarier', en: '← All scenarios' })}</a>
        )}{' '}
        <button type="button" className="button button--secondary button--small" onClick={() => window.print()}>
          {t({ sv: 'Skriv ut på A3', en: 'Print on A3' })}
        </button>
      </p>
      <WallSheet ruleset={browserRuleset} date={today()} scenario={judged ? { title: judged.scenario.title, outcome: judged.outcome } : undefined} />
    </div>
  );
}

function JudgedView({ scenario, view }: { scenario: Scenario; view: 'deck' | 'trainer' }) {
  const judged = useMemo(() => judgeScenario(browserRuleset, visibleFields, scenario), [scenario]);
  return view === 'deck' ? <Deck ruleset={browserRuleset} judged={judged} /> : <TrainerWindow judged={judged} />;
}

/**
 * Workshop mode for trainers: the scenario library, and per scenario the group exercise with the answers and the
 * verdicts hidden until revealed, what-if, the decision tree and a printable hand-out – and presenter mode: the
 * scenario as a deck for the projector, the trainer's window beside it and answers from the participants' phones.
 */
export function WorkshopPage() {
  const { t } = useI18n();
  const route = useWorkshopRoute();

  // Opening a scenario or going back to the library puts the focus on the new page's heading.
  const custom = useCustomScenarios();
  const scenarioId =
    route.view === 'scenario' || route.view === 'deck' || route.view === 'trainer' || route.view === 'builder' ? route.id : route.view === 'wall' ? (route.id ?? null) : null;
  const viewKey = `${route.view}:${scenarioId ?? ''}`;
  const shownView = useRef(viewKey);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shownView.current === viewKey) return;
    shownView.current = viewKey;
    root.current?.querySelector<HTMLElement>('h2')?.focus();
    window.scrollTo(0, 0);
  }, [viewKey]);

  const scenario = scenarioId ? (scenarios.find((s) => s.id === scenarioId) ?? custom.find((s) => s.id === scenarioId)) : undefined;
  return (
    <div ref={root} className="workshop">
      {route.view === 'library' ? (
        <ScenarioList ruleset={browserRuleset} scenarios={scenarios} custom={custom} visibleFields={visibleFields} />
      ) : route.view === 'wall' && (!scenarioId || scenario) ? (
        <WallView key={scenarioId ?? ''} scenario={scenario} />
      ) : !scenario || route.view === 'wall' ? (
        <div role="alert" className="notice notice--warning">
          <h2 tabIndex={-1}>{t({ sv: 'Scenariot finns inte', en: 'No such scenario' })}</h2>
          <p>
            <a href={workshopHash({ view: 'library' })}>{t({ sv: 'Till alla scenarier', en: 'To all scenarios' })}</a>
          </p>
        </div>
      ) : route.view === 'builder' ? (
        <ScenarioBuilder key={scenario.id} ruleset={browserRuleset} visibleFields={visibleFields} base={scenario} builtInIds={builtInIds} />
      ) : route.view === 'scenario' ? (
        <ScenarioView key={scenario.id} ruleset={browserRuleset} visibleFields={visibleFields} scenario={scenario} part={route.part} />
      ) : (
        <JudgedView key={`${route.view}:${scenario.id}`} scenario={scenario} view={route.view} />
      )}
    </div>
  );
}
