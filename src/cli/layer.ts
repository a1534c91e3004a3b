import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseYaml } from 'yaml';
import { buyerName } from '../engine/buyers';
import { evaluate, EvaluationError } from '../engine/evaluate';
import type { Outcome } from '../engine/outcome';
import { parseAnswers } from '../engine/parse-answers';
import { loadRuleset, RulesetLoadError, type Ruleset } from '../engine/ruleset';
import { loadScenarios } from '../scenarios/load-scenarios';
import { readRulesDir } from '../rules-data/read-rules-dir';
import { swedishProblem } from './layer-problems';
import { layerSizeProblem } from './layer-size';

/**
 * `npm run --silent layer -- check FILE` and `npm run --silent layer -- preview FILE [--data DIR]`: the
 * path by which a policy owner adds or changes their organisation's layer (rules/README.md, "Layers").
 * A file and a command rather than a form in the app, because a layer is published as a dated version that
 * replays keep, which is what a reviewed file in rules/ is; the command gives the owner the checks and the
 * preview a form would, in Swedish.
 *   check    validates the file against the format and the law; exit 0 when it loads, 1 with each problem
 *   preview  shows what the layer would add to the workshop scenarios and the buyers' saved decisions
 * Exit 2 for usage (no such file, unknown command).
 */
function main(argv: string[]): number {
  const [command, file, ...rest] = argv;
  const dataIndex = rest.indexOf('--data');
  const dataDir = dataIndex >= 0 ? rest[dataIndex + 1] : 'data';
  if ((command !== 'check' && command !== 'preview') || !file || (dataIndex >= 0 && !dataDir)) {
    process.stderr.write('användning: npm run --silent layer -- check FIL\n            npm run --silent layer -- preview FIL [--data MAPP]\n');
    return 2;
  }
  let text: string;
  try {
    const tooLarge = layerSizeProblem(file, statSync(file).size);
    if (tooLarge) {
      process.stdout.write(`${file} går inte att använda. Ett fel:\n  • ${tooLarge}\n`);
      return 1;
    }
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`fel: filen ${file} går inte att läsa (finns den?)\n`);
    return 2;
  }
  const loaded = withLayer(file, text);
  if ('problems' in loaded) {
    process.stdout.write(`${file} går inte att använda. ${loaded.problems.length === 1 ? 'Ett fel' : `${loaded.problems.length} fel`}:\n`);
    for (const p of loaded.problems) process.stdout.write(`  • ${p}\n`);
    return 1;
  }
  const { ruleset, without, layerId } = loaded;
  const layer = ruleset.layers![layerId]!;
  if (command === 'check') {
    const bound = (layer.appliesTo.buyers ?? []).map((b) => buyerName(ruleset, b));
    const lan = (layer.appliesTo.lanKommuner ?? []).map((l) => `kommunerna i ${ruleset.buyers?.lan.find((x) => x.code === l)?.name ?? l}`);
    process.stdout.write(
      `${file} är giltig: "${layer.name.sv}", version ${layer.version}, gäller från ${layer.validFrom}${layer.validTo ? ` till ${layer.validTo}` : ''}.\n` +
        `  Gäller för: ${[...bound, ...lan].join(', ')}.\n` +
        `  ${layer.notes.length} noter och ${layer.bands.length} beloppsband. Inget i den ändrar lagens bedömning.\n` +
        `  Förhandsgranska: npm run --silent layer -- preview ${file}\n`,
    );
    return 0;
  }
  return preview(without, ruleset, layerId, dataDir!);
}

/**
 * The rule set with the file as rules/layers/<id>.yaml (replacing the published version of the same id), and
 * the published rule set to compare it with.
 */
function withLayer(file: string, text: string): { ruleset: Ruleset; without: Ruleset; layerId: string } | { problems: string[] } {
  let id: unknown;
  try {
    id = (parseYaml(text) as { id?: unknown } | null)?.id;
  } catch (error) {
    return { problems: [`${file}: går inte att läsa: filen är inte giltig YAML (${(error as Error).message.split('\n')[0]}). Kontrollera indrag och kolon.`] };
  }
  const layerId = typeof id === 'string' && id ? id : basename(file).replace(/\.yaml$/, '');
  const files = readRulesDir();
  const without = loadRuleset(files);
  try {
    return { ruleset: loadRuleset({ ...files, [`layers/${layerId}.yaml`]: text }), without, layerId };
  } catch (error) {
    if (error instanceof RulesetLoadError) return { problems: error.problems.map((p) => swedishProblem(p, { [`layers/${layerId}.yaml`]: file })) };
    throw error;
  }
}

/** What each answer set would show under the layer that it does not show without it, note by note. */
function preview(without: Ruleset, ruleset: Ruleset, layerId: string, dataDir: string): number {
  const layer = ruleset.layers![layerId]!;
  const buyers = layer.appliesTo.buyers ?? ruleset.buyers!.kommuner.filter((k) => layer.appliesTo.lanKommuner!.includes(k.lan)).map((k) => k.organisation ?? `kommun-${k.code}`);
  const first = buyers[0]!;
  const say = (line = '') => process.stdout.write(`${line}\n`);
  say(`Förhandsgranskning av "${layer.name.sv}" (version ${layer.version}) för ${buyerName(ruleset, first)}${buyers.length > 1 ? ` och ${buyers.length - 1} till` : ''}.`);
  say('Jämfört med det som är publicerat i rules/. Lagens bedömningar ändras aldrig av en riktlinje; det som');
  say('ändras är noterna som visas vid varje väg (+ ny, − försvinner).');
  say();
  say('Verkstadens scenarier, köpta av denna organisation:');
  const scenarios = loadScenarios(readRulesDir());
  let changed = 0;
  for (const s of scenarios) {
    const answers = { ...s.answers, organisation: first } as Parameters<typeof evaluate>[1];
    const lines = difference(without, ruleset, answers, layerId);
    if (lines.length === 0) continue;
    changed++;
    say(`  ${s.title.sv} (${s.answers.decisionDate}):`);
    for (const l of lines) say(`    ${l}`);
  }
  if (changed === 0) say(`  ingen ändring i något av de ${scenarios.length} scenarierna`);
  say();
  const file = join(dataDir, 'register.sqlite');
  if (!existsSync(file)) {
    say(`Sparade beslut: inget beslutsregister i ${file} (ange --data MAPP för ett annat).`);
    return 0;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const rows = db.prepare(`SELECT id, content FROM decisions WHERE organisation IN (${buyers.map(() => '?').join(',')}) ORDER BY id`).all(...buyers) as Array<{ id: number; content: string }>;
  db.close();
  say(`Sparade beslut i registret för dessa organisationer: ${rows.length}.`);
  let affected = 0;
  for (const row of rows) {
    const parsed = parseAnswers((JSON.parse(row.content) as { answers: unknown }).answers);
    if (!parsed.ok) continue;
    const lines = difference(without, ruleset, parsed.answers, layerId);
    if (lines.length === 0) continue;
    affected++;
    say(`  Beslut nr ${row.id} (${parsed.answers.decisionDate}):`);
    for (const l of lines) say(`    ${l}`);
  }
  say(affected === 0 ? '  inget av dem skulle visa något nytt' : `  ${affected} av ${rows.length} skulle visa nya noter`);
  return 0;
}

function difference(before: Ruleset, after: Ruleset, answers: Parameters<typeof evaluate>[1], layerId: string): string[] {
  const judge = (r: Ruleset): Outcome | null => {
    try {
      return evaluate(r, answers);
    } catch (error) {
      if (error instanceof EvaluationError) return null;
      throw error;
    }
  };
  const a = judge(before);
  const b = judge(after);
  if (!a || !b) return [];
  const notes = (o: Outcome) => [...o.policyNotes.map((n) => ({ route: 'allmänt', n })), ...o.routes.flatMap((r) => r.policyNotes.map((n) => ({ route: r.name.sv, n })))];
  // A note counts as changed when its words change, so a reworded band shows as removed and added.
  const key = (x: { route: string; n: { id: string; text: { sv: string } } }) => `${x.route}|${x.n.id}|${x.n.text.sv}`;
  const had = new Set(notes(a).map(key));
  const has = new Set(notes(b).map(key));
  const lines = notes(b)
    .filter((x) => x.n.layer.id === layerId && !had.has(key(x)))
    .map((x) => `+ ${x.route}: ${x.n.text.sv}`);
  lines.push(...notes(a).filter((x) => x.n.layer.id === layerId && !has.has(key(x))).map((x) => `− ${x.route}: ${x.n.text.sv}`));
  return lines;
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
