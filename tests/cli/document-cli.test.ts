import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisionFile } from '../../src/document/decision-file';
import { ljungbyAnswers } from '../fixtures/answers';
import { pdfText } from '../support/pdf-text';

// `npm run --silent document -- FILE --format pdf|md|json`: the decision document for batch filing.
const dir = mkdtempSync(join(tmpdir(), 'vagval-document-cli-'));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function documentCli(fileContent: string | null, args: string[] = []) {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
  if (fileContent !== null) writeFileSync(file, fileContent);
  const result = spawnSync(tsx, ['src/cli/document.ts', ...(fileContent === null ? args : [file, ...args])], { encoding: 'buffer' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

const batch = {
  answers: ljungbyAnswers,
  decision: {
    chosenRoute: 'reserved-contract',
    justification: 'Kommunens policy: arbetsintegrerande sociala företag ska kunna lämna anbud.',
    deviationReason: 'Vi vill reservera upphandlingen för att nå målgruppen.',
    decidedBy: 'Anna Svensson, upphandlingschef',
    diarienummer: 'KS 2026/123',
  },
};

// Each case starts the CLI (tsx, the rule set, react-pdf for a PDF): seconds on a busy machine, so no 5 s limit.
describe('npm run document -- FILE --format pdf|md|json', { timeout: 120_000 }, () => {
  it('writes a PDF whose first page says what was decided, by whom, under which rule set', () => {
    const out = join(dir, 'ljungby.pdf');
    const { code, stderr, stdout } = documentCli(JSON.stringify(batch), ['--format', 'pdf', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.byteLength).toBe(0);
    const page1 = pdfText(readFileSync(out)).replace(/\s+/g, ' ');
    for (const expected of [
      'Avviker från rekommendationen',
      'Beslut om upphandlingsväg',
      'Organisation Ljungby kommun',
      'Uppskattat värde 450 000 kr exklusive moms',
      'Vald väg Reserverad upphandling (Tillåten)',
      'Vägvals rekommendation Direktupphandling.',
      'Skäl att avvika Vi vill reservera upphandlingen för att nå målgruppen.',
      'Beslutat av Anna Svensson, upphandlingschef',
      'Diarienummer KS 2026/123',
      'Underskrift',
    ]) {
      expect(page1).toContain(expected);
    }
  });

  it('writes the PDF to standard output when it is not a terminal', () => {
    const { code, stdout } = documentCli(JSON.stringify(ljungbyAnswers), ['--format', 'pdf']);
    expect(code).toBe(0);
    expect(stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Bare answers: the recommended route is the one documented, the justification left to write.
    expect(pdfText(stdout).replace(/\s+/g, ' ')).toContain('Vald väg Direktupphandling (Rekommenderas)');
  });

  it('writes Markdown by default, in English with --lang en', () => {
    const sv = documentCli(JSON.stringify(batch));
    expect(sv.code).toBe(0);
    expect(sv.stdout.toString('utf8')).toMatch(/^# Beslut om upphandlingsväg\n/);
    const en = documentCli(JSON.stringify(batch), ['--format', 'md', '--lang', 'en']);
    expect(en.stdout.toString('utf8')).toMatch(/^# Decision on the procurement route\n/);
  });

  it('writes JSON the guide can open again, with the document and each source marked quote or summary', () => {
    const { code, stdout } = documentCli(JSON.stringify(batch), ['--format', 'json']);
    expect(code).toBe(0);
    const text = stdout.toString('utf8');
    const file = JSON.parse(text);
    expect(file.format).toBe('vagval.decision');
    expect(file.document.chosen.route).toBe('reserved-contract');
    expect(file.document.diarienummer).toBe('KS 2026/123');
    const kinds = new Set(file.document.routes.flatMap((r: { reasons: Array<{ source: { kind: string } }> }) => r.reasons.map((x) => x.source.kind)));
    expect([...kinds].every((k) => k === 'quote' || k === 'summary')).toBe(true);
    const reopened = parseDecisionFile(text);
    expect(reopened.ok && reopened.draft.answers).toEqual(ljungbyAnswers);
    expect(reopened.ok && reopened.draft.decision.chosenRoute).toBe('reserved-contract');
  });

  it('reads a file the guide saved and a register record with its trail', () => {
    const guideFile = JSON.parse(documentCli(JSON.stringify(batch), ['--format', 'json']).stdout.toString('utf8'));
    const fromGuide = documentCli(JSON.stringify(guideFile), ['--format', 'md']);
    expect(fromGuide.code).toBe(0);
    expect(fromGuide.stdout.toString('utf8')).toContain('**Vald väg: Reserverad upphandling (Tillåten)**');
    const record = {
      id: 7,
      answers: ljungbyAnswers,
      rulesetVersion: guideFile.rulesetVersion,
      rulesetHash: guideFile.rulesetHash,
      verdicts: Object.fromEntries(guideFile.outcome.routes.map((r: { route: string; verdict: string }) => [r.route, r.verdict])),
      recommendedRoute: 'direct-award',
      chosenRoute: 'direct-award',
      justification: 'Under gränsen.',
      deviationReason: null,
      corrects: null,
      savedBy: { user: 'anna', role: 'procurer' },
      recordedAt: '2026-11-22T10:00:00.000Z',
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
      supersededBy: null,
    };
    const fromRegister = documentCli(JSON.stringify({ record, outcome: guideFile.outcome, outcomeProblem: null }), ['--format', 'md']);
    expect(fromRegister.stderr).toBe('');
    const md = fromRegister.stdout.toString('utf8');
    expect(md).toContain('Nummer i beslutsregistret: nr 7');
    expect(md).toContain('Sparat av: anna (upphandlare), 2026-11-22 11:00 svensk tid');
  });

  it('names every bad field on stderr and exits 1, without a stack trace', () => {
    const { code, stdout, stderr } = documentCli(
      JSON.stringify({ answers: { ...ljungbyAnswers, organisation: 'stockholm' }, decision: { chosenRoute: 'lottery', colour: 'red' } }),
      ['--format', 'pdf', '--out', join(dir, 'never.pdf')],
    );
    expect(code).toBe(1);
    expect(stdout.byteLength).toBe(0);
    expect(stderr).toContain('decision.chosenRoute:');
    expect(stderr).toContain('decision.colour: is not a known field');
    expect(stderr).not.toMatch(/\n\s+at /);
    const bareAnswers = documentCli(JSON.stringify({ ...ljungbyAnswers, organisation: 'stockholm' }));
    expect(bareAnswers.code).toBe(1);
    expect(bareAnswers.stderr).toContain('organisation:');
  });

  it('says what is wrong with the command line, the file or the output, with exit 2', () => {
    expect(documentCli(null, []).stderr).toMatch(/error: FILE is missing\nusage: npm run --silent document -- FILE/);
    expect(documentCli(null, []).code).toBe(2);
    const format = documentCli(JSON.stringify(batch), ['--format', 'docx']);
    expect([format.code, format.stderr]).toEqual([2, expect.stringContaining('--format must be pdf, md or json, not "docx"')]);
    const missing = documentCli(null, [join(dir, 'missing.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/cannot read .*missing\.json: no such file/)]);
    const notJson = documentCli('{ "answers": ');
    expect([notJson.code, notJson.stderr]).toEqual([2, expect.stringContaining('is not valid JSON')]);
    const unwritable = documentCli(JSON.stringify(batch), ['--out', join(dir, 'no-such-dir', 'x.md')]);
    expect([unwritable.code, unwritable.stderr]).toEqual([2, expect.stringMatching(/cannot write .*x\.md \(ENOENT\)/)]);
  });
});
