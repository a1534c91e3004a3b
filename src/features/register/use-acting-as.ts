import { useSyncExternalStore } from 'react';
import { readActingAs, subscribeActingAs, type ActingAs } from './api/acting-as';

let cache: { key: string; value: ActingAs } | undefined;
function snapshot(): ActingAs {
  const value = readActingAs();
  const key = JSON.stringify(value);
  if (cache?.key !== key) cache = { key, value };
  return cache.value;
}

/** The user and role this browser acts as; a change re-renders every register view. */
export function useActingAs(): ActingAs {
  return useSyncExternalStore(subscribeActingAs, snapshot, snapshot);
}

/** A stable cache key per actor, so one role's answers are never shown to another. */
export const actorKey = (a: ActingAs) => `${a.user}:${a.role}:${a.token ? 'token' : 'header'}`;
