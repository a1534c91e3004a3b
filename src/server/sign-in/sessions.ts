import { randomBytes } from 'node:crypto';
import type { MappedUser } from './claim-mapping';
import { MemorySignInState, type SignInState } from './sign-in-state';

export type Session = MappedUser & { via: 'oidc'; expiresAt: number; idToken: string | undefined };

export type PendingSignIn = { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: number };

/**
 * Signed-in users and sign-ins under way, kept where `state` keeps them (sign-in-state.ts: beside the
 * register, so a restart signs no one out and instances share them). Both kinds are bounded, so a
 * client that starts sign-ins without end pushes out only the oldest unfinished ones.
 */
export class SessionStore {
  constructor(
    private readonly state: SignInState = new MemorySignInState(),
    private readonly limits = { sessions: 10_000, pending: 1_000, pendingMs: 10 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  async startSignIn(values: Omit<PendingSignIn, 'expiresAt'>): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.limits.pendingMs;
    await this.state.put('pending', id, { ...values, expiresAt }, expiresAt, this.limits.pending, this.now());
    return id;
  }

  /** Once only: a callback replayed finds nothing. */
  async takeSignIn(id: string | undefined): Promise<PendingSignIn | undefined> {
    if (!id) return undefined;
    return (await this.state.take('pending', id, this.now())) as PendingSignIn | undefined;
  }

  async open(user: MappedUser, hours: number, idToken: string | undefined): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + hours * 3600 * 1000;
    const session: Session = { ...user, via: 'oidc', idToken, expiresAt };
    await this.state.put('session', id, session, expiresAt, this.limits.sessions, this.now());
    return id;
  }

  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    return (await this.state.get('session', id, this.now())) as Session | undefined;
  }

  async close(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    return (await this.state.take('session', id, this.now())) as Session | undefined;
  }

  /** Closes where the sessions are kept (the file or the pool), when the server stops. */
  shutDown(): Promise<void> {
    return this.state.close();
  }
}
