import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { swedishTime } from '../../shared/swedish-time';
import { memoryPersistence, type EndedBy, type SessionPersistence } from './session-persistence';
import { routeIds, type RouteId } from '../../engine/answers-schema';
import {
  codeAlphabet,
  codeLength,
  maxAnswersPerSeat,
  maxParticipants,
  maxSeatsPerClient,
  participantVerdicts,
  type AnswerRequest,
  type Distribution,
  type OpenSessionRequest,
  type ParticipantVerdict,
  type PublicSessionState,
} from '../../shared/workshop-session';

/** A refusal the routes turn into a Swedish message with its HTTP status. */
export class SessionError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 410 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

type Answer = { verdicts: Record<RouteId, ParticipantVerdict>; why: string };
type Seat = { answer: Answer | null; answers: number; client: string | null };

type Session = {
  code: string;
  trainerTokenHash: string;
  scenarioId: string;
  title: { sv: string; en: string };
  phase: 'open' | 'revealed';
  /** Participant token → its answer (null until it answers). Nothing else is known of a participant. */
  participants: Map<string, Seat>;
  /** Seats taken per client address (phones only; the trainer's own computer is not counted). */
  seatsByClient: Map<string, number>;
  lastActivity: number;
  listeners: Set<(event: SessionEvent) => void>;
  /** A pending publication: answers arriving together are sent to the listeners as one state. */
  publishTimer: ReturnType<typeof setTimeout> | null;
};

/** `closed`: the session ended (by whom); `shutdown`: the server is stopping and the session lives on in its store. */
export type SessionEvent = { type: 'state'; state: PublicSessionState } | { type: 'closed'; by: EndedBy } | { type: 'shutdown' };

export type SessionStoreOptions = {
  /** Sessions open at once on this server. */
  maxSessions?: number;
  /** A session nobody has touched for this long is closed. */
  idleMs?: number;
  /** How long answers are gathered before the counts go out to everyone following the session. */
  batchMs?: number;
  now?: () => number;
  /** Where sessions outlive a restart (session-persistence.ts); in memory only by default. */
  persistence?: SessionPersistence;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Who ended a session, in words for the phone that comes back to it. */
export function endedMessage(code: string, ended: { by: EndedBy; at: number }): string {
  const at = swedishTime(new Date(ended.at).toISOString(), 'sv');
  return ended.by === 'trainer'
    ? `Kursledaren avslutade sessionen ${code} (${at}) och svaren är raderade.`
    : `Sessionen ${code} stängdes av sig själv (${at}) efter tre timmar utan aktivitet, och svaren är raderade.`;
}

const newToken = () => randomBytes(24).toString('base64url');

function sameToken(hash: string, token: string): boolean {
  const x = Buffer.from(hash);
  const y = Buffer.from(hashToken(token));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The workshop's live sessions, in memory and bounded: at most `maxSessions` at once, at most 200
 * participants each, closed by the trainer or after `idleMs` without activity. A participant is a random
 * token and an answer; no name, address or device is kept, and a closed session leaves nothing behind.
 */
export class WorkshopSessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly maxSessions: number;
  private readonly idleMs: number;
  private readonly batchMs: number;
  private readonly now: () => number;
  private readonly persistence: SessionPersistence;

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 50;
    this.idleMs = options.idleMs ?? 3 * 60 * 60 * 1000;
    this.batchMs = options.batchMs ?? 150;
    this.now = options.now ?? Date.now;
    this.persistence = options.persistence ?? memoryPersistence();
    // Back from a restart: every session as it was, its seats and answers, so phones carry on where they were.
    for (const stored of this.persistence.load()) {
      const participants = new Map<string, Seat>();
      const seatsByClient = new Map<string, number>();
      for (const seat of stored.seats) {
        participants.set(seat.token, { answer: seat.answer ? (JSON.parse(seat.answer) as Answer) : null, answers: seat.answers, client: seat.client });
        if (seat.client !== null) seatsByClient.set(seat.client, (seatsByClient.get(seat.client) ?? 0) + 1);
      }
      this.sessions.set(stored.code, { ...stored, participants, seatsByClient, listeners: new Set(), publishTimer: null });
    }
  }

  get size(): number {
    return this.sessions.size;
  }

  open(request: OpenSessionRequest): { code: string; trainerToken: string } {
    this.sweep();
    if (this.sessions.size >= this.maxSessions) {
      throw new SessionError(503, 'too-many-sessions', `Servern har redan ${this.maxSessions} öppna sessioner. Avsluta en innan du öppnar en ny.`);
    }
    let code: string;
    do {
      code = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    } while (this.sessions.has(code));
    const trainerToken = newToken();
    const session: Session = {
      code,
      trainerTokenHash: hashToken(trainerToken),
      scenarioId: request.scenarioId,
      title: request.title,
      phase: 'open',
      participants: new Map(),
      seatsByClient: new Map(),
      lastActivity: this.now(),
      listeners: new Set(),
      publishTimer: null,
    };
    this.sessions.set(code, session);
    this.saveSession(session);
    return { code, trainerToken };
  }

  state(code: string): PublicSessionState {
    return this.publicState(this.find(code));
  }

  /** A new seat; `client` is the phone's network address, undefined for the trainer's own computer. */
  join(code: string, client?: string): { participantToken: string; state: PublicSessionState } {
    const session = this.find(code);
    if (session.participants.size >= maxParticipants) {
      throw new SessionError(409, 'session-full', `Sessionen är full: högst ${maxParticipants} deltagare kan vara med.`);
    }
    const taken = client === undefined ? 0 : (session.seatsByClient.get(client) ?? 0);
    if (taken >= maxSeatsPerClient) {
      throw new SessionError(429, 'too-many-seats', `Den här mobilen är redan med ${taken} gånger i sessionen. En plats per person räcker – svara på den du har.`);
    }
    if (client !== undefined) session.seatsByClient.set(client, taken + 1);
    const participantToken = newToken();
    const seat: Seat = { answer: null, answers: 0, client: client ?? null };
    session.participants.set(participantToken, seat);
    this.touch(session);
    this.persistence.saveSeat(session.code, { token: participantToken, client: seat.client, answer: null, answers: 0 });
    this.publishSoon(session);
    return { participantToken, state: this.publicState(session) };
  }

  /** A participant's answer; a new answer replaces the earlier one until the trainer reveals. */
  answer(code: string, request: AnswerRequest): PublicSessionState {
    const session = this.find(code);
    const seat = session.participants.get(request.participantToken);
    if (!seat) {
      throw new SessionError(403, 'not-a-participant', 'Du är inte med i den här sessionen. Gå med igen med koden på skärmen.');
    }
    if (session.phase === 'revealed') {
      throw new SessionError(409, 'already-revealed', 'Facit är redan visat, så svaren kan inte ändras längre.');
    }
    if (seat.answers >= maxAnswersPerSeat) {
      throw new SessionError(429, 'too-many-answers', `Du har skickat ditt svar ${maxAnswersPerSeat} gånger. Ditt senaste svar gäller.`);
    }
    seat.answer = { verdicts: request.verdicts, why: request.why };
    seat.answers++;
    this.touch(session);
    this.persistence.saveSeat(session.code, { token: request.participantToken, client: seat.client, answer: JSON.stringify(seat.answer), answers: seat.answers });
    this.publishSoon(session);
    return this.publicState(session);
  }

  reveal(code: string, trainerToken: string): PublicSessionState {
    const session = this.asTrainer(code, trainerToken);
    session.phase = 'revealed';
    this.touch(session);
    this.saveSession(session);
    this.publish(session);
    return this.publicState(session);
  }

  /** Back to answering: the answers are kept and can be changed, the distribution is hidden again. */
  reopen(code: string, trainerToken: string): PublicSessionState {
    const session = this.asTrainer(code, trainerToken);
    session.phase = 'open';
    this.touch(session);
    this.saveSession(session);
    this.publish(session);
    return this.publicState(session);
  }

  close(code: string, trainerToken: string): void {
    this.remove(this.asTrainer(code, trainerToken), 'trainer');
  }

  /** How a session that is no longer open ended, if this server ended it within the last day. */
  ended(code: string): { by: EndedBy; at: number } | null {
    return this.sessions.has(code.toUpperCase()) ? null : this.persistence.ended(code.toUpperCase());
  }

  /** Follows a session: the current state at once, then every change, then `closed`. Returns the unsubscribe. */
  subscribe(code: string, listener: (event: SessionEvent) => void): () => void {
    const session = this.find(code);
    session.listeners.add(listener);
    listener({ type: 'state', state: this.publicState(session) });
    return () => session.listeners.delete(listener);
  }

  /** Closes the sessions idle for longer than the timeout; run by a timer and before each new session. */
  sweep(): number {
    const cutoff = this.now() - this.idleMs;
    let closed = 0;
    for (const session of [...this.sessions.values()]) {
      if (session.lastActivity < cutoff) {
        this.remove(session, 'idle');
        closed++;
      }
    }
    return closed;
  }

  /** The server is stopping: the streams end (phones reconnect once it is back), the sessions stay in the store. */
  shutdown(): void {
    for (const session of this.sessions.values()) {
      if (session.publishTimer) clearTimeout(session.publishTimer);
      session.publishTimer = null;
      for (const listener of [...session.listeners]) listener({ type: 'shutdown' });
      session.listeners.clear();
    }
    this.sessions.clear();
    this.persistence.close();
  }

  private find(code: string): Session {
    const session = this.sessions.get(code.toUpperCase());
    const ended = session ? null : this.persistence.ended(code.toUpperCase());
    if (ended) throw new SessionError(410, 'session-ended', endedMessage(code.toUpperCase(), ended));
    if (!session) throw new SessionError(404, 'no-session', `Det finns ingen öppen session med koden ${code}. Kontrollera koden på skärmen – sessionen kan också vara avslutad.`);
    return session;
  }

  private asTrainer(code: string, trainerToken: string): Session {
    const session = this.find(code);
    if (!sameToken(session.trainerTokenHash, trainerToken)) {
      throw new SessionError(403, 'not-the-trainer', 'Bara kursledaren som öppnade sessionen kan visa facit eller avsluta den.');
    }
    return session;
  }

  private touch(session: Session) {
    session.lastActivity = this.now();
  }

  private saveSession(session: Session) {
    const { code, trainerTokenHash, scenarioId, title, phase, lastActivity } = session;
    this.persistence.saveSession({ code, trainerTokenHash, scenarioId, title, phase, lastActivity });
  }

  private remove(session: Session, by: EndedBy) {
    if (session.publishTimer) clearTimeout(session.publishTimer);
    this.sessions.delete(session.code);
    session.participants.clear();
    session.seatsByClient.clear();
    this.persistence.end(session.code, by, this.now());
    for (const listener of [...session.listeners]) listener({ type: 'closed', by });
    session.listeners.clear();
  }

  private publishSoon(session: Session) {
    if (session.publishTimer || session.listeners.size === 0) return;
    session.publishTimer = setTimeout(() => this.publish(session), this.batchMs);
  }

  private publish(session: Session) {
    if (session.publishTimer) clearTimeout(session.publishTimer);
    session.publishTimer = null;
    if (session.listeners.size === 0 || !this.sessions.has(session.code)) return;
    const event: SessionEvent = { type: 'state', state: this.publicState(session) };
    for (const listener of [...session.listeners]) listener(event);
  }

  private publicState(session: Session): PublicSessionState {
    const answers = [...session.participants.values()].flatMap((seat) => (seat.answer ? [seat.answer] : []));
    const revealed = session.phase === 'revealed';
    let distribution: Distribution | null = null;
    if (revealed) {
      distribution = Object.fromEntries(
        routeIds.map((route) => [route, Object.fromEntries(participantVerdicts.map((v) => [v, answers.filter((a) => a.verdicts[route] === v).length]))]),
      ) as Distribution;
    }
    return {
      code: session.code,
      scenarioId: session.scenarioId,
      title: session.title,
      phase: session.phase,
      participants: session.participants.size,
      answered: answers.length,
      maxParticipants,
      distribution,
      whys: revealed ? answers.map((a) => a.why) : null,
    };
  }
}
