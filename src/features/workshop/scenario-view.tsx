import { useEffect, useMemo, useRef, useState } from 'react';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from './workshop-i18n';
import type { VisibleFields } from '../../guide/relevance';
import { GroupMode, initialGroupState, type GroupState } from './group-mode';
import { Handout } from './handout';
import { OpenInWizardButton } from './open-in-wizard-button';
import { judgeScenario } from './scenario-outcome';
import type { Scenario } from '../../scenarios/scenario-schema';
import { TreePart } from './tree-part';
import { WhatIfPart } from './what-if-part';
import { scenarioParts, workshopHash, type ScenarioPart } from './workshop-route';
import { buyerName } from '../../engine/buyers';

export const partNames: Record<ScenarioPart, Localized> = {
  group: { sv: 'Gruppövning', en: 'Group exercise' },
  'what-if': { sv: 'Tänk om', en: 'What if' },
  tree: { sv: 'Beslutsträd', en: 'Decision tree' },
  handout: { sv: 'Handout', en: 'Hand-out' },
};

/** One scenario: its story and exercise, what-if, the decision tree and the hand-out, as sub-pages. */
export function ScenarioView({ ruleset, visibleFields, scenario, part }: { ruleset: Ruleset; visibleFields: VisibleFields; scenario: Scenario; part: ScenarioPart }) {
  const { t, lang } = useI18n();
  const judged = useMemo(() => judgeScenario(ruleset, visibleFields, scenario), [ruleset, visibleFields, scenario]);
  // The group's progress lives as long as the scenario is open, whichever part is on screen.
  const [group, setGroup] = useState<GroupState>(initialGroupState);
  const partHeading = useRef<HTMLHeadingElement>(null);
  const shownPart = useRef(part);
  useEffect(() => {
    if (shownPart.current === part) return;
    shownPart.current = part;
    partHeading.current?.focus();
  }, [part]);
  const organisation = buyerName(ruleset, scenario.organisation, lang);

  return (
    <article className="scenario" data-scenario={scenario.id} aria-labelledby="scenario-title">
      <header className="scenario-header">
        <p className="scenario-header__back no-print">
          <a href={workshopHash({ view: 'library' })}>{t({ sv: '← Alla scenarier', en: '← All scenarios' })}</a>
        </p>
        <h2 id="scenario-title" tabIndex={-1}>
          {t(scenario.title)}
        </h2>
        <p className="scenario-header__meta">
          {organisation} · {t({ sv: 'beslutsdatum', en: 'decision date' })} {scenario.answers.decisionDate}
        </p>
        <div className="scenario-header__actions no-print">
          <a className="button" href={workshopHash({ view: 'deck', id: scenario.id })}>
            {t({ sv: 'Presentationsläge', en: 'Presenter mode' })}
          </a>
          <OpenInWizardButton scenario={scenario} visibleFields={visibleFields} />
          <a className="button button--secondary" href={workshopHash({ view: 'builder', id: scenario.id })}>
            {t({ sv: 'Gör en egen version', en: 'Make your own version' })}
          </a>
        </div>
      </header>
      <nav className="scenario-parts no-print" aria-label={t({ sv: 'Scenariots delar', en: "The scenario's parts" })}>
        <ul>
          {scenarioParts.map((p) => (
            <li key={p}>
              <a href={workshopHash({ view: 'scenario', id: scenario.id, part: p })} aria-current={p === part ? 'page' : undefined}>
                {t(partNames[p])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className={`scenario-part scenario-part--${part}`} aria-labelledby="scenario-part-heading">
        <h3 id="scenario-part-heading" ref={partHeading} tabIndex={-1} className={part === 'handout' ? 'no-print' : undefined}>
          {t(partNames[part])}
        </h3>
        {part === 'group' ? (
          <GroupMode judged={judged} state={group} onChange={setGroup} />
        ) : part === 'what-if' ? (
          <WhatIfPart ruleset={ruleset} judged={judged} organisationLabel={organisation} />
        ) : part === 'tree' ? (
          <TreePart judged={judged} />
        ) : (
          <Handout ruleset={ruleset} judged={judged} />
        )}
      </section>
    </article>
  );
}
