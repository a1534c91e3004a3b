import { randomBytes } from 'node:crypto';
import type { MappedUser } from './claim-mapping';

export type Session = MappedUser & { via: 'oidc'; expiresAt: number; idToken: string | undefined };

export type PendingSignIn = { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: number };

/**
 * Signed-in users and sign-ins under way, in memory: a restart signs everyone out, which is the
 * safe way round (no session outlives the process that checked it). Both maps are bounded, so a
 * client that starts sign-ins without end pushes out only the oldest unfinished ones.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    private readonly limits = { sessions: 10_000, pending: 1_000, pendingMs: 10 * 60 * 1000 },
    private readonly now: () => number = Date.now,
  ) {}

  startSignIn(values: Omit<PendingSignIn, 'expiresAt'>): string {
    const id = randomBytes(32).toString('base64url');
    this.pending.set(id, { ...values, expiresAt: this.now() + this.limits.pendingMs });
    while (this.pending.size > this.limits.pending) this.pending.delete(this.pending.keys().next().value!);
    return id;
  }

  /** Once only: a callback replayed finds nothing. */
  takeSignIn(id: string | undefined): PendingSignIn | undefined {
    if (!id) return undefined;
    const found = this.pending.get(id);
    this.pending.delete(id);
    return found && found.expiresAt > this.now() ? found : undefined;
  }

  open(user: MappedUser, hours: number, idToken: string | undefined): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { ...user, via: 'oidc', idToken, expiresAt: this.now() + hours * 3600 * 1000 });
    if (this.sessions.size > this.limits.sessions) this.sweep();
    while (this.sessions.size > this.limits.sessions) this.sessions.delete(this.sessions.keys().next().value!);
    return id;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string | undefined): Session | undefined {
    const session = this.get(id);
    if (id) this.sessions.delete(id);
    return session;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}
