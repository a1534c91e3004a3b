import { useSyncExternalStore } from 'react';

export const routes = ['wizard', 'register', 'workshop'] as const;
export type AppRoute = (typeof routes)[number] | 'join' | 'not-found';

/** The menu's pages; `#/join/<code>` (a participant's phone in a workshop) is reached by its QR code, not the menu. */
export const routeHashes: Record<(typeof routes)[number], string> = { wizard: '#/', register: '#/register', workshop: '#/workshop' };

/** The server's paths that carry the app (src/server/static-app.ts answers any other with 404). */
const appPaths = /^\/(index\.html|guide|register|workshop|join)?\/?$/;

/**
 * The page an address shows. An in-page anchor (`#doc-routes`) stays on the guide; an address of the app's own form
 * (`#/…`) that names no page, or a path the app does not answer on, is "Sidan finns inte" rather than the guide.
 */
export function routeOf(hash: string, pathname = '/'): AppRoute {
  if (!appPaths.test(pathname)) return 'not-found';
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '/register' || path.startsWith('/register/')) return 'register';
  if (path === '/join' || path.startsWith('/join/')) return 'join';
  if (path === '/workshop' || path.startsWith('/workshop/')) return 'workshop';
  if (path === '' || path === '/guide' || path.startsWith('/guide/') || !path.startsWith('/')) return 'wizard';
  return 'not-found';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** A tiny hash router: the page follows `location.hash`, so links and the back button just work. */
export function useHashRoute(): AppRoute {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash, window.location.pathname), () => 'wizard');
}
