import { formatNumber, formatValue, localize, type Lang } from '../engine/format';
import type { Localized } from '../engine/ruleset-schema';
import type { FieldKind } from './field-kinds';
import { readAmount, readPercent, type NumberReading } from './swedish-number';

/** What the field asks when a number can be read two ways: the question and the texts to fill in, likely first. */
export type NumberSuggestion = {
  question: Localized;
  choices: Array<{ text: string; label: Localized }>;
};

/** The number as the procurer would type it in Swedish: ordinary spaces, a decimal comma. */
const typed = (value: number): string => formatNumber(value, 'sv').replace(/\u00a0/g, ' ');
const percent = (value: number, lang: Lang): string => `${formatNumber(value, lang)} %`;

/** The question for an unsure sum or share ("Menade du 225 000 kr?", "Menade du 40 %?"); null when the text is certain. */
export function numberSuggestion(kind: FieldKind, text: string): NumberSuggestion | null {
  if (kind === 'sek') {
    const r = readAmount(text);
    if (r.status !== 'unsure') return null;
    return {
      question: localize((lang) => (lang === 'sv' ? `Menade du ${formatValue(r.value, 'sek', lang)}?` : `Did you mean ${formatValue(r.value, 'sek', lang)}?`)),
      choices: [
        { text: typed(r.value), label: localize((lang) => `${lang === 'sv' ? 'Ja' : 'Yes'}, ${formatValue(r.value, 'sek', lang)}`) },
        { text: typed(r.literal), label: localize((lang) => `${lang === 'sv' ? 'Nej' : 'No'}, ${formatValue(r.literal, 'sek', lang)}`) },
      ],
    };
  }
  if (kind === 'percent') {
    const r = readPercent(text);
    if (r.status !== 'unsure') return null;
    return {
      question: localize((lang) => (lang === 'sv' ? `Menade du ${percent(r.value, lang)}?` : `Did you mean ${percent(r.value, lang)}?`)),
      choices: [
        { text: typed(r.value), label: localize((lang) => `${lang === 'sv' ? 'Ja' : 'Yes'}, ${percent(r.value, lang)}`) },
        { text: `${typed(r.literal)} %`, label: localize((lang) => `${lang === 'sv' ? 'Nej' : 'No'}, ${percent(r.literal, lang)}`) },
      ],
    };
  }
  return null;
}

/** The same question as one sentence, for a field without buttons (the workshop's what-if, the register's filter). */
export function suggestionText(kind: FieldKind, text: string): Localized | null {
  const s = numberSuggestion(kind, text);
  if (!s) return null;
  const [likely, literal] = s.choices as [NumberSuggestion['choices'][number], NumberSuggestion['choices'][number]];
  return {
    sv: `${s.question.sv} Skriv ${likely.text}. Menade du ${literal.label.sv.replace(/^Nej, /, '')}, skriv ${literal.text}.`,
    en: `${s.question.en} Write ${likely.text}. If you meant ${literal.label.en.replace(/^No, /, '')}, write ${literal.text}.`,
  };
}

/** The sums a purchase cannot be without: 0 kr there is more often a slip than a free purchase. */
const valueFields: ReadonlySet<string> = new Set(['value.annualSek', 'value.totalSek', 'wizard.contractSek']);

/** A warning that does not stop the procurer: 0 kr as the value of the purchase. */
export function numberWarning(path: string, text: string): Localized | null {
  if (!valueFields.has(path)) return null;
  const r: NumberReading = readAmount(text);
  if (r.status !== 'ok' || r.value !== 0) return null;
  return {
    sv: 'Värdet är 0 kr. Stämmer det? Vilken väg som är möjlig beror på värdet, så ange vad köpet beräknas kosta exklusive moms.',
    en: 'The value is 0 kr. Is that right? Which route is possible depends on the value, so give what the purchase is estimated to cost excluding VAT.',
  };
}
