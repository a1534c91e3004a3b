// What the fields say beyond their label and help: the guide's own plain lines and examples, the question for an
// unsure number, the 0 kr warning, the value's sum line by line and the four routes on step 1. One chunk, loaded
// right after the guide's first page (use-field-guidance.ts), to keep the first load within its budget.
import type { Lang } from '../../engine/format';
import type { Localized } from '../../engine/ruleset-schema';

export { ownFieldExplanations } from '../../guide/own-field-explanations';
export { numberSuggestion, numberWarning } from '../../guide/number-suggestion';
export { valueSumLines } from '../../guide/value-sum-lines';
export { RoutesGlossary } from './routes-glossary';
// The register's similar purchases on the supplier step, itself loaded on demand (similar-purchases/).
export { SimilarPurchasesCheck } from './similar-purchases';
import { paymentCues } from '../../guide/payment-cues';

/** The note at the IOP payment question when the description speaks of payment per unit or by invoice, quoting it. */
export function paymentCueNote(description: string | undefined, lang: Lang): Localized | null {
  const cues = paymentCues(description);
  if (cues.length === 0) return null;
  const quoted = cues.map((c) => `”${c}”`).join(lang === 'sv' ? ' och ' : ' and ');
  return {
    sv: `I beskrivningen av köpet står det ${quoted}. Det låter som betalning för det organisationen gör – ett köp, även om ni kallar det bidrag. Svara efter hur pengarna faktiskt betalas.`,
    en: `The description of the purchase says ${quoted}. That sounds like payment for what the organisation does – a purchase, even if you call it a grant. Answer by how the money is actually paid.`,
  };
}

/** Under "Källa" where a field's plain line paraphrases a quoted source. */
export const ownWordsNote: Localized = {
  sv: 'Förklaringen och exemplet ovan är Vägvals egna ord. Källan säger:',
  en: "The explanation and example above are Vägval's own words. The source says:",
};
