import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { routeIds, type RouteId } from '../../engine/answers-schema';
import {
  codeAlphabet,
  codeLength,
  maxParticipants,
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
    readonly status: 403 | 404 | 409 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

type Answer = { verdicts: Record<RouteId, ParticipantVerdict>; why: string };

type Session = {
  code: string;
  trainerToken: string;
  scenarioId: string;
  title: { sv: string; en: string };
  phase: 'open' | 'revealed';
  /** Participant token → its answer (null until it answers). Nothing else is known of a participant. */
  participants: Map<string, Answer | null>;
  lastActivity: number;
  listeners: Set<(event: SessionEvent) => void>;
  /** A pending publication: answers arriving together are sent to the listeners as one state. */
  publishTimer: ReturnType<typeof setTimeout> | null;
};

export type SessionEvent = { type: 'state'; state: PublicSessionState } | { type: 'closed' };

export type SessionStoreOptions = {
  /** Sessions open at once on this server. */
  maxSessions?: number;
  /** A session nobody has touched for this long is closed. */
  idleMs?: number;
  /** How long answers are gathered before the counts go out to everyone following the session. */
  batchMs?: number;
  now?: () => number;
};

const newToken = () => randomBytes(24).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
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

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 50;
    this.idleMs = options.idleMs ?? 3 * 60 * 60 * 1000;
    this.batchMs = options.batchMs ?? 150;
    this.now = options.now ?? Date.now;
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
    const session: Session = {
      code,
      trainerToken: newToken(),
      scenarioId: request.scenarioId,
      title: request.title,
      phase: 'open',
      participants: new Map(),
      lastActivity: this.now(),
      listeners: new Set(),
      publishTimer: null,
    };
    this.sessions.set(code, session);
    return { code, trainerToken: session.trainerToken };
  }

  state(code: string): PublicSessionState {
    return this.publicState(this.find(code));
  }

  join(code: string): { participantToken: string; state: PublicSessionState } {
    const session = this.find(code);
    if (session.participants.size >= maxParticipants) {
      throw new SessionError(409, 'session-full', `Sessionen är full: högst ${maxParticipants} deltagare kan vara med.`);
    }
    const participantToken = newToken();
    session.participants.set(participantToken, null);
    this.touch(session);
    this.publishSoon(session);
    return { participantToken, state: this.publicState(session) };
  }

  /** A participant's answer; a new answer replaces the earlier one until the trainer reveals. */
  answer(code: string, request: AnswerRequest): PublicSessionState {
    const session = this.find(code);
    if (!session.participants.has(request.participantToken)) {
      throw new SessionError(403, 'not-a-participant', 'Du är inte med i den här sessionen. Gå med igen med koden på skärmen.');
    }
    if (session.phase === 'revealed') {
      throw new SessionError(409, 'already-revealed', 'Facit är redan visat, så svaren kan inte ändras längre.');
    }
    session.participants.set(request.participantToken, { verdicts: request.verdicts, why: request.why });
    this.touch(session);
    this.publishSoon(session);
    return this.publicState(session);
  }

  reveal(code: string, trainerToken: string): PublicSessionState {
    const session = this.asTrainer(code, trainerToken);
    session.phase = 'revealed';
    this.touch(session);
    this.publish(session);
    return this.publicState(session);
  }

  /** Back to answering: the answers are kept and can be changed, the distribution is hidden again. */
  reopen(code: string, trainerToken: string): PublicSessionState {
    const session = this.asTrainer(code, trainerToken);
    session.phase = 'open';
    this.touch(session);
    this.publish(session);
    return this.publicState(session);
  }

  close(code: string, trainerToken: string): void {
    this.remove(this.asTrainer(code, trainerToken));
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
        this.remove(session);
        closed++;
      }
    }
    return closed;
  }

  closeAll(): void {
    for (const session of [...this.sessions.values()]) this.remove(session);
  }

  private find(code: string): Session {
    const session = this.sessions.get(code.toUpperCase());
    if (!session) throw new SessionError(404, 'no-session', `Det finns ingen öppen session med koden ${code}. Kontrollera koden på skärmen – sessionen kan också vara avslutad.`);
    return session;
  }

  private asTrainer(code: string, trainerToken: string): Session {
    const session = this.find(code);
    if (!sameToken(session.trainerToken, trainerToken)) {
      throw new SessionError(403, 'not-the-trainer', 'Bara kursledaren som öppnade sessionen kan visa facit eller avsluta den.');
    }
    return session;
  }

  private touch(session: Session) {
    session.lastActivity = this.now();
  }

  private remove(session: Session) {
    if (session.publishTimer) clearTimeout(session.publishTimer);
    this.sessions.delete(session.code);
    session.participants.clear();
    for (const listener of [...session.listeners]) listener({ type: 'closed' });
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
    const answers = [...session.participants.values()].filter((a): a is Answer => a !== null);
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
