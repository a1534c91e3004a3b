import { describe, expect, it } from 'vitest';
import { checkIds, type VerificationReport } from '../../shared/transparency';
import { verificationReportText } from './report-text';

const note = 'vagval.example/register\n290\nKq3bB0ZC8fYhV7bXr2S6Ww3Qm1oQ0tA9u6m8X0uQ5nE=\n\n— vagval.example/register r3kqXyZAbc==\n';

/** A failed run with every kind of finding, so that the run's own English detail strings have a chance to leak. */
const report: VerificationReport = {
  runId: '4f2a9c',
  mode: 'full',
  startedAt: '2026-12-07T09:15:00.000Z',
  finishedAt: '2026-12-07T09:15:04.200Z',
  durationMs: 4200,
  longestSliceMs: 9,
  ok: false,
  checked: 290,
  treeSize: 290,
  headHash: 'a'.repeat(64),
  fromCheckpoint: null,
  reached: { origin: 'vagval.example/register', treeSize: 290, rootHash: 'Kq3bB0ZC8fYhV7bXr2S6Ww3Qm1oQ0tA9u6m8X0uQ5nE=', time: '2026-12-07T09:10:00.000Z', note },
  checks: checkIds.map((id, i) => ({ id, status: i === 0 ? 'failed' : 'passed', checked: 290, failed: i === 0 ? 1 : 0, detail: "every record's content matches its hash" })),
  failures: [{ id: 17, ok: false, problems: [{ kind: 'hash-mismatch', detail: 'the content hash is not the stored one' }] }],
  failedCount: 1,
  logProblems: [{ kind: 'log-truncated', detail: 'the checkpoint of 2026-12-01 signs 300 records, the log now holds 290', recordId: 291 }],
  against: { kind: 'receipt', extension: false, treeSize: 300, recordId: 291, reasons: [{ sv: 'Kvittot gäller post 291, som saknas.', en: 'The receipt is for record 291, which is missing.' }], answer: { yes: false, text: { sv: 'Nej: registret är inte en ren utökning av det du höll upp.', en: 'No: the register is not an append-only extension of what you brought.' } } },
  notes: ['no checkpoint was signed before the run: 3 records', 'something new the run says'],
};
const signOff = { by: { user: 'revisor', role: 'auditor' as const, organisations: ['*' as const] }, at: new Date('2026-12-07T09:20:00.000Z') };

/** The report's prose: the signed checkpoint note, hashes and keys are not in any language. */
const prose = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('    '))
    .join('\n')
    .replace(/[0-9a-f]{64}/g, '')
    .replace(/vagval\.example\/register\S*/g, '')
    .replaceAll('Vägval', '');

const englishWords = /\b(the|every|its|is|are|and|of|from|records?|checked|matches|hash|was|none|failures?|signed|report|run)\b/i;

describe('the verification report to print and file', () => {
  it('is Swedish throughout, with no English sentence, not even from the run’s own findings', () => {
    const text = verificationReportText(report, 'vagval.example/register+1234abcd+AQID', 'sv', signOff);
    const lines = prose(text).split('\n');
    expect(lines.filter((line) => englishWords.test(line))).toEqual([]);
    expect(text).toContain('[UNDERKÄND] Innehållets kontrollsumma: 290 kontrollerade, 1 fel – varje posts innehåll stämmer med dess kontrollsumma');
    expect(text).toContain('Post 17: innehållet har ändrats sedan det sparades');
  });

  it('gives times in Swedish local time, never as raw ISO', () => {
    const text = verificationReportText(report, 'key', 'sv', signOff);
    expect(text).toContain('Körd:           2026-12-07 10:15 svensk tid – 2026-12-07 10:15 svensk tid (4,2 s)');
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('is signed off with what was checked, who fetched it and when, and lines to sign', () => {
    const text = verificationReportText(report, 'key', 'sv', signOff);
    expect(text).toMatch(/UNDERSKRIFT\nKontrollerat: kedjans länkar, .* – 8 av 9 kontroller godkända, poster 1–290\nRapporten hämtad av: revisor \(revisor\), 2026-12-07 10:20 svensk tid/);
    expect(text).toContain('Granskad av (namn): ');
  });

  it('is English throughout when asked for in English', () => {
    const text = verificationReportText(report, 'key', 'en', signOff);
    expect(prose(text)).not.toMatch(/[åäöÅÄÖ]|\b(och|poster|kontroll\w*|från|godkänd)\b/i);
    expect(text).toContain('Run:            2026-12-07 10:15 Swedish time');
    expect(text).toContain('Report fetched by: revisor (auditor), 2026-12-07 10:20 Swedish time');
  });
});
