import checkedScenarios from 'virtual:vagval-scenarios';
import type { Scenario } from '../../../scenarios/scenario-schema';

/** Every workshop scenario, sorted by id: read and checked when the app was built (scenarios-plugin.ts). */
export const scenarios: readonly Scenario[] = checkedScenarios;

export function scenarioById(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
