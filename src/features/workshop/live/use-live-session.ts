import { useEffect, useState } from 'react';
import type { PublicSessionState, SessionProblem } from '../../../shared/workshop-session';
import { sessionBase } from './session-client';

/** How a followed session ended: by the trainer, after hours idle, or lost (the server no longer knows it). */
export type SessionEnd = { by: 'trainer' | 'idle' | 'lost'; message: string };

/**
 * A break in the stream that the session came back from: the server restarted (it has a new start time), the
 * computer slept (its clock jumped), or the connection was lost a while. The answers counted before and after
 * tell whether anything was lost.
 */
export type Resumption = { cause: 'restart' | 'sleep' | 'network'; from: number; to: number; answeredBefore: number; answeredNow: number; participants: number };

/**
 * `interruptedSince`: the stream is broken and the browser is trying again (the server is down or the network
 * gone). `refused`: the server would not hold one more stream, with its Swedish reason.
 */
export type LiveSession = {
  state: PublicSessionState | null;
  closed: boolean;
  ended?: SessionEnd | null;
  refused?: string | null;
  interruptedSince?: number | null;
  resumed?: Resumption | null;
};

export const lostMessage = (code: string) =>
  `Servern känner inte längre till sessionen ${code}: den gick förlorad, till exempel när kursledarens dator startades om utan att spara den. Svaren i den finns inte kvar.`;

/**
 * Why a stream broke for good: the session ended (410, who ended it), it is unknown (404: lost), it is still there
 * (the stream only broke), or the server cannot be reached (down or restarting: try again).
 */
async function whyGone(code: string): Promise<SessionEnd | 'alive' | 'unreachable'> {
  let response: Response;
  try {
    response = await fetch(`${sessionBase}/${encodeURIComponent(code)}/state`, { cache: 'no-store' });
  } catch {
    return 'unreachable';
  }
  if (response.ok) return 'alive';
  const body = (await response.json().catch(() => null)) as SessionProblem | null;
  if (response.status === 410) return { by: body?.message.includes('utan aktivitet') ? 'idle' : 'trainer', message: body?.message ?? '' };
  if (response.status === 404 && body?.error === 'no-session') return { by: 'lost', message: lostMessage(code) };
  // Anything else (a proxy's 502, a server still starting) is not an answer about the session.
  return 'unreachable';
}

/** How soon a stream the browser gave up on is tried again. */
const retryMs = 2_000;

/** A tick later than this after the one before means the computer slept (timers do not run while it sleeps). */
const tickMs = 5_000;
const sleptAfterMs = 30_000;

/**
 * Follows a session over Server-Sent Events: its state as it changes, whether and how it ended, and every break
 * it came back from. While the server restarts the EventSource reconnects by itself and the session carries on
 * where it was; the screens say that it was away, why, and whether the answers are all still there.
 */
export function useLiveSession(code: string | null): LiveSession {
  const [live, setLive] = useState<LiveSession & { code: string | null }>({ code, state: null, closed: false });
  useEffect(() => {
    if (!code) return;
    let stopped = false;
    let serverStartedAt: number | null = null;
    let restarted = false;
    let lastState: PublicSessionState | null = null;
    let brokenSince: number | null = null;
    let slept: { from: number; to: number } | null = null;
    let source: EventSource;
    let retry: ReturnType<typeof setTimeout> | null = null;

    const resumed = (state: PublicSessionState, cause: Resumption['cause'], from: number, to: number): Resumption => ({
      cause,
      from,
      to,
      answeredBefore: lastState?.answered ?? state.answered,
      answeredNow: state.answered,
      participants: state.participants,
    });

    const connect = () => {
      source = new EventSource(`${sessionBase}/${encodeURIComponent(code)}/events`);
      source.addEventListener('server', (event) => {
        const { startedAt } = JSON.parse((event as MessageEvent<string>).data) as { startedAt: number };
        if (serverStartedAt !== null && startedAt !== serverStartedAt) restarted = true;
        serverStartedAt = startedAt;
      });
      source.addEventListener('state', (event) => {
        const state = JSON.parse((event as MessageEvent<string>).data) as PublicSessionState;
        const now = Date.now();
        let back: Resumption | null = null;
        if (brokenSince !== null && lastState) back = resumed(state, restarted ? 'restart' : slept ? 'sleep' : 'network', slept?.from ?? brokenSince, now);
        else if (slept) back = resumed(state, 'sleep', slept.from, slept.to);
        brokenSince = null;
        slept = null;
        restarted = false;
        lastState = state;
        setLive((l) => ({ code, state, closed: false, interruptedSince: null, resumed: back ?? (l.code === code ? l.resumed : null) }));
      });
      source.addEventListener('refused', (event) => {
        source.close();
        const { message } = JSON.parse((event as MessageEvent<string>).data) as { message: string };
        setLive((l) => ({ ...l, code, refused: message }));
      });
      source.addEventListener('closed', (event) => {
        source.close();
        const data = JSON.parse((event as MessageEvent<string>).data || '{}') as Partial<SessionEnd>;
        setLive((l) => ({ ...l, code, closed: true, interruptedSince: null, ended: { by: data.by ?? 'trainer', message: data.message ?? '' } }));
      });
      source.onerror = () => {
        // The server is away (stopped, restarting, asleep, the network gone): say so while the browser tries again.
        if (brokenSince === null) {
          brokenSince = Date.now();
          const since = brokenSince;
          setLive((l) => ({ ...l, code, interruptedSince: since }));
        }
        if (source.readyState !== EventSource.CLOSED) return;
        // The browser gave up (an error answer, or a refused connection): the state endpoint says whether the session
        // ended, was lost or is still there, so that neither screen is told something untrue; otherwise try again.
        void whyGone(code).then((why) => {
          if (stopped) return;
          if (why === 'alive' || why === 'unreachable') retry = setTimeout(connect, retryMs);
          else setLive((l) => ({ ...l, code, closed: true, interruptedSince: null, ended: why }));
        });
      };
    };
    connect();

    let lastTick = Date.now();
    const ticker = setInterval(() => {
      const now = Date.now();
      if (now - lastTick > sleptAfterMs) {
        slept = { from: lastTick, to: now };
        // A stream that survived the sleep (loopback) sends nothing new: say at once that the computer was away.
        if (brokenSince === null && lastState) {
          const back = resumed(lastState, 'sleep', lastTick, now);
          slept = null;
          setLive((l) => ({ ...l, code, resumed: back }));
        }
      }
      lastTick = now;
    }, tickMs);
    return () => {
      stopped = true;
      clearInterval(ticker);
      if (retry) clearTimeout(retry);
      source.close();
    };
  }, [code]);
  return live.code === code ? live : { state: null, closed: false };
}
