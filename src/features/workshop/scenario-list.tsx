import { useId } from 'react';
import { organisationIds, type OrganisationId } from '../../engine/answers-schema';
import { buyerName } from '../../engine/buyers';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from './workshop-i18n';
import type { Scenario, ScenarioDifficulty } from '../../scenarios/scenario-schema';
import type { VisibleFields } from '../../guide/relevance';
import { CustomLibrary } from './builder/custom-library';
import { workshopHash } from './workshop-route';

const sessionPlan: Array<{ time: string; text: Localized }> = [
  {
    time: '0–3',
    text: {
      sv: 'Öppna ett scenario nedan, slå på Presentationsläge och läs berättelsen högt.',
      en: 'Open a scenario below, turn on Presenter view and read the story aloud.',
    },
  },
  {
    time: '3–13',
    text: {
      sv: 'Gruppövning: låt gruppen svara på varje fråga och klicka sedan Visa svar; Nästa steg tar er vidare.',
      en: 'Group exercise: let the group answer each question, then click Show answer; Next step moves on.',
    },
  },
  {
    time: '13–20',
    text: {
      sv: 'Fråga vilka vägar som är tillåtna och vilken som rekommenderas. Klicka Visa bedömning och gå igenom varför och varför inte.',
      en: 'Ask which routes are allowed and which is recommended. Click Show the assessment and go through why and why not.',
    },
  },
  {
    time: '20–26',
    text: {
      sv: 'Tänk om: ta scenariots två förslag, låt gruppen gissa och pröva dem i panelen.',
      en: "What if: take the scenario's two suggestions, let the group guess and try them in the panel.",
    },
  },
  { time: '26–29', text: { sv: 'Beslutsträd: visa var svaren leder i reglerna.', en: 'Decision tree: show where the answers lead in the rules.' } },
  {
    time: '29–30',
    text: {
      sv: 'Sammanfatta med lärdomen, och visa att köpet kan öppnas i guiden (Öppna i guiden).',
      en: 'Sum up with the teaching point, and show that the purchase can be opened in the guide (Open in the guide).',
    },
  },
];

export const difficultyWords: Record<ScenarioDifficulty, Localized> = {
  introductory: { sv: 'Grundnivå', en: 'Introductory' },
  intermediate: { sv: 'Fortsättning', en: 'Intermediate' },
  advanced: { sv: 'Fördjupning', en: 'Advanced' },
};

/** The scenario library, by organisation: the five organisations' own purchases first, then the brief's other cases. */
export function ScenarioList({
  ruleset,
  scenarios,
  custom = [],
  visibleFields,
}: {
  ruleset: Ruleset;
  scenarios: readonly Scenario[];
  custom?: readonly Scenario[];
  visibleFields?: VisibleFields;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const byOrganisation = organisationIds
    .map((org) => ({
      org,
      items: scenarios.filter((s) => s.organisation === org).sort((a, b) => a.title[lang].localeCompare(b.title[lang], lang)),
    }))
    .filter((g) => g.items.length > 0);
  const groupName = (org: OrganisationId) =>
    org === 'other' ? t({ sv: 'Fall från andra kommuner och myndigheter', en: 'Cases from other municipalities and authorities' }) : buyerName(ruleset, org, lang);
  return (
    <section className="scenario-library" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t({ sv: 'Verkstad: scenarier för utbildning', en: 'Workshop: scenarios for training' })}</h2>
      <p className="scenario-library__intro">
        {t({
          sv: `${scenarios.length} verklighetsnära köp, vart och ett med en berättelse, svaren, facit och en lärdom. Öppna ett scenario, låt gruppen svara fråga för fråga, visa bedömningen med skälen, pröva två "tänk om" och visa beslutsträdet.`,
          en: `${scenarios.length} realistic purchases, each with a story, the answers, the answer key and a teaching point. Open a scenario, let the group answer question by question, show the assessment with its reasons, try two what-ifs and show the decision tree.`,
        })}
      </p>
      <details className="session-plan">
        <summary>{t({ sv: 'Så kör du ett pass på 30 minuter', en: 'How to run a 30-minute session' })}</summary>
        <ol>
          {sessionPlan.map((step, i) => (
            <li key={i}>
              <strong>{step.time}</strong> {t(step.text)}
            </li>
          ))}
        </ol>
        <p>
          {t({
            sv: 'Skriv gärna ut handouten i förväg (fliken Handout i scenariot): sidan 1 till grupperna, facit till dig. Hela guiden för kursledare finns i docs/workshop.md.',
            en: "Print the hand-out beforehand if you like (the scenario's Hand-out tab): page 1 for the groups, the answer key for you. The full trainer's guide is docs/workshop.md.",
          })}
        </p>
      </details>
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
                <p className="scenario-card__teaches">
                  <strong>{t({ sv: 'Lär ut: ', en: 'Teaches: ' })}</strong>
                  {t(s.teaches)}
                </p>
                <p className="scenario-card__facts" data-minutes={s.minutes} data-difficulty={s.difficulty}>
                  <span>{t({ sv: `Tid: ${s.minutes} min`, en: `Time: ${s.minutes} min` })}</span>
                  <span aria-hidden="true"> · </span>
                  <span>
                    {t({ sv: 'Nivå: ', en: 'Level: ' })}
                    {t(difficultyWords[s.difficulty])}
                  </span>
                </p>
                <p className="scenario-card__meta">
                  {buyerName(ruleset, s.organisation, lang)} · {s.answers.decisionDate}
                  {s.basedOn ? <span className="tag">{t({ sv: 'fall ur lagöversikten', en: 'case from the law brief' })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {visibleFields ? <CustomLibrary ruleset={ruleset} visibleFields={visibleFields} custom={custom} builtInIds={scenarios.map((s) => s.id)} /> : null}
    </section>
  );
}
