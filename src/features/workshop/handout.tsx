import { AnswerList } from '../../components/answer-list';
import { DiscussionQuestions } from './discussion-questions';
import { useId } from 'react';
import { VerdictBadge } from '../../components/verdict-badge';
import { citeSource } from '../../engine/evaluate';
import { CitedQuote } from '../../components/cited-quote';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from './workshop-i18n';
import { stepTitles } from '../../guide/step-titles';
import { ReasonItem } from './route-explanation';
import type { JudgedScenario } from './scenario-outcome';
import { buyerName } from '../../engine/buyers';

/**
 * The printable hand-out: page 1 has the story and the questions with space for the group's answers; after a
 * page break comes the answer key – the answers, each route's verdict with the reasons it rests on and their
 * sources, the teaching point and the sources the scenario refers to.
 */
export function Handout({ ruleset, judged }: { ruleset: Ruleset; judged: JudgedScenario }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { scenario, steps, rows, outcome } = judged;
  const organisation = buyerName(ruleset, scenario.organisation, lang);
  return (
    <div className="handout">
      <div className="handout__toolbar no-print">
        <p>
          {t({
            sv: 'Skriv ut eller spara som PDF. Sidan 1 är berättelsen och frågorna till gruppen; facit börjar på en ny sida.',
            en: 'Print or save as PDF. Page 1 is the story and the questions for the group; the answer key starts on a new page.',
          })}
        </p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t({ sv: 'Skriv ut handouten', en: 'Print the hand-out' })}
        </button>
      </div>

      <article className="handout__sheet handout__questions" aria-labelledby={`${id}-title`}>
        <header className="handout__header">
          <p className="handout__kicker">{t({ sv: 'Vägval – övningsscenario', en: 'Vägval – practice scenario' })}</p>
          <h4 id={`${id}-title`}>{t(scenario.title)}</h4>
          <p className="handout__meta">
            {organisation} · {t({ sv: 'beslutsdatum', en: 'decision date' })} {scenario.answers.decisionDate}
          </p>
        </header>
        <section aria-labelledby={`${id}-story`}>
          <h5 id={`${id}-story`}>{t({ sv: 'Berättelsen', en: 'The story' })}</h5>
          <p>{t(scenario.story)}</p>
        </section>
        <section aria-labelledby={`${id}-questions`}>
          <h5 id={`${id}-questions`}>{t({ sv: 'Frågorna i guiden – vad svarar ni?', en: "The guide's questions – what do you answer?" })}</h5>
          <div className="handout__steps">
          {steps.map((s) => (
            <div key={s.step} className="handout__step">
              <h6>{t(stepTitles[s.step])}</h6>
              <ol className="handout__question-list">
                {s.rows.map((r) => (
                  <li key={r.path}>
                    <span className="handout__blank">
                      <span>{t(r.label)}</span>
                      <span className="handout__line" aria-hidden="true" />
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
          </div>
        </section>
        <section aria-labelledby={`${id}-routes`}>
          <h5 id={`${id}-routes`}>{t({ sv: 'Er bedömning', en: 'Your assessment' })}</h5>
          <p>{t({ sv: 'Tillåten, inte tillåten eller rekommenderad – och varför?', en: 'Allowed, not allowed or recommended – and why?' })}</p>
          <ul className="handout__route-list">
            {outcome.routes.map((r) => (
              <li key={r.route}>
                <span className="handout__blank">
                  <span>{t(r.name)}</span>
                  <span className="handout__line" aria-hidden="true" />
                </span>
                <span className="handout__blank handout__why">
                  <span>{t({ sv: 'Varför:', en: 'Why:' })}</span>
                  <span className="handout__line" aria-hidden="true" />
                </span>
              </li>
            ))}
          </ul>
          <DiscussionQuestions scenario={scenario} />
        </section>
      </article>

      <article className="handout__sheet handout__key" aria-labelledby={`${id}-key`} data-testid="handout-key">
        <header className="handout__header">
          <p className="handout__kicker">{t({ sv: 'Facit – för kursledaren', en: 'Answer key – for the trainer' })}</p>
          <h4 id={`${id}-key`}>{t(scenario.title)}</h4>
        </header>
        <section aria-labelledby={`${id}-answers`}>
          <h5 id={`${id}-answers`}>{t({ sv: 'Svaren', en: 'The answers' })}</h5>
          <AnswerList rows={rows} />
        </section>
        <section aria-labelledby={`${id}-verdicts`}>
          <h5 id={`${id}-verdicts`}>{t({ sv: 'Bedömningen med skäl och källor', en: 'The assessment with reasons and sources' })}</h5>
          {outcome.routes.map((route) => (
            <section key={route.route} className="handout__route" data-route={route.route} data-verdict={route.verdict} aria-labelledby={`${id}-route-${route.route}`}>
              <h6 id={`${id}-route-${route.route}`}>
                {t(route.name)} <VerdictBadge verdict={route.verdict} lang={lang} />
              </h6>
              <ul className="reasons">
                {route.reasons.map((r) => (
                  <ReasonItem key={r.ruleId} reason={r} showConditions={false} />
                ))}
              </ul>
            </section>
          ))}
          <p>
            <strong>{t({ sv: 'Rekommendation: ', en: 'Recommendation: ' })}</strong>
            {t(outcome.recommendation.rationale)}
          </p>
        </section>
        <section aria-labelledby={`${id}-point`}>
          <h5 id={`${id}-point`}>{t({ sv: 'Det här ska gruppen ta med sig', en: 'What the group should take home' })}</h5>
          <p>{t(scenario.teachingPoint)}</p>
        </section>
        <section aria-labelledby={`${id}-sources`}>
          <h5 id={`${id}-sources`}>{t({ sv: 'Källor', en: 'Sources' })}</h5>
          {scenario.basedOn ? (
            <p>
              {t(scenario.basedOn.text)}
              {scenario.basedOn.url ? <> ({scenario.basedOn.url})</> : null}
            </p>
          ) : null}
          {scenario.sources.map((ref) => {
            const source = citeSource(ruleset, ref);
            return source ? <CitedQuote key={`${ref.document}/${ref.excerpt}`} source={source} /> : null;
          })}
          <p className="handout__ruleset">
            {t({ sv: 'Bedömt med Vägvals regelverk ', en: "Judged with Vägval's rule set " })}
            {ruleset.version} ({ruleset.hash.slice(0, 12)}).
          </p>
        </section>
      </article>
    </div>
  );
}
