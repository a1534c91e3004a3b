import { loadRuleset, type Ruleset } from '../engine/ruleset';
import { readRulesDir } from './read-rules-dir';

let cached: Ruleset | undefined;

/** The current rule set, read from rules/ on disk (server, CLI, tests). */
export function nodeRuleset(): Ruleset {
  cached ??= loadRuleset(readRulesDir());
  return cached;
}
