import { useSyncExternalStore } from 'react';

type Guidance = typeof import('./field-guidance');

// Loaded as its own chunk after the first page, outside the first load's budget (bench/wizard.bench.ts). Until it
// arrives, a field shows its label, help and errors; an unsure number is still held back by the form's schema.
let loaded: Guidance | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  loading ??= import('./field-guidance').then((m) => {
    loaded = m;
    for (const l of listeners) l();
  });
  return () => {
    listeners.delete(listener);
  };
}

/** The fields' guidance once loaded, null before. */
export function useFieldGuidance(): Guidance | null {
  return useSyncExternalStore(subscribe, () => loaded, () => loaded);
}
