import type { Context, MiddlewareHandler } from 'hono';

/**
 * DNS rebinding: a web page can point its own name at 127.0.0.1 and then talk to the local
 * server as a same-origin page, Host header and all. Only the names this server is known by are
 * served: localhost, 127.0.0.1 and [::1] by default, the address it is bound to, and those listed
 * in VAGVAL_ALLOWED_HOSTS (comma-separated) for a deployment behind its own name.
 */
export function allowedHosts(boundHost: string | undefined, configured: string | undefined): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (boundHost && !['0.0.0.0', '::'].includes(boundHost)) names.push(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost);
  for (const name of (configured ?? '').split(',')) if (name.trim()) names.push(name.trim());
  return new Set(names.map(normaliseHost));
}

/** "Example.SE:8080" → "example.se"; "[::1]:5173" → "[::1]". The port is not part of the check. */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '').replace(/\.$/, '');
}

/** Whether a request's Host (its hostname only) is one the server answers to. */
export const hostAllowed = (allowed: ReadonlySet<string>, host: string | undefined): boolean => host !== undefined && allowed.has(normaliseHost(host));

/**
 * Refuses a request for another host with 421 Misdirected Request (RFC 9110 §15.5.20) before any
 * handler runs, the app's files included.
 */
export function hostGuard(allowed: ReadonlySet<string>, refuse: (c: Context, host: string) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!hostAllowed(allowed, host)) return refuse(c, host);
    await next();
  };
}
