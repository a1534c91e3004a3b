import { describe, expect, it } from 'vitest';
import { coveredRanges, rangesModule } from '../../scripts/pdf-font-coverage';
import { readFileSync } from 'node:fs';
import { isPrintable, textProblem, textProblemMessage, textProblemsIn } from './text-check';

describe('the one check of typed text', () => {
  it('takes Swedish, Nordic, Sámi, Greek and Cyrillic text with tabs and line breaks', () => {
    for (const text of ['Lokalvård i förskolor, 450 000 kr – § 19 a kap.', 'Æble, Ørsted, Þór, Ŋ ŧ đ', 'Ελληνικά Кириллица', 'rad 1\nrad 2\r\n\tindrag']) {
      expect(textProblem(text, { printable: true }), text).toBeNull();
    }
  });

  it.each([
    ['NUL', '\u0000', 'control'],
    ['escape', '\u001b[31m', 'control'],
    ['DEL', '\u007f', 'control'],
    ['next line (C1)', '\u0085', 'control'],
    ['right-to-left override', '\u202e', 'bidi'],
    ['left-to-right embedding', '\u202a', 'bidi'],
    ['first strong isolate', '\u2068', 'bidi'],
    ['zero-width space', '\u200b', 'invisible'],
    ['byte order mark', '\ufeff', 'invisible'],
    ['line separator', '\u2028', 'control'],
    ['replacement character (invalid UTF-8)', '\ufffd', 'invalid'],
    ['lone surrogate', '\ud800', 'invalid'],
  ])('refuses a %s wherever it stands, saying where', (_, char, kind) => {
    const problem = textProblem(`Skäl ${char}här`);
    expect(problem).toEqual({ kind, codePoint: char.codePointAt(0), index: 5 });
    expect(textProblemMessage(problem!, 'sv')).toContain('vid tecken 6');
    expect(textProblemMessage(problem!, 'sv')).toMatch(/U\+[0-9A-F]{4}/);
  });

  it('refuses, for the decision document, what its font cannot draw: Chinese, Arabic, emoji', () => {
    for (const text of ['中文', 'مرحبا', 'Bra 👍']) {
      const problem = textProblem(text, { printable: true });
      expect(problem?.kind, text).toBe('unprintable');
      expect(textProblemMessage(problem!, 'sv')).toContain('som beslutsunderlaget inte kan skriva ut');
    }
    // Text that is not printed (a workshop answer) may hold them.
    expect(textProblem('Bra 👍')).toBeNull();
    // The rule set's → and ≤ are written as -> and <=, so they are printable though the font lacks them.
    expect(isPrintable('→'.codePointAt(0)!)).toBe(true);
  });

  it('names every field in a request that holds a refused character, keys too', () => {
    expect(textProblemsIn({ decision: { justification: 'a\u202eb', list: ['ok', '\u0000'] }, ['k\u200b']: 1 }).map((p) => p.field)).toEqual(['decision.justification', 'decision.list.1', 'k\u200b']);
  });

  it('knows the font as it is: printable-ranges.ts is what every face of Noto Sans draws', () => {
    expect(readFileSync(new URL('./printable-ranges.ts', import.meta.url), 'utf8')).toBe(rangesModule(coveredRanges()));
  });
});
