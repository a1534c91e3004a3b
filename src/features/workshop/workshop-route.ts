import { useMemo, useSyncExternalStore } from 'react';

/** The parts of a scenario, each its own sub-page so the trainer can link to it and use the back button. */
export const scenarioParts = ['group', 'what-if', 'tree', 'handout'] as const;
export type ScenarioPart = (typeof scenarioParts)[number];

export type WorkshopRoute =
  | { view: 'library' }
  /** The A3 sheet for the wall; with `id`, for that scenario (its decision date, its recommended route first). */
  | { view: 'wall'; id?: string }
  /** The scenario builder, starting from a copy of scenario `id`. */
  | { view: 'builder'; id: string }
  | { view: 'scenario'; id: string; part: ScenarioPart }
  /** The projected deck (presenter mode) and the trainer's own window beside it. */
  | { view: 'deck'; id: string }
  | { view: 'trainer'; id: string };

/**
 * `#/workshop` → the library; `#/workshop/wall` → the A3 sheet, `#/workshop/wall/<id>` for a scenario; `#/workshop/scenario/<id>` → its group exercise;
 * `#/workshop/scenario/<id>/<part>`; `…/deck` the presenter deck and `…/trainer` the trainer's window.
 */
export function parseWorkshopHash(hash: string): WorkshopRoute {
  const segments = hash.replace(/^#/, '').split('/').filter(Boolean);
  if (segments[0] === 'workshop' && segments[1] === 'wall') return segments[2] ? { view: 'wall', id: decodeURIComponent(segments[2]) } : { view: 'wall' };
  if (segments[0] === 'workshop' && segments[1] === 'builder' && segments[2]) return { view: 'builder', id: decodeURIComponent(segments[2]) };
  if (segments[0] !== 'workshop' || segments[1] !== 'scenario' || !segments[2]) return { view: 'library' };
  const id = decodeURIComponent(segments[2]);
  if (segments[3] === 'deck') return { view: 'deck', id };
  if (segments[3] === 'trainer') return { view: 'trainer', id };
  const part = (scenarioParts as readonly string[]).includes(segments[3] ?? '') ? (segments[3] as ScenarioPart) : 'group';
  return { view: 'scenario', id, part };
}

export function workshopHash(route: WorkshopRoute): string {
  if (route.view === 'library') return '#/workshop';
  if (route.view === 'wall') return route.id === undefined ? '#/workshop/wall' : `#/workshop/wall/${encodeURIComponent(route.id)}`;
  if (route.view === 'builder') return `#/workshop/builder/${encodeURIComponent(route.id)}`;
  const base = `#/workshop/scenario/${encodeURIComponent(route.id)}`;
  if (route.view !== 'scenario') return `${base}/${route.view}`;
  return route.part === 'group' ? base : `${base}/${route.part}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Where in the workshop the trainer is, following `location.hash`. */
export function useWorkshopRoute(): WorkshopRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '#/workshop');
  return useMemo(() => parseWorkshopHash(hash), [hash]);
}
