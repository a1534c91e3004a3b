import { loadScenarios } from './load-scenarios';
import type { Scenario } from './scenario-schema';

// Vite inlines rules/scenarios/ into the workshop's own chunk as text (the guide's first load never carries it),
// and the scenarios are parsed and checked when the workshop opens.
const texts = import.meta.glob<string>('/rules/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

/** The scenario files as { path relative to rules/: text }, the map loadScenarios takes. */
export const scenarioFiles: Record<string, string> = Object.fromEntries(
  Object.entries(texts).map(([path, text]) => [path.replace(/^\/rules\//, ''), text]),
);

/** Every workshop scenario, sorted by id. */
export const scenarios: readonly Scenario[] = loadScenarios(scenarioFiles);

export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
