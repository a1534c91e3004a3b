import { readFileSync } from 'node:fs';
import { applyCpvCode, checkCpvCode } from '../engine/cpv';
import { EvaluationError, evaluate } from '../engine/evaluate';
import { parseAnswers } from '../engine/parse-answers';
import { inputTextProblems } from '../document/document-input';
import { RulesetLoadError } from '../engine/ruleset';
import { nodeRuleset } from '../rules-data/node-ruleset';

/**
 * `npm run --silent recommend -- FILE` (FILE may be `-` for standard input): reads answers as
 * JSON and prints the recommendation as JSON on stdout. Other tools and the auditors' scripts
 * rely on this contract: exit 0 with JSON, or a non-zero exit and plain messages on stderr.
 *   1  the answers are invalid (each bad field named)
 *   2  usage: no file, an unreadable file, or text that is not JSON
 *   3  the rule set itself does not load
 * A CPV code (`purchase.cpvCode`) is checked, and what it decides (the kind of purchase, LOU bilaga 2, the 19 kap.
 * 25 § list) fills the answers left out; the output's `cpv` says what was derived and which answers contradict it.
 */
function main(argv: string[]): number {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0 || file === '--help' || file === '-h') {
    process.stderr.write('usage: npm run --silent recommend -- FILE   (FILE: answers as JSON, or - for standard input)\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`error: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`error: ${file} is not valid JSON: ${(error as Error).message}\n`);
    return 2;
  }
  const textProblems = inputTextProblems(input);
  const parsed = textProblems.length > 0 ? { ok: false as const, problems: textProblems } : parseAnswers(input);
  if (!parsed.ok) {
    process.stderr.write(`error: invalid answers in ${file}:\n`);
    for (const problem of parsed.problems) process.stderr.write(`  ${problem.field}: ${problem.message}\n`);
    return 1;
  }
  try {
    const ruleset = nodeRuleset();
    const code = parsed.answers.purchase?.cpvCode;
    const cpvProblems = code === undefined ? [] : checkCpvCode(ruleset, code);
    if (cpvProblems.length > 0) {
      process.stderr.write(`error: invalid answers in ${file}:\n`);
      for (const problem of cpvProblems) process.stderr.write(`  ${problem.field}: ${problem.message}\n`);
      return 1;
    }
    const { answers, derivation, conflicts } = applyCpvCode(ruleset, parsed.answers);
    for (const conflict of conflicts) process.stderr.write(`warning: ${conflict.field}: ${conflict.message.en}\n`);
    const outcome = evaluate(ruleset, answers);
    const output = derivation ? { ...outcome, cpv: { ...derivation, conflicts } } : outcome;
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof EvaluationError) {
      process.stderr.write(`error: invalid answers in ${file}:\n  ${error.field}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof RulesetLoadError) {
      process.stderr.write(`${error.message}\n`);
      return 3;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 3;
  }
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
