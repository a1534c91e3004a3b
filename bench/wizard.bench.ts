import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildDecision } from '../src/guide/decision';
import { applyValues } from '../src/guide/wizard-machine';
import { emptyDraft, type Draft } from '../src/guide/draft';
import { createVisibleFields } from '../src/guide/relevance';
import { panelRoutes } from '../src/features/wizard/verdict-panel';
import { nodeRuleset } from '../src/rules-data/node-ruleset';

const root = resolve(import.meta.dirname, '..');

/** The JS the browser must load before the wizard shows: index.html's entry script and what it imports statically. */
function initialJs(dist: string): Array<{ file: string; bytes: number; gzip: number }> {
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  while (queue.length > 0) {
    const file = queue.shift()!.replace(/^\//, '');
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(resolve(dist, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` loads later.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${}*,\s]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(`assets/${m[1]!.replace(/^\.\//, '').replace(/^\/?assets\//, '')}`);
    }
  }
  return [...seen].map((file) => {
    const code = readFileSync(resolve(dist, file));
    return { file, bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  });
}

/** A procurer's answers one at a time, as the live panel sees them (the reserved-contract walk). */
const answerSteps: Array<Record<string, unknown>> = [
  { organisation: 'ljungby', decisionDate: '2026-11-22' },
  { 'purchase.kind': 'services' },
  { 'purchase.annex2Service': false },
  { 'value.annualSek': 750_000, 'contract.years': 2, 'value.totalSek': 1_500_000 },
  { 'supplier.kind': 'social-enterprise' },
  { 'supplier.disadvantagedShare': 0.4 },
  { 'supplier.mainPurposeIntegration': true },
];

export async function run(): Promise<void> {
  const outDir = resolve(root, 'dist');
  await build({ root, logLevel: 'silent', build: { outDir } });
  const files = initialJs(outDir);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const raw = files.reduce((sum, f) => sum + f.bytes, 0);
  for (const f of files) console.log(`  ${f.file}: ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzip`);
  console.log(`initial JS: ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip (aim ≤ 130 KB gzip)`);
  // The PDF renderer (react-pdf) is imported only when a decision is downloaded as PDF: never part of the first load.
  const initial = new Set(files.map((f) => f.file));
  for (const chunk of readdirSync(resolve(outDir, 'assets')).filter((f) => /^pdf-blob-.*\.js$/.test(f))) {
    const code = readFileSync(resolve(outDir, 'assets', chunk));
    const where = initial.has(`assets/${chunk}`) ? 'IN THE FIRST LOAD' : 'loaded on demand, not in the first load';
    console.log(`PDF renderer: assets/${chunk}: ${(gzipSync(code, { level: 9 }).byteLength / 1024).toFixed(1)} KB gzip (${where})`);
  }
  // The rule set is data, not code: its own JSON file, preloaded from index.html in parallel with the JS.
  const html = readFileSync(resolve(outDir, 'index.html'), 'utf8');
  for (const m of html.matchAll(/<link[^>]+rel="preload"[^>]+href="\/([^"]+\.json)"/g)) {
    const data = readFileSync(resolve(outDir, m[1]!));
    console.log(`rule data (JSON, preloaded beside the JS): ${m[1]}: ${(data.byteLength / 1024).toFixed(1)} KB, ${(gzipSync(data, { level: 9 }).byteLength / 1024).toFixed(1)} KB gzip`);
  }

  // Answer → updated verdicts: apply the answer, decide which questions are asked (engine-derived), judge the
  // asked answers and derive the panel's rows. No cache between answers, as for a new answer in the browser.
  const ruleset = nodeRuleset();
  const drafts: Draft[] = [];
  let draft = emptyDraft();
  for (const values of answerSteps) {
    draft = applyValues(draft, values, undefined);
    drafts.push(draft);
  }
  const iterations = 300;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const d of drafts) {
      const visibleFields = createVisibleFields(ruleset);
      const start = performance.now();
      const decision = buildDecision(ruleset, visibleFields, d);
      if (decision.outcome) panelRoutes(ruleset, decision.outcome, decision.answers);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`answer → updated verdicts (Node, ${times.length} answers): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (aim < 16 ms)`);
}
