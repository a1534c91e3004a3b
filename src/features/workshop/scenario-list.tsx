import { useId } from 'react';
import { organisationIds, type OrganisationId } from '../../engine/answers-schema';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from '../../i18n/i18n';
import type { Scenario } from './scenarios/scenario-schema';
import { workshopHash } from './workshop-route';

/** The scenario library, by organisation: the five organisations' own purchases first, then the brief's other cases. */
export function ScenarioList({ ruleset, scenarios }: { ruleset: Ruleset; scenarios: readonly Scenario[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const byOrganisation = organisationIds
    .map((org) => ({
      org,
      items: scenarios.filter((s) => s.organisation === org).sort((a, b) => a.title[lang].localeCompare(b.title[lang], lang)),
    }))
    .filter((g) => g.items.length > 0);
  const groupName = (org: OrganisationId) =>
    org === 'other' ? t({ sv: 'Fall från andra kommuner och myndigheter', en: 'Cases from other municipalities and authorities' }) : ruleset.overlays[org].name;
  return (
    <section className="scenario-library" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t({ sv: 'Verkstad: scenarier för utbildning', en: 'Workshop: scenarios for training' })}</h2>
      <p className="scenario-library__intro">
        {t({
          sv: `${scenarios.length} verklighetsnära köp, vart och ett med en berättelse, svaren, facit och en lärdom. Öppna ett scenario, låt gruppen svara fråga för fråga, visa bedömningen med skälen, pröva två "tänk om" och visa beslutsträdet.`,
          en: `${scenarios.length} realistic purchases, each with a story, the answers, the answer key and a teaching point. Open a scenario, let the group answer question by question, show the assessment with its reasons, try two what-ifs and show the decision tree.`,
        })}
      </p>
      {byOrganisation.map(({ org, items }) => (
        <section key={org} className="scenario-library__group" aria-labelledby={`${id}-${org}`}>
          <h3 id={`${id}-${org}`}>{groupName(org)}</h3>
          <ul className="scenario-list">
            {items.map((s) => (
              <li key={s.id} className="scenario-card" data-scenario={s.id}>
                <h4 className="scenario-card__title">
                  <a href={workshopHash({ view: 'scenario', id: s.id, part: 'group' })}>{t(s.title)}</a>
                </h4>
                <p className="scenario-card__summary">{t(s.summary)}</p>
                <p className="scenario-card__meta">
                  {ruleset.overlays[s.organisation].name} · {s.answers.decisionDate}
                  {s.basedOn ? <span className="tag">{t({ sv: 'fall ur lagöversikten', en: 'case from the law brief' })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
