import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AccessLogEntry } from '../store/decision-store';

/** Each field of a refusal record is cut to this many characters: the log holds facts, not the attacker's text. */
export const refusalFieldLimits = { user: 64, role: 32, method: 10, path: 200, reason: 300 } as const;

export type RefusalOptions = {
  logAccess: (entry: AccessLogEntry) => Promise<void>;
  log: (line: string) => void;
  /** Refusals one client may cause per window before it gets 429 and nothing more is written. */
  limit?: number;
  windowMs?: number;
};

export function truncate(text: string | null, max: number): string | null {
  if (text === null) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A refusal as stored: every field bounded, so a refused request costs the disk a few hundred bytes at most. */
export function boundedEntry(entry: AccessLogEntry): AccessLogEntry {
  return {
    at: entry.at,
    status: entry.status,
    user: truncate(entry.user, refusalFieldLimits.user),
    role: truncate(entry.role, refusalFieldLimits.role),
    method: truncate(entry.method, refusalFieldLimits.method)!,
    path: truncate(entry.path, refusalFieldLimits.path)!,
    reason: truncate(entry.reason, refusalFieldLimits.reason)!,
  };
}

/** The client a refusal is counted against: its address on the socket (a proxy in front is one client). */
function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Records refusals (401, 403, 421) in the access log and the server log, bounded, and counts them
 * per client with hono-rate-limiter: past `limit` refusals in a window the client gets 429 and no
 * record at all until the window ends, so refused requests cannot fill the disk.
 */
export function refusalRecorder(options: RefusalOptions) {
  const limit = options.limit ?? 60;
  const windowMs = options.windowMs ?? 60_000;
  const counted = rateLimiter({
    windowMs,
    limit,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    handler: (c) => c.json({ error: 'too-many-refusals', message: `more than ${limit} refused requests from this client within ${windowMs / 1000} s; try again later` }, 429),
  });

  return async (c: Context, status: 401 | 403 | 421, body: { error: string; message: string }, who: { user: string | null; role: string | null }): Promise<Response> => {
    let response: Response | null = null;
    const limited = await counted(c, async () => {
      const entry = boundedEntry({ at: new Date().toISOString(), user: who.user, role: who.role, method: c.req.method, path: c.req.path, status, reason: body.message });
      options.log(`access refused: ${entry.method} ${entry.path} user=${entry.user ?? '-'} role=${entry.role ?? '-'}: ${entry.reason}`);
      await options.logAccess(entry);
      response = c.json({ error: body.error, message: truncate(body.message, refusalFieldLimits.reason) }, status);
    });
    return limited ?? response ?? c.json(body, status);
  };
}
