import type { Plugin } from 'vite';
import { loadRuleset } from '../engine/ruleset';
import { readRulesDir, rulesDir } from '../rules-data/read-rules-dir';
import { checkScenarioReferences, loadScenarios, ScenarioLoadError } from './load-scenarios';

const id = 'virtual:vagval-scenarios';
const resolved = `\0${id}`;

/**
 * Reads and checks rules/scenarios/ when the app is built (as ruleset-plugin.ts does for the rule set),
 * so the workshop ships the scenarios as checked data instead of a YAML parser and the YAML, and a
 * scenario that names a missing source or fact fails the build, naming the file and the path inside it.
 */
export function scenariosPlugin(): Plugin {
  return {
    name: 'vagval-scenarios',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(source) {
      if (source !== resolved) return undefined;
      const files = readRulesDir();
      for (const file of Object.keys(files)) this.addWatchFile(`${rulesDir}/${file}`);
      const scenarios = loadScenarios(files);
      const problems = checkScenarioReferences(scenarios, loadRuleset(files));
      if (problems.length > 0) throw new ScenarioLoadError(problems);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(scenarios))});`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(rulesDir)) return;
      const mod = server.moduleGraph.getModuleById(resolved);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
  };
}
