import type { Fact, Localized } from './ruleset-schema';

export type Lang = keyof Localized;
export const langs: Lang[] = ['sv', 'en'];

// Hand-rolled rather than Intl.NumberFormat: the engine formats hundreds of numbers per
// evaluation and Intl is the bulk of its time (bench/engine.bench.ts). Same output as
// sv-SE (no-break space, decimal comma) and en-GB, at most two decimals.
const separators: Record<Lang, { group: string; decimal: string }> = {
  sv: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export function formatNumber(value: number, lang: Lang): string {
  const { group, decimal } = separators[lang];
  const cents = Math.round(Math.abs(value) * 100);
  let whole = String(Math.trunc(cents / 100));
  const fraction = cents % 100;
  let grouped = '';
  while (whole.length > 3) {
    grouped = group + whole.slice(-3) + grouped;
    whole = whole.slice(0, -3);
  }
  grouped = whole + grouped;
  if (fraction !== 0) grouped += decimal + String(fraction).padStart(2, '0').replace(/0$/, '');
  return (value < 0 && cents !== 0 ? '-' : '') + grouped;
}

type Unit = 'SEK' | 'EUR' | 'share' | 'years' | Fact['type'];

/** A value as a Swedish (or English) reader expects it: "700 000 kr", "30 %", "3 år". */
export function formatValue(value: unknown, unit: Unit, lang: Lang, options?: Fact['options']): string {
  if (value === undefined || value === null) return lang === 'sv' ? 'inget svar' : 'no answer';
  if (Array.isArray(value)) return value.map((v) => formatValue(v, unit, lang, options)).join(lang === 'sv' ? ' eller ' : ' or ');
  if (typeof value === 'boolean') return lang === 'sv' ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no';
  if (typeof value === 'string') return options?.find((o) => o.value === value)?.label[lang] ?? value;
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'SEK':
    case 'sek':
      return lang === 'sv' ? `${formatNumber(value, lang)} kr` : `SEK ${formatNumber(value, lang)}`;
    case 'EUR':
      return lang === 'sv' ? `${formatNumber(value, lang)} euro` : `EUR ${formatNumber(value, lang)}`;
    case 'share':
      return `${formatNumber(Math.round(value * 1000) / 10, lang)} %`;
    case 'years':
      return lang === 'sv' ? `${formatNumber(value, lang)} år` : `${formatNumber(value, lang)} year${value === 1 ? '' : 's'}`;
    default:
      return formatNumber(value, lang);
  }
}

export const opWords: Record<Lang, Record<string, string>> = {
  sv: { eq: 'är', ne: 'är inte', lt: 'är under', lte: 'är högst', gt: 'är över', gte: 'är minst', in: 'är' },
  en: { eq: 'is', ne: 'is not', lt: 'is below', lte: 'is at most', gt: 'is above', gte: 'is at least', in: 'is' },
};

/** Both languages from one function of the language. */
export function localize(make: (lang: Lang) => string): Localized {
  return { sv: make('sv'), en: make('en') };
}
