import type { Context, MiddlewareHandler } from 'hono';
import { hostAllowed } from './allowed-hosts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser names the page that sent a request in Origin. A state-changing request from a page of
 * another origin is refused (403) whatever else it carries; one with no Origin comes from a
 * program (curl, a script), not from a web page, and is judged by its identity alone.
 */
export function originGuard(allowed: ReadonlySet<string>, refuse: (c: Context, origin: string) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (stateChanging.has(c.req.method) && origin !== undefined && !originAllowed(allowed, origin)) return refuse(c, origin);
    await next();
  };
}

function originAllowed(allowed: ReadonlySet<string>, origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hostAllowed(allowed, url.host);
  } catch {
    // "null" (a sandboxed frame, a file: page) and anything unparsable.
    return false;
  }
}

/**
 * The API reads JSON only. A body sent as a form or as text/plain is what a cross-site form or a
 * "simple" fetch can send without a CORS preflight, so anything but application/json is refused
 * with 415 before it is read.
 */
export function jsonOnly(onRefused: (c: Context, contentType: string | undefined) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    if (stateChanging.has(c.req.method)) {
      const type = c.req.header('content-type');
      const essence = type?.split(';')[0]?.trim().toLowerCase();
      if (essence !== 'application/json') return onRefused(c, type);
    }
    await next();
  };
}
