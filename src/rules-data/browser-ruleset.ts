import type { Ruleset } from '../engine/ruleset';
import checkedRuleset from 'virtual:vagval-ruleset';

/** The current rule set, checked when the app was built (ruleset-plugin.ts) and bundled with it. */
export const browserRuleset: Ruleset = checkedRuleset;
