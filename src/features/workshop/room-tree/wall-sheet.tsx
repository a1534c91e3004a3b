import { useId, useMemo } from 'react';
import type { Ruleset } from '../../../engine/ruleset';
import { useI18n } from '../workshop-i18n';
import { deriveDecisionTree } from '../decision-tree/decision-tree-model';
import './room-tree.css';

/**
 * The decisive questions of every route on one A3 sheet for the wall: each route's requirements (all must be
 * yes) and grounds (one yes is enough), as questions with their legal basis, for the rules in force on `date`.
 * Read from the rule set, so a rule change reaches the wall with the next print.
 */
export function WallSheet({ ruleset, date }: { ruleset: Ruleset; date: string }) {
  const { t } = useI18n();
  const id = useId();
  const model = useMemo(() => deriveDecisionTree(ruleset, { date }), [ruleset, date]);
  return (
    <section className="wall-sheet" aria-labelledby={`${id}-heading`} data-testid="wall-sheet">
      <h3 id={`${id}-heading`}>{t({ sv: 'Fyra vägar – de avgörande frågorna', en: 'Four routes – the decisive questions' })}</h3>
      <p className="wall-sheet__meta">
        {t({ sv: `Regler i kraft ${date}, regeluppsättning ${model.rulesetVersion}. Vägarna i den ordning de rekommenderas.`, en: `Rules in force on ${date}, rule set ${model.rulesetVersion}. The routes in their order of recommendation.` })}
      </p>
      <div className="wall-sheet__routes">
        {model.routes.map((route) => (
          <section key={route.route} className="wall-route" aria-labelledby={`${id}-${route.route}`}>
            <h4 id={`${id}-${route.route}`}>
              {route.order !== null ? `${route.order}. ` : ''}
              {t(route.name)}
            </h4>
            <p className="wall-route__basis">{route.legalBasis}</p>
            {route.groups
              .filter((g) => g.groupKind !== 'follow-up')
              .map((group) => (
                <div key={group.id}>
                  <p className="wall-route__group">
                    {group.groupKind === 'requirement' ? t({ sv: 'Krav – alla måste vara ja', en: 'Requirements – all must be yes' }) : t({ sv: 'Grunder – minst en ja', en: 'Grounds – at least one yes' })}
                  </p>
                  <ol>
                    {group.rules.map((rule) => (
                      <li key={rule.id}>
                        <strong>{t(rule.title)}?</strong> <span className="wall-route__law">{rule.legalBasis}</span>
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
