/**
 * How many verification runs may go at once. A full run reads every record and re-evaluates it on
 * the worker thread; started without limit (a script in a loop, a double-clicked button) they
 * queue on that one thread and the server's memory, and every auditor waits. So each user may have
 * `perUser` runs going and the server `total`; past that the start is refused with 429 and a
 * Swedish message saying which limit was met, and the run already going carries on.
 */
export type RunLimits = { perUser: number; total: number };

export const defaultRunLimits: RunLimits = { perUser: 1, total: 3 };

export type GateRefusal = { message: string; limit: 'per-user' | 'total' };

export class RunGate {
  private readonly active = new Map<string, number>();
  private count = 0;

  constructor(readonly limits: RunLimits = defaultRunLimits) {}

  /** Takes a place for `user`, or says why not; the place is given back by calling `release` once. */
  enter(user: string): { release: () => void } | GateRefusal {
    const mine = this.active.get(user) ?? 0;
    if (mine >= this.limits.perUser) {
      return {
        limit: 'per-user',
        message: `Du har redan ${mine === 1 ? 'en kontroll' : `${mine} kontroller`} av registret igång. Vänta tills ${mine === 1 ? 'den' : 'de'} är klar (högst ${this.limits.perUser} åt gången per användare).`,
      };
    }
    if (this.count >= this.limits.total) {
      return { limit: 'total', message: `Servern kör redan ${this.count} kontroller av registret, så många som den tar åt gången. Försök igen om en stund.` };
    }
    this.active.set(user, mine + 1);
    this.count++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.count--;
        const left = (this.active.get(user) ?? 1) - 1;
        if (left > 0) this.active.set(user, left);
        else this.active.delete(user);
      },
    };
  }

  get running(): number {
    return this.count;
  }
}
