import { readFileSync, writeFileSync } from 'node:fs';
import { createVisibleFields } from '../guide/relevance';
import { questionStepIds, stepIds } from '../guide/steps';
import { toDecisionFile } from '../document/decision-file';
import { decisionToMarkdown } from '../document/decision-markdown';
import { buildDecisionSheet } from '../document/decision-sheet';
import { similarPurchaseSources } from '../guide/similar-purchase-words';
import { parseDocumentInput } from '../document/document-input';
import { buyerName } from '../engine/buyers';
import { citeSource, EvaluationError, evaluate } from '../engine/evaluate';
import type { Lang } from '../engine/format';
import type { Outcome } from '../engine/outcome';
import { RulesetLoadError, type Ruleset } from '../engine/ruleset';
import { answerRows } from '../guide/decision';
import { emptyDraft, type Draft } from '../guide/draft';
import { nodeRuleset } from '../rules-data/node-ruleset';

const usage = 'usage: npm run --silent document -- FILE [--format pdf|md|json] [--lang sv|en] [--out FILE]   (FILE: JSON, or - for standard input)\n';
const formats = ['pdf', 'md', 'json'] as const;
type Format = (typeof formats)[number];

type Args = { file: string; format: Format; lang: Lang; out: string | null };

function parseArgs(argv: string[]): Args | string {
  let file: string | null = null;
  let format: Format = 'md';
  let lang: Lang = 'sv';
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') return '';
      else if (arg === '--format') {
        const v = value();
        if (!(formats as readonly string[]).includes(v)) return `--format must be pdf, md or json, not "${v}"`;
        format = v as Format;
      } else if (arg === '--lang') {
        const v = value();
        if (v !== 'sv' && v !== 'en') return `--lang must be sv or en, not "${v}"`;
        lang = v;
      } else if (arg === '--out') out = value();
      else if (arg.startsWith('--')) return `unknown option ${arg}`;
      else if (file === null) file = arg;
      else return `one FILE only (got "${file}" and "${arg}")`;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (file === null) return 'FILE is missing';
  return { file, format, lang, out };
}

/**
 * `npm run --silent document -- FILE --format pdf|md|json`: the decision document from the command line, for
 * batch filing, made by the same code as the guide's print, PDF and downloads. FILE holds the answers (as for
 * `recommend`), `{ answers, decision }`, a file the guide saved, or a register record with its trail.
 * Exit codes as for `recommend`:
 *   1  the input is invalid (each bad field named)
 *   2  usage: bad options, no file, an unreadable file, text that is not JSON, an output that cannot be written
 *   3  the rule set itself does not load
 */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args ? `error: ${args}\n` : ''}${usage}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`error: cannot read ${args.file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}\n`);
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`error: ${args.file} is not valid JSON: ${(error as Error).message}\n`);
    return 2;
  }
  const parsed = parseDocumentInput(data);
  if (!parsed.ok) {
    process.stderr.write(`error: invalid input in ${args.file}:\n`);
    for (const problem of parsed.problems) process.stderr.write(`  ${problem.field}: ${problem.message}\n`);
    return 1;
  }
  if (args.format === 'pdf' && args.out === null && process.stdout.isTTY) {
    process.stderr.write('error: a PDF is not for the terminal: add --out FILE.pdf or redirect standard output\n');
    return 2;
  }
  const { input } = parsed;
  let ruleset: Ruleset;
  let outcome: Outcome;
  try {
    ruleset = nodeRuleset();
    outcome = input.outcome ?? evaluate(ruleset, input.answers);
  } catch (error) {
    if (error instanceof EvaluationError) {
      process.stderr.write(`error: invalid input in ${args.file}:\n  ${error.field}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${error instanceof RulesetLoadError ? error.message : `error: ${(error as Error).message}`}\n`);
    return 3;
  }
  // A record keeps the rule set it was decided under; anything else is judged under today's.
  const identity = input.record ? { version: input.record.rulesetVersion, hash: input.record.rulesetHash } : { version: ruleset.version, hash: ruleset.hash };
  const sheet = buildDecisionSheet({
    lang: args.lang,
    ruleset: { ...identity, organisationName: (id, lang) => buyerName(ruleset, id, lang) },
    answers: input.answers,
    outcome,
    rows: answerRows(ruleset, input.answers),
    decision: input.decision,
    record: input.record ?? null,
    decidedBy: input.decidedBy,
    diarienummer: input.diarienummer,
    ...(input.similarPurchases !== undefined
      ? { similar: { check: input.similarPurchases, sources: similarPurchaseSources.flatMap((ref) => citeSource(ruleset, ref) ?? []) } }
      : {}),
  });
  let output: string | Buffer;
  if (args.format === 'md') output = decisionToMarkdown(sheet);
  else if (args.format === 'json') {
    // The guide can open this file again: the answers and the decision as a draft on its last step, every question seen.
    const unconfirmed: Draft = { ...emptyDraft(), answers: input.answers, decision: input.decision, step: 'recommendation', visited: [...stepIds] };
    const visible = createVisibleFields(ruleset);
    const draft: Draft = { ...unconfirmed, confirmed: Object.fromEntries(questionStepIds.map((step) => [step, visible(step, unconfirmed)])) };
    output = `${JSON.stringify(toDecisionFile(identity, { draft, outcome }, { sheet }), null, 2)}\n`;
  } else {
    // react-pdf is loaded only for a PDF: Markdown and JSON come back without it.
    const { decisionPdfBuffer } = await import('../document/pdf/pdf-buffer');
    output = await decisionPdfBuffer(sheet);
  }
  if (args.out === null) {
    process.stdout.write(output);
    return 0;
  }
  try {
    writeFileSync(args.out, output);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`error: cannot write ${args.out}${code ? ` (${code})` : ''}\n`);
    return 2;
  }
  return 0;
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
