import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Ruleset } from '../../../engine/ruleset';
import { stepTitles } from '../../../guide/step-titles';
import { useI18n } from '../workshop-i18n';
import { sessionApi, SessionRequestError } from '../live/session-client';
import { useLiveSession } from '../live/use-live-session';
import { PresenterConnectionNotice } from '../live/connection-notice';
import type { JudgedScenario } from '../scenario-outcome';
import { workshopHash } from '../workshop-route';
import { deckSlides, slideTitle } from './deck-slides';
import { useDeckState, type DeckState } from './deck-sync';
import { SlideContent } from './slide-content';
import './deck.css';

/** Keys a presentation clicker sends (PageDown/PageUp) besides the arrows and space. */
const forwardKeys = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const backKeys = new Set(['ArrowLeft', 'PageUp']);

/** The deck's pages and the phones' session, shared by the projected deck and the trainer's window. */
export function useDeck(judged: JudgedScenario) {
  const { t } = useI18n();
  const slides = useMemo(() => deckSlides(judged), [judged]);
  const [deck, update] = useDeckState(judged.scenario.id);
  const index = Math.min(Math.max(deck.slide, 0), slides.length - 1);
  const live = useLiveSession(deck.session?.code ?? null);
  const [openingError, setOpeningError] = useState<string | null>(null);

  const goTo = useCallback(
    (slide: number, current: DeckState = deck) => {
      const next = Math.min(Math.max(slide, 0), slides.length - 1);
      update({ slide: next, ...(current.startedAt === null && next !== 0 ? { startedAt: Date.now() } : {}) });
    },
    [deck, slides.length, update],
  );

  const openSession = useCallback(async () => {
    setOpeningError(null);
    try {
      const session = await sessionApi.open({ scenarioId: judged.scenario.id, title: judged.scenario.title });
      update({ session, sessionGone: null });
    } catch (error) {
      setOpeningError(error instanceof SessionRequestError ? error.message : String(error));
    }
  }, [judged.scenario, update]);

  const closeSession = useCallback(async () => {
    const session = deck.session;
    if (!session) return;
    try {
      await sessionApi.close(session.code, session.trainerToken);
    } catch (error) {
      // Already gone (ended for idleness, or lost): nothing left to close.
      if (!(error instanceof SessionRequestError && (error.status === 404 || error.status === 410))) throw error;
    }
    update({ session: null });
  }, [deck.session, update]);

  // A session that ended elsewhere (the other window, or the server's idle timeout) leaves both windows; one the
  // server lost (a restart without its store) says so instead of quietly offering to open a new one.
  useEffect(() => {
    if (!live.closed || !deck.session) return;
    update({ session: null, sessionGone: live.ended && live.ended.by !== 'trainer' ? live.ended.message : null });
  }, [live.closed, live.ended, deck.session, update]);

  const title = (i: number) => slideTitle(slides[i]!, judged, (step) => stepTitles[judged.steps[step]!.step]);
  return { t, slides, deck, update, index, slide: slides[index]!, live, goTo, openSession, closeSession, openingError: openingError ?? deck.sessionGone, title };
}

/**
 * Presenter mode: the scenario as slides for a projector, paged with the arrows, space and a clicker's
 * PageUp/PageDown, in type that scales with the screen. The trainer's window (same browser) follows along.
 */
export function Deck({ ruleset, judged }: { ruleset: Ruleset; judged: JudgedScenario }) {
  const { t, slides, deck, index, slide, live, goTo, openSession, openingError, title } = useDeck(judged);
  const id = useId();
  const stage = useRef<HTMLDivElement>(null);
  const { scenario } = judged;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // Space on a focused button presses it; the clicker's keys and the arrows always page.
      if ((event.key === ' ' || event.key === 'Spacebar') && target?.closest('button')) return;
      if (forwardKeys.has(event.key)) goTo(index + 1);
      else if (backKeys.has(event.key)) goTo(index - 1);
      else if (event.key === 'Home') goTo(0);
      else if (event.key === 'End') goTo(slides.length - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, index, slides.length]);

  // The phones see the distribution when the projector reaches the answer key.
  const session = deck.session;
  const phase = live.state?.phase;
  useEffect(() => {
    if (slide.kind === 'reveal' && session && phase === 'open') void sessionApi.reveal(session.code, session.trainerToken).catch(() => {});
  }, [slide.kind, session, phase]);

  const trainerHref = workshopHash({ view: 'trainer', id: scenario.id });
  return (
    <div className="deck" data-slide={index} data-slide-kind={slide.kind}>
      <div className="deck-bar">
        <p className="deck-bar__title">{t(scenario.title)}</p>
        <p className="deck-bar__count" aria-hidden="true">
          {index + 1} / {slides.length}
        </p>
        <div className="deck-bar__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => goTo(index - 1)} disabled={index === 0}>
            {t({ sv: '← Föregående', en: '← Previous' })}
          </button>
          <button type="button" className="button button--small" onClick={() => goTo(index + 1)} disabled={index === slides.length - 1}>
            {t({ sv: 'Nästa →', en: 'Next →' })}
          </button>
          <a
            className="button button--secondary button--small"
            href={trainerHref}
            target="vagval-trainer"
            onClick={(event) => {
              event.preventDefault();
              window.open(trainerHref, 'vagval-trainer', 'popup,width=1200,height=850');
            }}
          >
            {t({ sv: 'Kursledarens fönster', en: "Trainer's window" })}
          </a>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen();
              else void stage.current?.closest('.deck')?.requestFullscreen?.();
            }}
          >
            {t({ sv: 'Helskärm', en: 'Full screen' })}
          </button>
          <a className="button button--secondary button--small deck-bar__exit" href={workshopHash({ view: 'scenario', id: scenario.id, part: 'group' })}>
            {t({ sv: 'Avsluta presentationsläge', en: 'Leave presenter mode' })}
          </a>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {t({ sv: `Bild ${index + 1} av ${slides.length}: `, en: `Slide ${index + 1} of ${slides.length}: ` })}
        {t(title(index))}
      </p>
      {deck.session ? <PresenterConnectionNotice live={live} where="projector" /> : null}
      <div ref={stage} className={`slide slide--${slide.kind}`} role="region" aria-labelledby={`${id}-heading`}>
        <SlideContent
          ruleset={ruleset}
          judged={judged}
          slide={slide}
          headingId={`${id}-heading`}
          session={deck.session}
          live={live.state}
          onOpenSession={() => void openSession()}
          openingError={openingError}
          onShowRoute={(route) => goTo(slides.findIndex((s) => s.kind === 'route' && s.route === route))}
        />
      </div>
    </div>
  );
}
