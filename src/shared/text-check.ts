import { printableRanges } from './printable-ranges';

/**
 * The one check of typed text used everywhere text comes in: the guide's fields (in Swedish, at the field), every
 * API route that takes text (400 naming the field) and the command line (exit 1 naming the field).
 *
 * Refused in all text: control characters (C0 but tab, line feed and carriage return; DEL; C1, among them U+0085),
 * the bidirectional overrides, embeddings, isolates and marks (U+202A–E, U+2066–9, U+200E–F, U+061C) that can make a
 * text read in another order than it is stored (CVE-2021-42574, "Trojan Source"), invisible characters (zero-width
 * space and joiners, word joiner, BOM, soft hyphen), line and paragraph separators, non-characters, lone surrogates,
 * and U+FFFD, which stands where bytes were not valid UTF-8. In text that goes into the decision document also every
 * character the PDF's font cannot draw (printable-ranges.ts), so that no accepted word is missing from the PDF.
 */
export type TextProblemKind = 'control' | 'bidi' | 'invisible' | 'invalid' | 'unprintable';
export type TextProblem = { kind: TextProblemKind; codePoint: number; index: number };

/** Written as the PDF's text writes them (decision-pdf.tsx), so they are printable though the font lacks them. */
export const writtenAsTyped: Readonly<Record<string, string>> = { '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '≠': '!=', '✓': 'v', '…': '...' };

function kindOf(cp: number): TextProblemKind | null {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return null;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0x180e) return 'invisible';
  if (cp === 0x2028 || cp === 0x2029) return 'control';
  if (cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff) || (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return 'invalid';
  return null;
}

export function isPrintable(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return true;
  let lo = 0;
  let hi = printableRanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = printableRanges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return String.fromCodePoint(cp) in writtenAsTyped;
}

/** The first character of `text` that is refused, or null. `printable`: text for the decision document. */
export function textProblem(text: string, options: { printable?: boolean } = {}): TextProblem | null {
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    // A lone surrogate iterates as itself; a pair as one code point above U+FFFF.
    const kind = kindOf(cp) ?? (options.printable && !isPrintable(cp) ? 'unprintable' : null);
    if (kind) return { kind, codePoint: cp, index };
    index += char.length;
  }
  return null;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong, for the field's error or the API's problem: the character by its code point, never raw. */
export function textProblemMessage(problem: TextProblem, lang: 'sv' | 'en'): string {
  const at = problem.index + 1;
  const seen = problem.kind === 'unprintable' ? ` ”${String.fromCodePoint(problem.codePoint)}”` : '';
  const sv: Record<TextProblemKind, string> = {
    control: `innehåller ett styrtecken (${hex(problem.codePoint)}) vid tecken ${at}. Ta bort det – det syns inte men följer med texten.`,
    bidi: `innehåller ett tecken som vänder läsriktningen (${hex(problem.codePoint)}) vid tecken ${at}. Ta bort det: det kan få texten att läsas i en annan ordning än den är skriven.`,
    invisible: `innehåller ett osynligt tecken (${hex(problem.codePoint)}) vid tecken ${at}. Ta bort det – det brukar följa med när man klistrar in text.`,
    invalid: `innehåller ett ogiltigt tecken (${hex(problem.codePoint)}) vid tecken ${at}, ofta spår av en fil i fel teckenkodning. Skriv om texten där.`,
    unprintable: `innehåller tecknet${seen} (${hex(problem.codePoint)}) vid tecken ${at}, som beslutsunderlaget inte kan skriva ut. Använd latinska, grekiska eller kyrilliska bokstäver, eller skriv det med ord.`,
  };
  const en: Record<TextProblemKind, string> = {
    control: `contains a control character (${hex(problem.codePoint)}) at character ${at}`,
    bidi: `contains a bidirectional control (${hex(problem.codePoint)}) at character ${at}, which can make the text read in another order than it is stored`,
    invisible: `contains an invisible character (${hex(problem.codePoint)}) at character ${at}`,
    invalid: `contains an invalid character (${hex(problem.codePoint)}) at character ${at}: the bytes were not valid UTF-8, or it stands for such bytes`,
    unprintable: `contains the character${seen} (${hex(problem.codePoint)}) at character ${at}, which the decision document cannot print`,
  };
  return (lang === 'sv' ? sv : en)[problem.kind];
}

/** Every string in a parsed JSON value (object keys too) with its path, the first refused character of each. */
export function textProblemsIn(value: unknown, options: { printable?: boolean } = {}, path: string[] = []): Array<{ field: string; problem: TextProblem }> {
  const field = () => path.join('.') || '(request)';
  if (typeof value === 'string') {
    const problem = textProblem(value, options);
    return problem ? [{ field: field(), problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textProblemsIn(v, options, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      const keyProblem = textProblem(key);
      return [...(keyProblem ? [{ field: [...path, key].join('.'), problem: keyProblem }] : []), ...textProblemsIn(v, options, [...path, key])];
    });
  }
  return [];
}
