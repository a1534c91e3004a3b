/**
 * Numbers as Swedish procurers type them, read one way for the guide, the workshop's what-if and the
 * register's filters. Sums are written "225 000", "225 000 kr", "1,5 mkr", "2 msek" or "225 tkr"; a dot or a
 * comma followed by exactly three digits ("225.000") may be a grouping separator from another locale or a
 * decimal, so it is never read in silence: the reading is `unsure`, with the likely meaning first, for the
 * procurer to confirm at the field. A share typed as a fraction ("0,4") is unsure in the same way.
 */

/** What a text stands for: nothing, not a number, a number, or a number to confirm (likely meaning first). */
export type NumberReading =
  | { status: 'empty' }
  | { status: 'invalid' }
  | { status: 'ok'; value: number }
  | { status: 'unsure'; value: number; literal: number };

// Grouping spaces: space, no-break space (sv-SE), narrow no-break space (fr-FR), thin space, and the
// apostrophes of de-CH.
const groupSpace = /[\s\u00a0\u202f\u2009'\u2019]/g;
const minus = /^[-\u2212]/;

const currency = '(?:kronor|kr\\.?|sek|:-)';
/** Multipliers of a sum in kronor ("1,5 mkr", "225 tkr", "2 miljoner kronor"), by their power of ten; a bare k or m only after a digit or a space. */
const amountSuffixes: ReadonlyArray<{ pattern: RegExp; exponent: number }> = [
  { pattern: new RegExp(`(?<=[\\d\\s])(?:miljarder|miljard|mdkr|mdr|mdsek)\\s*${currency}?$`), exponent: 9 },
  { pattern: new RegExp(`(?<=[\\d\\s])(?:miljoner|miljon|milj\\.?|mnkr|mkr|msek|mn|m)\\s*${currency}?$`), exponent: 6 },
  { pattern: new RegExp(`(?<=[\\d\\s])(?:tusen|tkr|tsek|ksek|k)\\s*${currency}?$`), exponent: 3 },
];
const currencyLast = new RegExp(`${currency}$`);
const currencyFirst = /^(?:sek|kr)/;

/** A number as its digits: the whole part, the fraction and the sign, kept as text so that scaling is exact. */
type Digits = { negative: boolean; whole: string; fraction: string };

/** A text split into digits; `literal` is the other reading of an unsure text (a decimal where `digits` groups). */
type Split = { digits: Digits; literal?: Digits };

/**
 * Splits "1 234,5", "1.234,5", "1,234.5", "1.500.000" and "225.000" into digits, or null if it is no number.
 * `decimalOnly`: a single separator is always a decimal (shares, years, sums with a suffix such as "1,500 mkr").
 */
function split(text: string, decimalOnly: boolean): Split | null {
  let t = text.replace(groupSpace, '');
  const negative = minus.test(t);
  if (negative) t = t.slice(1);
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const separators = t.replace(/\d/g, '');
  if (separators.length === 0) return { digits: { negative, whole: t, fraction: '' } };
  const last = separators[separators.length - 1]!;
  const lastAt = t.lastIndexOf(last);
  const before = t.slice(0, lastAt);
  const after = t.slice(lastAt + 1);
  if (after === '') return null;
  const earlier = separators.slice(0, -1);
  if (earlier.length > 0) {
    // Several separators: the earlier ones group thousands ("1.234,5", "1,234.5", "1.500.000"), all one character.
    const group = earlier[0]!;
    if ([...earlier].some((c) => c !== group)) return null;
    const groups = before.split(group);
    if (groups[0]!.length < 1 || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null;
    if (group === last) return after.length === 3 ? { digits: { negative, whole: groups.join('') + after, fraction: '' } } : null;
    return { digits: { negative, whole: groups.join(''), fraction: after } };
  }
  const decimal: Digits = { negative, whole: before === '' ? '0' : before, fraction: after };
  // "225.000" or "225,000": a grouping (225 000) or a decimal (225)? Both, the grouping first.
  if (!decimalOnly && after.length === 3 && /[1-9]/.test(before)) return { digits: { negative, whole: before + after, fraction: '' }, literal: decimal };
  return { digits: decimal };
}

/** The number the digits stand for, times 10^exponent, computed on the digit string so that "1,23 mkr" is exactly 1 230 000. */
function valueOf(d: Digits, exponent = 0): number {
  let whole = d.whole;
  let fraction = d.fraction;
  for (let i = 0; i < exponent; i++) {
    whole += fraction[0] ?? '0';
    fraction = fraction.slice(1);
  }
  const n = Number(fraction === '' ? whole : `${whole}.${fraction}`);
  return d.negative && n !== 0 ? -n : n;
}

type Parsed = { value: number; literal?: number | undefined } | null;

function parseDigits(text: string, exponent: number, decimalOnly: boolean): Parsed {
  const found = split(text, decimalOnly);
  if (!found) return null;
  return { value: valueOf(found.digits, exponent), ...(found.literal ? { literal: valueOf(found.literal, exponent) } : {}) };
}

function reading(parsed: Parsed): NumberReading {
  if (!parsed || !Number.isFinite(parsed.value)) return { status: 'invalid' };
  if (parsed.literal !== undefined) return { status: 'unsure', value: parsed.value, literal: parsed.literal };
  return { status: 'ok', value: parsed.value };
}

/**
 * A sum in kronor: "225 000", "225000", "225 000 kr", "225 000:-", "1,5 mkr", "1,5 miljoner", "2 msek",
 * "225 tkr", "1.234,50", "1,234.50", "1.500.000". "225.000" and "225,000" are unsure: 225 000 kr first,
 * 225 kr (the separator as a decimal) second.
 */
export function readAmount(text: string): NumberReading {
  let t = text.trim().toLowerCase();
  if (t === '') return { status: 'empty' };
  t = t.replace(currencyFirst, '').trim();
  const suffix = amountSuffixes.find((s) => s.pattern.test(t));
  const exponent = suffix?.exponent ?? 0;
  t = (suffix ? t.replace(suffix.pattern, '') : t.replace(currencyLast, '')).trim();
  // With a suffix ("1.5 mkr", "1,500 tkr"), the separator is a decimal: nobody writes thousands of millions.
  return reading(parseDigits(t, exponent, exponent > 0));
}

/**
 * A share in per cent: "40", "40 %", "40 procent", "37,5". A number from 0 to 1 without a per-cent sign
 * ("0,4") is unsure: 40 % first, 0,4 % second. Typed with its sign ("0,4 %") it is what it says.
 */
export function readPercent(text: string): NumberReading {
  let t = text.trim().toLowerCase();
  if (t === '') return { status: 'empty' };
  const signed = /(%|procent)$/.test(t);
  t = t.replace(/(%|procent)$/, '').trim();
  const found = split(t, true);
  if (!found) return { status: 'invalid' };
  const value = valueOf(found.digits);
  if (!signed && value > 0 && value <= 1) return { status: 'unsure', value: valueOf(found.digits, 2), literal: value };
  return { status: 'ok', value };
}

/** A term in years: "2", "2,5", "2 år", or in months ("18 månader", "18 mån") as years. */
export function readYears(text: string): NumberReading {
  let t = text.trim().toLowerCase();
  if (t === '') return { status: 'empty' };
  const months = /(månader|månad|mån\.?)$/.test(t);
  t = t.replace(/(månader|månad|mån\.?|år)$/, '').trim();
  const parsed = parseDigits(t, 0, true);
  if (!parsed) return { status: 'invalid' };
  return { status: 'ok', value: months ? Math.round((parsed.value / 12) * 1e6) / 1e6 : parsed.value };
}

/** A plain number, "1 500 000" or "2,5" (also "150 000 kr"); null when it is no number or not certain. */
export function parseNumber(text: string): number | null {
  const r = readAmount(text);
  return r.status === 'ok' ? r.value : null;
}
