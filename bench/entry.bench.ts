import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Where a module comes from: its npm package, or its folder under src/ (two levels). */
function owner(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!;
  const src = /\/src\/(.*)$/.exec(id);
  if (src) return `src/${src[1]!.split('/').slice(0, -1).slice(0, 2).join('/') || '.'}`;
  return id.replace(/^\0/, '');
}

/**
 * What the guide's first load is made of: the chunks index.html loads before the guide shows and every
 * module in them, by package or src/ folder, with its rendered bytes and its share of the gzip total. For finding
 * what to move out of the first load; bench/wizard.bench.ts is the figure against the aim. `npm run bench -- entry`.
 */
export async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'vagval-entry-'));
  try {
    const output = (await build({ root, logLevel: 'silent', build: { outDir, write: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const files = Array.isArray(output) ? output.flatMap((o) => o.output) : output.output;
    const chunks = files.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    // As the browser sees it: index.html's scripts and module preloads, then what they import statically.
    const html = String(files.find((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName === 'index.html')?.source ?? '');
    const queue = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
    const initial = new Set<string>();
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (initial.has(name)) continue;
      initial.add(name);
      queue.push(...(byName.get(name)?.imports ?? []));
    }
    const gzip = [...initial].reduce((sum, name) => sum + gzipSync(byName.get(name)!.code, { level: 9 }).byteLength, 0);
    const modules = [...initial].flatMap((name) => Object.entries(byName.get(name)!.modules).map(([id, m]) => ({ id, bytes: m.renderedLength })));
    const rendered = modules.reduce((sum, m) => sum + m.bytes, 0);
    const groups = new Map<string, { bytes: number; modules: number }>();
    for (const m of modules) {
      const g = groups.get(owner(m.id)) ?? { bytes: 0, modules: 0 };
      g.bytes += m.bytes;
      g.modules++;
      groups.set(owner(m.id), g);
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    // The bundler reports each module's bytes as rendered into the chunk, before minifying: a ranking, not a gzip figure.
    console.log(`first load: ${initial.size} chunk(s) (${[...initial].join(', ')}), ${kb(gzip)} gzip; ${modules.length} modules, ${kb(rendered)} before minifying, by package or folder:`);
    for (const [name, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${name.padEnd(34)} ${kb(g.bytes).padStart(9)}  ${((100 * g.bytes) / rendered).toFixed(1).padStart(5)} %  (${g.modules} modules)`);
    console.log('largest modules:');
    for (const m of modules.sort((a, b) => b.bytes - a.bytes).slice(0, 15)) console.log(`  ${kb(m.bytes).padStart(9)}  ${m.id.replace(`${root}/`, '').replace(/.*node_modules\//, '')}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
