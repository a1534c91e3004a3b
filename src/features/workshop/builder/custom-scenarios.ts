import { useSyncExternalStore } from 'react';
import { scenarioSchema, type Scenario } from '../../../scenarios/scenario-schema';

/** A trainer's own scenarios, kept in this browser only (localStorage), each checked again when read. */
const key = 'vagval.workshop.custom-scenarios';
const listeners = new Set<() => void>();
let cache: { raw: string | null; list: Scenario[] } = { raw: null, list: [] };

function read(): Scenario[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return cache.list;
  }
  if (raw === cache.raw) return cache.list;
  let list: Scenario[];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    list = Array.isArray(parsed) ? parsed.flatMap((s) => (scenarioSchema.safeParse(s).success ? [s as Scenario] : [])) : [];
  } catch {
    list = [];
  }
  cache = { raw, list };
  return list;
}

function write(list: Scenario[]) {
  localStorage.setItem(key, JSON.stringify(list));
  for (const l of listeners) l();
}

export function customScenarios(): Scenario[] {
  return read();
}

export function saveCustomScenario(scenario: Scenario): void {
  write([...read().filter((s) => s.id !== scenario.id), scenario].sort((a, b) => a.id.localeCompare(b.id)));
}

export function removeCustomScenario(id: string): void {
  write(read().filter((s) => s.id !== id));
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => event.key === key && onChange();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCustomScenarios(): Scenario[] {
  return useSyncExternalStore(subscribe, read, () => []);
}
