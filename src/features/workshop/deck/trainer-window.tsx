import { useEffect, useId, useState } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { useI18n } from '../workshop-i18n';
import { DiscussionQuestions } from '../discussion-questions';
import { RoomAnswers } from '../live/room-answers';
import { sessionApi } from '../live/session-client';
import type { JudgedScenario } from '../scenario-outcome';
import { workshopHash } from '../workshop-route';
import { phaseOf, sessionPlan } from './deck-slides';
import { useDeck } from './deck';
import { OpenSessionButton } from './open-session-button';
import { CloseSessionButton } from './close-session-button';
import { PresenterConnectionNotice } from '../live/connection-notice';
import './deck.css';

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

const whysTitle = { sv: 'Deltagarnas varför', en: "The participants' whys" };

/**
 * The trainer's own window, beside the projected deck: where the deck stands and what comes next, the answer
 * key, the questions to discuss, the phones' session and a timer against the 30-minute plan. It pages the deck
 * (buttons or the same keys) and follows it, over a BroadcastChannel.
 */
export function TrainerWindow({ judged }: { judged: JudgedScenario }) {
  const { t, slides, deck, update, index, slide, live, goTo, openSession, closeSession, openingError, title } = useDeck(judged);
  const { lang } = useI18n();
  const id = useId();
  const now = useNow(deck.startedAt !== null);
  const { scenario, outcome } = judged;
  const elapsedMin = deck.startedAt === null ? 0 : (now - deck.startedAt) / 60000;
  const planned = sessionPlan.find((p) => elapsedMin < p.to) ?? sessionPlan[sessionPlan.length - 1]!;
  const onSlide = phaseOf(slide);
  const behind = deck.startedAt !== null && elapsedMin > onSlide.to ? Math.ceil(elapsedMin - onSlide.to) : 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, a')) return;
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) goTo(index + 1);
      else if (['ArrowLeft', 'PageUp'].includes(event.key)) goTo(index - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, index]);

  useEffect(() => {
    document.title = `${t({ sv: 'Kursledaren', en: 'Trainer' })}: ${t(scenario.title)} – Vägval`;
  }, [t, scenario.title]);

  const session = deck.session;
  return (
    <div className="trainer-window">
      <header className="trainer-window__header">
        <h2 tabIndex={-1}>
          {t({ sv: 'Kursledarens fönster: ', en: "Trainer's window: " })}
          {t(scenario.title)}
        </h2>
        <p>
          {t({
            sv: 'Det här fönstret följer presentationen på projektorn och styr den. Visa det bara på din egen skärm.',
            en: 'This window follows the deck on the projector and drives it. Show it on your own screen only.',
          })}{' '}
          <a href={workshopHash({ view: 'deck', id: scenario.id })}>{t({ sv: 'Öppna presentationen här', en: 'Open the deck here' })}</a>
        </p>
      </header>

      <div className="trainer-window__grid">
        <section className="trainer-card trainer-now" aria-labelledby={`${id}-now`}>
          <h3 id={`${id}-now`}>{t({ sv: 'Nu på projektorn', en: 'On the projector now' })}</h3>
          <p className="trainer-now__slide" data-testid="trainer-slide">
            {t({ sv: `Bild ${index + 1} av ${slides.length}: `, en: `Slide ${index + 1} of ${slides.length}: ` })}
            <strong>{t(title(index))}</strong>
          </p>
          <p>
            {t({ sv: 'Nästa: ', en: 'Next: ' })}
            {index + 1 < slides.length ? t(title(index + 1)) : t({ sv: 'slut', en: 'the end' })}
          </p>
          <div className="trainer-now__actions">
            <button type="button" className="button button--secondary" onClick={() => goTo(index - 1)} disabled={index === 0}>
              {t({ sv: '← Föregående', en: '← Previous' })}
            </button>
            <button type="button" className="button" onClick={() => goTo(index + 1)} disabled={index === slides.length - 1}>
              {t({ sv: 'Nästa →', en: 'Next →' })}
            </button>
          </div>
          <details className="trainer-now__all">
            <summary>{t({ sv: 'Alla bilder', en: 'Every slide' })}</summary>
            <ol>
              {slides.map((_, i) => (
                <li key={i}>
                  {i === index ? (
                    <span aria-current="step">{t(title(i))}</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => goTo(i)}>
                      {t(title(i))}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </details>
        </section>

        <section className="trainer-card trainer-timer" aria-labelledby={`${id}-timer`}>
          <h3 id={`${id}-timer`}>{t({ sv: 'Tid: passet på 30 minuter', en: 'Time: the 30-minute session' })}</h3>
          <p className="trainer-timer__clock" data-testid="trainer-clock">
            {clock(deck.startedAt === null ? 0 : now - deck.startedAt)}
            <span className="trainer-timer__of"> / 30:00</span>
          </p>
          {deck.startedAt === null ? (
            <button type="button" className="button" onClick={() => update({ startedAt: Date.now() })}>
              {t({ sv: 'Starta tiden', en: 'Start the clock' })}
            </button>
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={() => update({ startedAt: null })}>
              {t({ sv: 'Nollställ tiden', en: 'Reset the clock' })}
            </button>
          )}
          <p>
            {t({ sv: `Enligt planen (${planned.from}–${planned.to} min): `, en: `By the plan (${planned.from}–${planned.to} min): ` })}
            {t(planned.text)}
          </p>
          {behind > 0 ? (
            <p className="notice notice--warning">
              {t({ sv: `Ni ligger ungefär ${behind} min efter planen.`, en: `You are about ${behind} min behind the plan.` })}
            </p>
          ) : null}
          <ol className="trainer-timer__plan">
            {sessionPlan.map((p) => (
              <li key={p.id} aria-current={p.id === onSlide.id ? 'step' : undefined}>
                <strong>
                  {p.from}–{p.to}
                </strong>{' '}
                {t(p.text)}
              </li>
            ))}
          </ol>
        </section>

        <section className="trainer-card" aria-labelledby={`${id}-key`}>
          <h3 id={`${id}-key`}>{t({ sv: 'Facit', en: 'The answer key' })}</h3>
          <ul className="trainer-key">
            {outcome.routes.map((r) => (
              <li key={r.route} data-route={r.route}>
                <strong>{t(r.name)}</strong> <VerdictBadge verdict={r.verdict} lang={lang} />
                <br />
                {r.reasons[0] ? t(r.reasons[0].title) : null}
                {live.state?.phase === 'revealed' && live.state.distribution ? <RoomAnswers route={r.route} distribution={live.state.distribution} keyVerdict={r.verdict} /> : null}
              </li>
            ))}
          </ul>
          <h4>{t({ sv: 'Lärdomen', en: 'The teaching point' })}</h4>
          <p>{t(scenario.teachingPoint)}</p>
          <DiscussionQuestions scenario={scenario} />
        </section>

        <section className="trainer-card" aria-labelledby={`${id}-phones`}>
          <h3 id={`${id}-phones`}>{t({ sv: 'Svar från mobiler', en: 'Answers from phones' })}</h3>
          {session ? (
            <>
              <PresenterConnectionNotice live={live} where="trainer" />
              <p>
                {t({ sv: 'Kod: ', en: 'Code: ' })}
                <strong>{session.code}</strong>
                {session.joinUrls[0] ? ` · ${session.joinUrls[0]}` : ''}
              </p>
              <p role="status">
                {live.state
                  ? t({ sv: `${live.state.answered} av ${live.state.participants} har svarat.`, en: `${live.state.answered} of ${live.state.participants} have answered.` })
                  : t({ sv: 'Ansluter…', en: 'Connecting…' })}{' '}
                {live.state?.phase === 'revealed' ? t({ sv: 'Facit är visat.', en: 'The key is shown.' }) : ''}
              </p>
              <div className="trainer-now__actions">
                {live.state?.phase === 'revealed' ? (
                  <button type="button" className="button button--secondary" onClick={() => void sessionApi.reopen(session.code, session.trainerToken)}>
                    {t({ sv: 'Dölj facit, låt dem svara igen', en: 'Hide the key, let them answer again' })}
                  </button>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => void sessionApi.reveal(session.code, session.trainerToken)}>
                    {t({ sv: 'Visa facit för rummet', en: 'Reveal to the room' })}
                  </button>
                )}
                <CloseSessionButton answered={live.state?.answered ?? null} onClose={() => void closeSession()} />
              </div>
              {live.state?.whys && live.state.whys.length > 0 ? (
                <>
                  <h4>{t(whysTitle)}</h4>
                  {/* A long list scrolls in its box: focusable and named, so the keyboard can reach and scroll it too. */}
                  <div className="trainer-whys" role="region" tabIndex={0} aria-label={t(whysTitle)} data-testid="trainer-whys">
                    <ul>
                      {live.state.whys.map((why, i) => (
                        <li key={i}>{why}</li>
                      ))}
                    </ul>
                  </div>
                </>
              ) : null}
            </>
          ) : (
            <>
              <p>{t({ sv: 'Ingen session är öppen. Deltagarna svarar utan konto; svaren raderas när du avslutar.', en: 'No session is open. Participants answer with no account; the answers are deleted when you close it.' })}</p>
              <OpenSessionButton onOpen={() => void openSession()} error={openingError} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
