import type { Plugin } from 'vite';
import { loadRuleset, type Ruleset } from '../engine/ruleset';
import { readRulesDir, rulesDir } from './read-rules-dir';

const id = 'virtual:vagval-ruleset';
const resolved = `\0${id}`;

/**
 * Loads and checks rules/ when the app is built, so the browser runs the same checked data as
 * server and CLI without shipping a YAML parser or re-validating on every page load; a rule file
 * that does not validate fails the build with the loader's message naming the file and the path.
 *
 * In a production build the rule set is its own file, assets/ruleset-<content hash>.json,
 * preloaded from index.html beside the code: a new rule-set version does not invalidate the
 * cached code, new code does not invalidate the cached rules, and JSON parses faster than the same
 * data as script. In development and tests it is inlined, so modules import it synchronously there.
 */
export function rulesetPlugin(): Plugin {
  let building = false;
  let base = '/';
  let ruleset: Ruleset | undefined;
  const load = () => (ruleset ??= loadRuleset(readRulesDir()));
  const fileName = () => `assets/ruleset-${load().hash.slice(0, 16)}.json`;

  return {
    name: 'vagval-ruleset',
    configResolved(config) {
      building = config.command === 'build' && !config.build.ssr;
      base = config.base;
    },
    buildStart() {
      ruleset = undefined;
    },
    resolveId: (source) => (source === id ? resolved : undefined),
    load(source) {
      if (source !== resolved) return undefined;
      const files = readRulesDir();
      for (const file of Object.keys(files)) this.addWatchFile(`${rulesDir}/${file}`);
      ruleset = loadRuleset(files);
      const json = JSON.stringify(ruleset);
      if (!building) return `export default JSON.parse(${JSON.stringify(json)});`;
      this.emitFile({ type: 'asset', fileName: fileName(), source: json });
      return `import { loadRulesetFile } from '/src/rules-data/load-ruleset-file.ts';
export default await loadRulesetFile(import.meta.env.BASE_URL + ${JSON.stringify(fileName())});`;
    },
    transformIndexHtml() {
      if (!building) return [];
      return [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${fileName()}`, as: 'fetch', type: 'application/json', crossorigin: '' }, injectTo: 'head' }];
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(rulesDir)) return;
      ruleset = undefined;
      const mod = server.moduleGraph.getModuleById(resolved);
      if (mod) server.moduleGraph.invalidateModule(mod);
      server.ws.send({ type: 'full-reload' });
    },
  };
}
