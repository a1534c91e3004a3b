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

export const sessionBase = '/api/workshop/sessions';
const base = sessionBase;

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
