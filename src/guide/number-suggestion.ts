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
const shown = (value: number, kind: 'sek' | 'percent', lang: Lang): string => (kind === 'sek' ? formatValue(value, 'sek', lang) : `${formatNumber(value, lang)} %`);
const words = { sv: { yes: 'Ja', no: 'Nej', ask: 'Menade du' }, en: { yes: 'Yes', no: 'No', ask: 'Did you mean' } };

/** The question for an unsure sum or share ("Menade du 225 000 kr?", "Menade du 40 %?"); null when the text is certain. */
export function numberSuggestion(kind: FieldKind, text: string): NumberSuggestion | null {
  if (kind !== 'sek' && kind !== 'percent') return null;
  const r = kind === 'sek' ? readAmount(text) : readPercent(text);
  if (r.status !== 'unsure') return null;
  return {
    question: localize((lang) => `${words[lang].ask} ${shown(r.value, kind, lang)}?`),
    choices: [
      { text: typed(r.value), label: localize((lang) => `${words[lang].yes}, ${shown(r.value, kind, lang)}`) },
      // A share keeps its sign, so that "0,4 %" is read as typed.
      { text: kind === 'sek' ? typed(r.literal) : `${typed(r.literal)} %`, label: localize((lang) => `${words[lang].no}, ${shown(r.literal, kind, lang)}`) },
    ],
  };
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
