import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints its figures */
const dir = fileURLToPath(new URL('.', import.meta.url));
// Names of benches; options such as `--records 1000000` are read by the benches themselves.
const only = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run: () => Promise<void> };
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
  await mod.run();
}
