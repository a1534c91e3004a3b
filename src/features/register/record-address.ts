import { useSyncExternalStore } from 'react';

/** A saved record's own address, `#/register/beslut/4`, so it can be linked to, bookmarked and reached with Back. */
export const recordHash = (id: number) => `#/register/beslut/${id}`;

export function recordOfHash(hash: string): number | null {
  const match = /^#?\/register\/beslut\/(\d+)\/?$/.exec(hash);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The record the address names, and a way to open one (or the list, with null) by changing the address. */
export function useOpenRecord(): [number | null, (id: number | null) => void] {
  const id = useSyncExternalStore(subscribe, () => recordOfHash(window.location.hash), () => null);
  return [id, (next) => (window.location.hash = next === null ? '#/register' : recordHash(next))];
}
