import { useMemo } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import type { ConditionTrace } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import { stepTitles } from '../../../guide/step-titles';
import { useI18n } from '../workshop-i18n';
import type { OpenedSession, PublicSessionState } from '../../../shared/workshop-session';
import { JoinPanel } from '../live/join-panel';
import { RoomAnswers } from '../live/room-answers';
import { RoomTree } from '../room-tree/room-tree';
import { whatIfOutcome, type JudgedScenario } from '../scenario-outcome';
import type { Slide } from './deck-slides';
import { OpenSessionButton } from './open-session-button';

const signs = { held: '✓', failed: '✗', unknown: '?' } as const;

function comparisonsOf(trace: ConditionTrace | null): Array<Extract<ConditionTrace, { kind: 'compare' }>> {
  if (!trace) return [];
  if (trace.kind === 'compare') return [trace];
  if (trace.kind === 'not') return comparisonsOf(trace.child);
  return trace.children.flatMap(comparisonsOf);
}

export type SlideProps = {
  ruleset: Ruleset;
  judged: JudgedScenario;
  slide: Slide;
  headingId: string;
  session: OpenedSession | null;
  live: PublicSessionState | null;
  onOpenSession: () => void;
  openingError: string | null;
  onShowRoute: (route: string) => void;
};

/** What one slide shows, in type that scales with the screen (deck.css). */
export function SlideContent({ ruleset, judged, slide, headingId, session, live, onOpenSession, openingError, onShowRoute }: SlideProps) {
  const { t, lang } = useI18n();
  const { scenario, outcome, steps } = judged;
  const whatIfs = useMemo(
    () =>
      (scenario.whatIfs ?? []).map((w) =>
        whatIfOutcome(ruleset, scenario.answers, w.set).routes.map((r) => ({ route: r.route, name: r.name, before: outcome.routes.find((o) => o.route === r.route)!.verdict, after: r.verdict })),
      ),
    [ruleset, scenario, outcome],
  );

  switch (slide.kind) {
    case 'story':
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t(scenario.title)}
          </h2>
          <p className="slide__story">{t(scenario.story)}</p>
          {scenario.basedOn ? (
            <p className="slide__note">
              {t({ sv: 'Bygger på: ', en: 'Based on: ' })}
              {t(scenario.basedOn.text)} {t({ sv: 'Belopp och detaljer är anpassade för övningen.', en: 'Amounts and details are adapted for the exercise.' })}
            </p>
          ) : null}
        </>
      );
    case 'step': {
      const step = steps[slide.step]!;
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: `Steg ${slide.step + 1} av ${steps.length}: `, en: `Step ${slide.step + 1} of ${steps.length}: ` })}
            {t(stepTitles[step.step])}
          </h2>
          <p className="slide__hint">{slide.answers ? t({ sv: 'Svaren i scenariot:', en: "The scenario's answers:" }) : t({ sv: 'Vad svarar gruppen?', en: 'What does the group answer?' })}</p>
          <ul className="slide__questions">
            {step.rows.map((row) => (
              <li key={row.path} data-path={row.path}>
                <span className="slide__question">{t(row.label)}</span>
                {slide.answers ? <span className="slide__answer">{t(row.value)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      );
    }
    case 'answers':
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: 'Vilka vägar är tillåtna – och varför?', en: 'Which routes are allowed – and why?' })}
          </h2>
          <div className="slide__answers">
            <ol className="slide__routes">
              {outcome.routes.map((r) => (
                <li key={r.route}>{t(r.name)}</li>
              ))}
            </ol>
            {session ? (
              <JoinPanel session={session} state={live} />
            ) : (
              <div className="slide__open-session">
                <p>{t({ sv: 'Låt deltagarna svara från mobilen, utan konto.', en: 'Let the participants answer from their phones, with no account.' })}</p>
                <OpenSessionButton onOpen={onOpenSession} error={openingError} />
              </div>
            )}
          </div>
        </>
      );
    case 'reveal':
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: 'Facit', en: 'The answer key' })}
            {live?.phase === 'revealed' ? <span className="slide__subtitle">{t({ sv: ` – och rummets ${live.answered} svar`, en: ` – and the room's ${live.answered} answers` })}</span> : null}
          </h2>
          <ul className="reveal-grid" data-testid="reveal-grid">
            {outcome.routes.map((r) => (
              <li key={r.route} className="reveal-card" data-route={r.route} data-verdict={r.verdict}>
                <h3 className="reveal-card__name">
                  <button type="button" className="reveal-card__link" onClick={() => onShowRoute(r.route)}>
                    {t(r.name)}
                  </button>
                </h3>
                <p className="reveal-card__verdict">
                  <VerdictBadge verdict={r.verdict} lang={lang} />
                </p>
                <p className="reveal-card__reason">{r.reasons[0] ? t(r.reasons[0].title) : t({ sv: 'Svar saknas.', en: 'Answers are missing.' })}</p>
                {live?.phase === 'revealed' && live.distribution ? <RoomAnswers route={r.route} distribution={live.distribution} keyVerdict={r.verdict} /> : null}
              </li>
            ))}
          </ul>
        </>
      );
    case 'route': {
      const route = outcome.routes.find((r) => r.route === slide.route)!;
      const held = route.trace.filter((r) => r.result === 'held');
      const failed = route.trace.filter((r) => r.result !== 'held');
      const deciding = new Set(route.reasons.map((r) => r.ruleId));
      const list = (reasons: typeof route.trace) => (
        <ul className="slide__reasons">
          {reasons.map((r) => (
            <li key={r.ruleId} className={deciding.has(r.ruleId) ? 'is-decisive' : undefined}>
              <p className="slide__reason-title">
                <span aria-hidden="true">{signs[r.result]} </span>
                {t(r.title)}
                {deciding.has(r.ruleId) ? <span className="tag">{t({ sv: 'avgörande', en: 'decisive' })}</span> : null}
              </p>
              {deciding.has(r.ruleId) ? <p className="slide__explanation">{t(r.explanation)}</p> : null}
              {deciding.has(r.ruleId)
                ? comparisonsOf(r.trace)
                    .filter((c) => c.result === r.result)
                    .slice(0, 2)
                    .map((c, i) => (
                      <p key={i} className="slide__comparison">
                        {t(c.text)}
                      </p>
                    ))
                : null}
              <p className="slide__law">{r.legalBasis}</p>
            </li>
          ))}
        </ul>
      );
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t(route.name)} <VerdictBadge verdict={route.verdict} lang={lang} />
          </h2>
          <div className="slide__why">
            {held.length > 0 ? (
              <section aria-labelledby={`${headingId}-why`}>
                <h3 id={`${headingId}-why`}>{t({ sv: 'Varför: det här håller', en: 'Why: this holds' })}</h3>
                {list(held)}
              </section>
            ) : null}
            {failed.length > 0 ? (
              <section aria-labelledby={`${headingId}-why-not`}>
                <h3 id={`${headingId}-why-not`}>{t({ sv: 'Varför inte: det här håller inte', en: 'Why not: this does not hold' })}</h3>
                {list(failed)}
              </section>
            ) : null}
          </div>
        </>
      );
    }
    case 'what-if': {
      const whatIf = scenario.whatIfs![slide.index]!;
      const changed = whatIfs[slide.index]!.filter((r) => r.before !== r.after);
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: 'Tänk om …', en: 'What if …' })}
          </h2>
          <p className="slide__story">{t(whatIf.label)}</p>
          {slide.shown ? (
            <ul className="slide__changes">
              {changed.map((r) => (
                <li key={r.route} data-route={r.route} data-verdict={r.after}>
                  {t(r.name)}: <VerdictBadge verdict={r.before} lang={lang} /> <span aria-label={t({ sv: 'blir', en: 'becomes' })}>→</span>{' '}
                  <VerdictBadge verdict={r.after} lang={lang} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="slide__hint">{t({ sv: 'Vad ändras? Låt gruppen gissa.', en: 'What changes? Let the group guess.' })}</p>
          )}
        </>
      );
    }
    case 'tree':
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: 'Beslutsträdet', en: 'The decision tree' })}
          </h2>
          <RoomTree outcome={outcome} headingLevel={3} fullScreenButton={false} />
        </>
      );
    case 'take-away':
      return (
        <>
          <h2 id={headingId} className="slide__title">
            {t({ sv: 'Det här tar vi med oss', en: 'What we take home' })}
          </h2>
          <p className="slide__story">{t(scenario.teachingPoint)}</p>
          {scenario.discussion && scenario.discussion.length > 0 ? (
            <>
              <h3>{t({ sv: 'Att diskutera', en: 'To discuss' })}</h3>
              <ul className="slide__discussion">
                {scenario.discussion.map((q, i) => (
                  <li key={i}>{t(q)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      );
  }
}
