import { useSyncExternalStore } from 'react';

export const routes = ['wizard', 'register', 'workshop'] as const;
export type AppRoute = (typeof routes)[number] | 'join';

/** The menu's pages; `#/join/<code>` (a participant's phone in a workshop) is reached by its QR code, not the menu. */
export const routeHashes: Record<(typeof routes)[number], string> = { wizard: '#/', register: '#/register', workshop: '#/workshop' };

export function routeOf(hash: string): AppRoute {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '/register' || path.startsWith('/register/')) return 'register';
  if (path === '/join' || path.startsWith('/join/')) return 'join';
  if (path === '/workshop' || path.startsWith('/workshop/')) return 'workshop';
  return 'wizard';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** A tiny hash router: the page follows `location.hash`, so links and the back button just work. */
export function useHashRoute(): AppRoute {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash), () => 'wizard');
}
