import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** rules/ beside src/, wherever the process was started from. */
export const rulesDir = fileURLToPath(new URL('../../rules', import.meta.url));

/** Every YAML file under a folder as { path relative to it: text }, the map loadRuleset takes. */
export function readRulesDir(dir = rulesDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}
