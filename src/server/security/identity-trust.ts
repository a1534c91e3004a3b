import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { normaliseHost } from './allowed-hosts';

/**
 * When the X-Vagval-User / X-Vagval-Role headers may be taken at their word. They name whoever the
 * sender claims to be, so they are only as safe as the set of people who can send them:
 *
 * - `loopback`: the server listens on loopback only, so every sender is on this computer; the
 *   headers count when the request also names the computer itself as its Host (a name from
 *   VAGVAL_ALLOWED_HOSTS means a proxy in front, which forwards other people's requests).
 * - `proxy`: a proxy that signs its users in (named in `trustedProxies`) sets the headers; they
 *   count only on requests whose socket comes from one of those addresses.
 * - `refused`: the server listens on the network (HOST=0.0.0.0, the workshop on the room's Wi-Fi)
 *   and no proxy is named, so anyone in the room could send them: they never count, and the
 *   register answers only API tokens (and sign-in sessions) there.
 * - `off`: the access file turns header identity off.
 */
export type HeaderTrust = { mode: 'loopback' } | { mode: 'proxy'; proxies: ReadonlySet<string> } | { mode: 'refused'; boundHost: string } | { mode: 'off' };

export function isLoopbackHost(host: string): boolean {
  const h = host.startsWith('[') ? host.slice(1, -1) : host;
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** An IPv4 address seen on a dual-stack socket is written "::ffff:10.0.0.5"; the access file names "10.0.0.5". */
export function normaliseAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

export function headerTrust(headerIdentity: boolean, boundHost: string, trustedProxies: readonly string[] = []): HeaderTrust {
  if (!headerIdentity) return { mode: 'off' };
  if (trustedProxies.length > 0) return { mode: 'proxy', proxies: new Set(trustedProxies.map(normaliseAddress)) };
  return isLoopbackHost(boundHost) ? { mode: 'loopback' } : { mode: 'refused', boundHost };
}

/** The address on the request's socket, or undefined where there is none (a request made in-process). */
export function peerAddress(c: Context): string | undefined {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normaliseAddress(address) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this request comes from this computer and names it as its Host: the trainer's own screen, not a phone in the room. */
export function isLoopbackRequest(c: Context): boolean {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if (!isLoopbackHost(normaliseHost(host))) return false;
  const peer = peerAddress(c);
  return peer === undefined || isLoopbackHost(peer);
}

/** Whether identity headers on this request may be believed. */
export function headersTrusted(trust: HeaderTrust, c: Context): boolean {
  switch (trust.mode) {
    case 'off':
    case 'refused':
      return false;
    case 'loopback':
      return isLoopbackRequest(c);
    case 'proxy': {
      const peer = peerAddress(c);
      return peer !== undefined && trust.proxies.has(peer);
    }
  }
}

/** What to tell a sender whose identity headers were not believed, so the refusal says why and what to do. */
export function untrustedHeadersReason(trust: HeaderTrust): string {
  switch (trust.mode) {
    case 'refused':
      return `identity headers are not accepted: this server listens on ${trust.boundHost}, where anyone on the network could send them; use an API token (docs/register.md)`;
    case 'proxy':
      return 'identity headers are accepted only from the trusted proxy named in the access file; use an API token';
    case 'loopback':
      return 'identity headers are accepted only on requests to localhost on this computer; use an API token';
    case 'off':
      return 'no API token';
  }
}

/** Printed at start when the access file asks for header identity and the bind makes it unsafe (Swedish, then English). */
export function refusedHeadersNotice(trust: HeaderTrust): string | null {
  if (trust.mode !== 'refused') return null;
  return [
    `Obs: Vägval lyssnar på ${trust.boundHost} och nås från nätverket. Identitet i anropshuvuden (headerIdentity i access-filen) tas därför inte emot: beslutsregistret svarar bara den som har en API-nyckel. Guiden och verkstaden fungerar som vanligt.`,
    `Note: Vägval listens on ${trust.boundHost} and can be reached from the network, so identity headers (headerIdentity in the access file) are not accepted: the decision register answers API tokens only. The guide and the workshop work as usual.`,
  ].join('\n');
}
