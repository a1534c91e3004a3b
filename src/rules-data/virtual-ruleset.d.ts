declare module 'virtual:vagval-ruleset' {
  import type { Ruleset } from '../engine/ruleset';
  const ruleset: Ruleset;
  export default ruleset;
}
