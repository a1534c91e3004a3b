import type { Fact, Localized } from './ruleset-schema';

export type Lang = keyof Localized;
export const langs: Lang[] = ['sv', 'en'];

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

type Unit = 'SEK' | 'EUR' | 'share' | 'years' | Fact['type'];

/** A value as a Swedish (or English) reader expects it: "700 000 kr", "30 %", "3 år". */
export function formatValue(value: unknown, unit: Unit, lang: Lang, options?: Fact['options']): string {
  if (value === undefined || value === null) return lang === 'sv' ? 'inget svar' : 'no answer';
  if (Array.isArray(value)) return value.map((v) => formatValue(v, unit, lang, options)).join(lang === 'sv' ? ' eller ' : ' or ');
  if (typeof value === 'boolean') return lang === 'sv' ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no';
  if (typeof value === 'string') return options?.find((o) => o.value === value)?.label[lang] ?? value;
  if (typeof value !== 'number') return String(value);
  const n = numberFormats[lang];
  switch (unit) {
    case 'SEK':
    case 'sek':
      return lang === 'sv' ? `${n.format(value)} kr` : `SEK ${n.format(value)}`;
    case 'EUR':
      return lang === 'sv' ? `${n.format(value)} euro` : `EUR ${n.format(value)}`;
    case 'share':
      return `${n.format(Math.round(value * 1000) / 10)} %`;
    case 'years':
      return lang === 'sv' ? `${n.format(value)} år` : `${n.format(value)} year${value === 1 ? '' : 's'}`;
    default:
      return n.format(value);
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
