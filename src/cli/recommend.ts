import { readFileSync } from 'node:fs';
import { EvaluationError, evaluate } from '../engine/evaluate';
import { parseAnswers } from '../engine/parse-answers';
import { RulesetLoadError } from '../engine/ruleset';
import { nodeRuleset } from '../rules-data/node-ruleset';

/**
 * `npm run --silent recommend -- FILE` (FILE may be `-` for standard input): reads answers as
 * JSON and prints the recommendation as JSON on stdout. Other tools and the auditors' scripts
 * rely on this contract: exit 0 with JSON, or a non-zero exit and plain messages on stderr.
 *   1  the answers are invalid (each bad field named)
 *   2  usage: no file, an unreadable file, or text that is not JSON
 *   3  the rule set itself does not load
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
  const parsed = parseAnswers(input);
  if (!parsed.ok) {
    process.stderr.write(`error: invalid answers in ${file}:\n`);
    for (const problem of parsed.problems) process.stderr.write(`  ${problem.field}: ${problem.message}\n`);
    return 1;
  }
  try {
    const outcome = evaluate(nodeRuleset(), parsed.answers);
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
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
