import type { Context, MiddlewareHandler } from 'hono';
import { textProblemMessage, textProblemsIn } from '../shared/text-check';

export type TextRefusal = { field: string; message: string };

/**
 * Refuses, before any route reads it, a request whose query or JSON body holds a character no text may hold
 * (src/shared/text-check.ts: control and bidirectional characters, invisible ones, and U+FFFD, which is what bytes
 * that are not valid UTF-8 decode to): 400 naming each field. Runs after the body limit; the body read here is the
 * one the route reads again (Hono keeps it).
 */
export function textGuard(refuse: (c: Context, problems: TextRefusal[]) => Response | Promise<Response>, lang: 'sv' | 'en' = 'en'): MiddlewareHandler {
  return async (c, next) => {
    const query = c.req.queries();
    const found = textProblemsIn(query).map((p) => ({ field: p.field.replace(/\.\d+$/, ''), problem: p.problem }));
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return next(); // Not JSON: the route says so in its own words.
      }
      found.push(...textProblemsIn(body));
    }
    if (found.length === 0) return next();
    return refuse(
      c,
      found.map((p) => ({ field: p.field, message: textProblemMessage(p.problem, lang) })),
    );
  };
}
