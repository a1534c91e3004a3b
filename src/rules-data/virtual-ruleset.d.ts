declare module 'virtual:vagval-ruleset' {
  import type { Ruleset } from '../engine/ruleset';
  const ruleset: Ruleset;
  export default ruleset;
}

declare module 'virtual:vagval-scenarios' {
  import type { Scenario } from '../scenarios/scenario-schema';
  const scenarios: Scenario[];
  export default scenarios;
}
