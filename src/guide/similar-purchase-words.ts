import type { Localized } from '../engine/ruleset-schema';
import type { SourceRef } from '../engine/ruleset-schema';
import type { NotAddedReason, SimilarFound, UncheckedReason } from '../shared/similar-check';
import type { DraftAnswers } from './draft';

/** The words of the similar-purchase check, shared by the guide's panel and the decision document. */

export const notAddedReasonWords: Record<NotAddedReason, Localized> = {
  'not-same-need': { sv: 'inte samma behov', en: 'not the same need' },
  'already-counted': { sv: 'redan medräknat i värdet', en: 'already counted in the value' },
  other: { sv: 'annat skäl', en: 'another reason' },
};

/** Why the register could not be asked, as the guide says it and the document records it. */
export const uncheckedWords: Record<UncheckedReason, Localized> = {
  offline: { sv: 'beslutsregistret gick inte att nå (ingen förbindelse med servern)', en: 'the decision register could not be reached (no connection to the server)' },
  'server-error': { sv: 'beslutsregistret svarade med ett fel', en: 'the decision register answered with an error' },
  forbidden: { sv: 'rollen du arbetar som får inte läsa organisationens beslut i registret', en: "the role you act as may not read the organisation's decisions in the register" },
  'no-register': { sv: 'det finns inget beslutsregister på den här servern', en: 'there is no decision register on this server' },
  incomplete: {
    sv: 'svaren säger ännu inte vad som köps (CPV-kod eller beskrivning) och av vem (leverantörens namn eller organisationsnummer)',
    en: 'the answers do not yet say what is bought (CPV code or description) and from whom (the supplier’s name or organisation number)',
  },
};

/**
 * Why the register could not be asked yet, naming only what the answers still lack: with the CPV code given and no
 * supplier, "vem som levererar", not also "vad som köps".
 */
export function incompleteWords(answers: DraftAnswers): Localized {
  const what = Boolean(answers.purchase?.cpvCode?.trim() || answers.purchase?.description?.trim());
  const who = Boolean(answers.supplier?.orgNumber?.trim() || answers.supplier?.name?.trim());
  const missing: Localized[] = [];
  if (!answers.organisation || !answers.decisionDate) missing.push({ sv: 'vilken organisation som köper och när', en: 'which organisation buys and when' });
  if (!what) missing.push({ sv: 'vad som köps (CPV-kod eller beskrivning)', en: 'what is bought (CPV code or description)' });
  if (!who) missing.push({ sv: 'av vem (leverantörens namn eller organisationsnummer)', en: 'from whom (the supplier’s name or organisation number)' });
  if (missing.length === 0) return uncheckedWords.incomplete;
  const join = (lang: 'sv' | 'en') => missing.map((m) => m[lang]).join(lang === 'sv' ? ' och ' : ' and ');
  return { sv: `svaren säger ännu inte ${join('sv')}`, en: `the answers do not yet say ${join('en')}` };
}

export const matchWords: Record<SimilarFound['match'][number], Localized> = {
  orgNumber: { sv: 'samma organisationsnummer', en: 'same organisation number' },
  supplierName: { sv: 'samma leverantörsnamn', en: 'same supplier name' },
  cpvGroup: { sv: 'samma CPV-grupp', en: 'same CPV group' },
};

/** LOU 5 kap. as Upphandlingsmyndigheten and Konkurrensverket explain it for direct awards (rules/sources/). */
export const similarPurchaseSources: SourceRef[] = [
  { document: 'uhm-fragor-direktupphandling', excerpt: 'value-5-kap' },
  { document: 'kkv-direktupphandling', excerpt: 'similar-12-months' },
];
