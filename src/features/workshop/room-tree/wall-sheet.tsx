import { useId, useMemo, type CSSProperties } from 'react';
import type { Outcome } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../workshop-i18n';
import { deriveDecisionTree } from '../decision-tree/decision-tree-model';
import { wallRoutes, wallWeight } from './wall-sheet-model';
import './room-tree.css';

/**
 * The decisive questions of every route on one A3 sheet for the wall: each route's requirements (all must be
 * yes) and grounds (one yes is enough), as questions with the amounts they turn on and their legal basis, for the
 * rules in force on `date`. For a scenario, on its decision date with the engine's amounts, its recommended route
 * first. Read from the rule set, so a rule change reaches the wall with the next print.
 */
export function WallSheet({ ruleset, date, scenario }: { ruleset: Ruleset; date: string; scenario?: { title: Localized; outcome: Outcome } | undefined }) {
  const { t, lang } = useI18n();
  const id = useId();
  const onDate = scenario?.outcome.decisionDate ?? date;
  const model = useMemo(() => deriveDecisionTree(ruleset, { date: onDate }), [ruleset, onDate]);
  const routes = useMemo(() => wallRoutes(model, scenario?.outcome ?? null), [model, scenario]);
  return (
    <section className="wall-sheet" aria-labelledby={`${id}-heading`} data-testid="wall-sheet" data-routes={routes.length}>
      <header className="wall-sheet__head">
        <h3 id={`${id}-heading`}>{t({ sv: 'Fyra vägar – de avgörande frågorna', en: 'Four routes – the decisive questions' })}</h3>
        <p className="wall-sheet__meta">
          {scenario
            ? t({
                sv: `Scenario: ${scenario.title.sv}. Regler och belopp i kraft ${onDate}, scenariots beslutsdatum; regeluppsättning ${model.rulesetVersion}. Den rekommenderade vägen först, sedan de andra i den ordning de prövas.`,
                en: `Scenario: ${scenario.title.en}. Rules and amounts in force on ${onDate}, the scenario's decision date; rule set ${model.rulesetVersion}. The recommended route first, then the others in the order they are tried.`,
              })
            : t({
                sv: `Regler och belopp i kraft ${onDate}, regeluppsättning ${model.rulesetVersion}. Vägarna i den ordning de rekommenderas.`,
                en: `Rules and amounts in force on ${onDate}, rule set ${model.rulesetVersion}. The routes in their order of recommendation.`,
              })}
        </p>
      </header>
      <div className="wall-sheet__routes">
        {routes.map((route) => (
          <section
            key={route.route}
            className={`wall-route${route.recommended ? ' is-recommended' : ''}`}
            data-route={route.route}
            aria-labelledby={`${id}-${route.route}`}
            style={{ '--wall-weight': wallWeight(route, lang) } as CSSProperties}
          >
            <h4 id={`${id}-${route.route}`}>
              {!scenario && route.order !== null ? `${route.order}. ` : ''}
              {t(route.name)}
            </h4>
            {route.recommended ? <p className="wall-route__tag">{t({ sv: '★ Rekommenderas för scenariot', en: '★ Recommended for the scenario' })}</p> : null}
            <p className="wall-route__basis">{route.legalBasis}</p>
            {route.groups.map((group) => (
              <div key={group.kind} className="wall-route__block">
                <p className="wall-route__group">
                  {group.kind === 'requirement' ? t({ sv: 'Krav – alla måste vara ja', en: 'Requirements – all must be yes' }) : t({ sv: 'Grunder – minst en ja', en: 'Grounds – at least one yes' })}
                </p>
                <ol className="wall-route__questions">
                  {group.questions.map((q) => (
                    <li key={q.ruleId} className="wall-question" data-rule={q.ruleId}>
                      <p className="wall-question__text">{t(q.question)}?</p>
                      {q.figures.map((figure) => (
                        <p key={figure.sv} className="wall-question__figure">
                          {t(figure)}
                        </p>
                      ))}
                      <p className="wall-route__law">{q.legalBasis}</p>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        ))}
      </div>
      <p className="wall-sheet__foot">{t({ sv: 'Vägval ger stöd, inte juridisk rådgivning. Kontrollera alltid mot källorna.', en: 'Vägval gives support, not legal advice. Always check against the sources.' })}</p>
    </section>
  );
}
