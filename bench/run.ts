import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchNames } from './bench-options';

/** `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints its figures; options in bench-options.ts. */
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = benchNames();
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run: () => Promise<void> };
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
  await mod.run();
}
