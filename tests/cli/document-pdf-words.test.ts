import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ljungbyAnswers } from '../fixtures/answers';
import { pdfInfo, pdfText } from '../support/pdf-text';

// Every word the procurer wrote and the register accepted (up to 10,000 characters) is in the PDF, read back with
// pdftotext: a justification that runs over pages, many paragraphs, many lines, and one word longer than any line.
const dir = mkdtempSync(join(tmpdir(), 'vagval-document-words-'));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function pdfOf(justification: string, extra: Record<string, unknown> = {}) {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
  const out = `${file}.pdf`;
  writeFileSync(file, JSON.stringify({ answers: ljungbyAnswers, decision: { chosenRoute: 'direct-award', justification, ...extra } }));
  const result = spawnSync(tsx, ['src/cli/document.ts', file, '--format', 'pdf', '--out', out], { encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr, pdf: result.status === 0 ? readFileSync(out) : Buffer.alloc(0) };
}

const allText = (pdf: Buffer) => pdfText(pdf, 1, Number(pdfInfo(pdf).Pages));
/** The words in the order written, as pdftotext reads them; a word broken at a line end (a hyphen added) is whole again. */
const wordsOf = (text: string) => text.replace(/-\n\s*/g, '').split(/\s+/).filter(Boolean);

// Short words, so that 1,200 of them stay under the 10,000 characters the register takes.
const words = (n: number) => Array.from({ length: n }, (_, i) => ['köp', 'väg', 'avtal', 'pris', 'tid', 'stöd'][i % 6] + (i + 1).toString(36));

describe('npm run document -- FILE --format pdf prints every accepted word', { timeout: 180_000 }, () => {
  it('a 1,200-word justification, over as many pages as it needs, with its page numbers', () => {
    const written = words(1200);
    const { code, stderr, pdf } = pdfOf(written.join(' '));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = allText(pdf);
    const found = new Set(wordsOf(text));
    expect(written.filter((w) => !found.has(w))).toEqual([]);
    const pages = Number(pdfInfo(pdf).Pages);
    for (let page = 1; page <= pages; page++) expect(pdfText(pdf, page).replace(/\s+/g, ' ')).toContain(`Sida ${page} av ${pages}`);
  });

  it('70 ordinary paragraphs, each kept, in order', () => {
    const paragraphs = Array.from({ length: 70 }, (_, i) => `Stycke ${i + 1}: ${words(12).map((w) => `${w}p${i + 1}`).join(' ')}.`);
    const { code, pdf } = pdfOf(paragraphs.join('\n\n').slice(0, 10_000));
    expect(code).toBe(0);
    const found = wordsOf(allText(pdf));
    const kept = paragraphs.join('\n\n').slice(0, 10_000);
    const expected = kept.split(/\s+/).filter(Boolean);
    expect(expected.filter((w) => !found.includes(w))).toEqual([]);
    expect(found.indexOf('Stycke')).toBeLessThan(found.lastIndexOf('Stycke'));
  });

  it('5,000 short lines', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `r${i + 1}`);
    const { code, pdf } = pdfOf(lines.join('\n').slice(0, 10_000));
    expect(code).toBe(0);
    const kept = lines.join('\n').slice(0, 10_000).split('\n');
    const found = new Set(wordsOf(allText(pdf)));
    expect(kept.filter((w) => !found.has(w))).toEqual([]);
  });

  it('one word of 10,000 characters, broken where the lines end', () => {
    // Capitals that no running head or foot is written in, so its pieces can be picked out across the page breaks.
    const word = Array.from({ length: 10_000 }, (_, i) => 'QXZWJKÅÄÖ'[i % 9]).join('');
    const { code, pdf } = pdfOf(word);
    expect(code).toBe(0);
    const pieces = allText(pdf).split(/\s+/).filter((t) => /^[QXZWJKÅÄÖ]+-?$/.test(t));
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.map((p) => p.replace(/-$/, '')).join('')).toBe(word);
  });

  it('names itself for the diarium: title, organisation, diarienummer, decision date and register number (pdfinfo)', () => {
    const { code, pdf } = pdfOf('Tre offerter.', { diarienummer: 'KS 2026/123' });
    expect(code).toBe(0);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Beslut om upphandlingsväg: Ljungby kommun, 2026-11-22');
    expect(info.Keywords).toContain('Ljungby kommun');
    expect(info.Keywords).toContain('diarienummer KS 2026/123');
    expect(info.Keywords).toContain('beslutsdatum 2026-11-22');
    expect(info.Subject).toContain('Diarienummer KS 2026/123');
    expect(info.Subject).toContain('Vald väg: Direktupphandling');
  });
});

describe('the command line refuses text that would not print or would read otherwise than stored', { timeout: 120_000 }, () => {
  it.each([
    ['a right-to-left override', 'Skäl \u202eIOP'],
    ['NUL', 'Skäl\u0000'],
    ['a zero-width space', 'Sk\u200bäl'],
    ['Chinese the font cannot draw', '决定'],
  ])('exits 1 naming decision.justification for %s', (_, justification) => {
    const { code, stderr } = pdfOf(justification);
    expect(code).toBe(1);
    expect(stderr).toMatch(/decision\.justification: contains .*U\+[0-9A-F]{4}/);
  });

  it('exits 1 naming the field where the file is not valid UTF-8', () => {
    const file = join(dir, 'latin1.json');
    const json = Buffer.from(JSON.stringify({ answers: ljungbyAnswers, decision: { justification: 'XX' } }), 'utf8');
    json[json.indexOf('XX')] = 0xe5; // "å" in Latin-1, not UTF-8
    writeFileSync(file, json);
    const result = spawnSync(tsx, ['src/cli/document.ts', file, '--format', 'md'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('decision.justification: contains an invalid character (U+FFFD)');
  });
});
