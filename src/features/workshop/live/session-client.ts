import { useEffect, useState } from 'react';
import type { AnswerRequest, JoinedSession, OpenedSession, OpenSessionRequest, PublicSessionState, SessionProblem } from '../../../shared/workshop-session';

/** The server's refusal, with its Swedish message for the person holding the phone or the clicker. */
export class SessionRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: SessionProblem['problems'] = [],
  ) {
    super(message);
    this.name = 'SessionRequestError';
  }
}

const base = '/api/workshop/sessions';

async function post<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new SessionRequestError(0, 'offline', 'Servern svarar inte. Kontrollera att mobilen är på samma nätverk som kursledarens dator.');
  }
  const data = (await response.json().catch(() => null)) as (T & Partial<SessionProblem>) | null;
  if (!response.ok || data === null) {
    throw new SessionRequestError(response.status, data?.error ?? 'unknown', data?.message ?? `Servern svarade ${response.status}.`, data?.problems ?? []);
  }
  return data;
}

export const sessionApi = {
  open: (request: OpenSessionRequest) => post<OpenedSession>('', request),
  join: (code: string) => post<JoinedSession>(`/${encodeURIComponent(code)}/join`, {}),
  answer: (code: string, request: AnswerRequest) => post<{ ok: true }>(`/${encodeURIComponent(code)}/answer`, request),
  reveal: (code: string, trainerToken: string) => post<PublicSessionState>(`/${encodeURIComponent(code)}/reveal`, { trainerToken }),
  reopen: (code: string, trainerToken: string) => post<PublicSessionState>(`/${encodeURIComponent(code)}/reopen`, { trainerToken }),
  close: (code: string, trainerToken: string) => post<{ ok: true }>(`/${encodeURIComponent(code)}/close`, { trainerToken }),
  qrUrl: (code: string) => `${base}/${encodeURIComponent(code)}/qr.svg`,
};

export type LiveSession = { state: PublicSessionState | null; closed: boolean };

/** Follows a session over Server-Sent Events: its state as it changes, and whether it has been closed. */
export function useLiveSession(code: string | null): LiveSession {
  const [live, setLive] = useState<LiveSession & { code: string | null }>({ code, state: null, closed: false });
  useEffect(() => {
    if (!code) return;
    const source = new EventSource(`${base}/${encodeURIComponent(code)}/events`);
    source.addEventListener('state', (event) => setLive({ code, state: JSON.parse((event as MessageEvent<string>).data) as PublicSessionState, closed: false }));
    source.addEventListener('closed', () => {
      source.close();
      setLive((l) => ({ ...l, code, closed: true }));
    });
    // A session that no longer exists answers the stream with 404: EventSource then gives up (readyState CLOSED).
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setLive((l) => ({ ...l, code, closed: true }));
    };
    return () => source.close();
  }, [code]);
  return live.code === code ? live : { state: null, closed: false };
}
