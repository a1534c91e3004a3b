import { useSyncExternalStore } from 'react';

/**
 * Addresses inside the register that an auditor can cite in an audit report:
 * `#/register/beslut/4` for a record, `#/register/rapport/<report>?<filter>` for a report,
 * `#/register/statistik` and `#/register/kontroll` for those views.
 */
export const reportIds = [
  'avvikelser',
  'regelandring',
  'regelverk',
  'lekeberg-sociala-foretag',
  'lekeberg-samarbete-2022',
  'region-orebro-civilsamhallet',
] as const;
export type ReportId = (typeof reportIds)[number];

export type RegisterLocation =
  | { kind: 'record'; id: number }
  | { kind: 'stats' }
  | { kind: 'verify' }
  | { kind: 'report'; report: ReportId | null; params: URLSearchParams }
  | { kind: 'other' };

export function parseRegisterHash(hash: string): RegisterLocation {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'register') return { kind: 'other' };
  if (parts[1] === 'beslut' && /^\d+$/.test(parts[2] ?? '') && Number(parts[2]) > 0) return { kind: 'record', id: Number(parts[2]) };
  if (parts[1] === 'statistik' && parts.length === 2) return { kind: 'stats' };
  if (parts[1] === 'kontroll' && parts.length === 2) return { kind: 'verify' };
  if (parts[1] === 'rapport') {
    const report = (reportIds as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as ReportId) : null;
    return { kind: 'report', report, params: new URLSearchParams(search) };
  }
  return { kind: 'other' };
}

export const recordHash = (id: number) => `#/register/beslut/${id}`;
/** Statistics and Kontroll have addresses of their own, so a revisor can link to them or come back to them. */
export const statsHash = '#/register/statistik';
export const verifyHash = '#/register/kontroll';

export function reportHash(report: ReportId | null, params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return `#/register/rapport${report ? `/${report}` : ''}${text ? `?${text}` : ''}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The register's place as the hash says, following it as it changes. */
export function useRegisterHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash, () => '#/register');
}

/** Moves to an address in the register (outside render, so the hash router follows). */
export function goTo(hash: string): void {
  window.location.hash = hash;
}
