import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedSession } from '../../../shared/workshop-session';

/** What the projected deck and the trainer's window share. */
export type DeckState = {
  slide: number;
  /** When the trainer started the timer (ms since the epoch), null before. */
  startedAt: number | null;
  /** The phones' session, with the trainer's token: it never leaves this browser (BroadcastChannel is same-origin). */
  session: OpenedSession | null;
  /** Why the session on screen went away when the trainer did not end it (the server lost it), in Swedish. */
  sessionGone: string | null;
  /** The newest change wins when both windows speak at once. */
  updatedAt: number;
};

const initial: DeckState = { slide: 0, startedAt: null, session: null, sessionGone: null, updatedAt: 0 };
type Message = { type: 'hello' } | { type: 'state'; state: DeckState };

const storageKey = (scenarioId: string) => `vagval.workshop.deck.${scenarioId}`;

function load(scenarioId: string): DeckState {
  try {
    const saved = sessionStorage.getItem(storageKey(scenarioId));
    if (saved) return { ...initial, ...(JSON.parse(saved) as Partial<DeckState>) };
  } catch {
    // No storage (private mode): start at the first slide.
  }
  return initial;
}

function save(scenarioId: string, state: DeckState) {
  try {
    sessionStorage.setItem(storageKey(scenarioId), JSON.stringify(state));
  } catch {
    // The deck still works; a reload starts over.
  }
}

/**
 * The deck's state, kept in step between the projected window and the trainer's over a BroadcastChannel:
 * either window may page, and a window opened later asks the other for where the deck stands.
 */
export function useDeckState(scenarioId: string): [DeckState, (patch: Partial<Omit<DeckState, 'updatedAt'>>) => void] {
  const [state, setState] = useState<DeckState>(() => load(scenarioId));
  const current = useRef(state);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(`vagval-workshop-deck-${scenarioId}`);
    channel.current = ch;
    ch.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.type === 'hello') ch.postMessage({ type: 'state', state: current.current } satisfies Message);
      else if (message.type === 'state' && message.state.updatedAt > current.current.updatedAt) {
        current.current = message.state;
        save(scenarioId, message.state);
        setState(message.state);
      }
    };
    ch.postMessage({ type: 'hello' } satisfies Message);
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [scenarioId]);

  const update = useCallback(
    (patch: Partial<Omit<DeckState, 'updatedAt'>>) => {
      const next = { ...current.current, ...patch, updatedAt: Math.max(Date.now(), current.current.updatedAt + 1) };
      current.current = next;
      save(scenarioId, next);
      setState(next);
      channel.current?.postMessage({ type: 'state', state: next } satisfies Message);
    },
    [scenarioId],
  );
  return [state, update];
}
