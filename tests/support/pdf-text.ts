import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pdftotext = '/usr/bin/pdftotext';

/** The text of a PDF's pages (1-based, inclusive) as Debian's pdftotext reads it: what a reader could select and copy. */
export function pdfText(pdf: Uint8Array, first = 1, last?: number): string {
  if (!existsSync(pdftotext)) throw new Error(`${pdftotext} is missing: run \`tsx scripts/ensure-poppler.ts\` (npm test does) to install poppler-utils`);
  const file = join(mkdtempSync(join(tmpdir(), 'vagval-pdf-')), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync(pdftotext, ['-f', String(first), '-l', String(last ?? first), '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The PDF's document information and page count as pdfinfo prints them. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'vagval-pdf-')), 'document.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
