import type { Localized } from '../../engine/ruleset-schema';
import { RegisterApiError } from './api/http';

const fieldNames: Record<string, Localized> = {
  justification: { sv: 'Motivering', en: 'Justification' },
  deviationReason: { sv: 'Skäl att avvika', en: 'Reason for deviating' },
  chosenRoute: { sv: 'Vald väg', en: 'Chosen route' },
  rulesetHash: { sv: 'Regelverkets version', en: 'Rule-set version' },
  recommendedRoute: { sv: 'Rekommenderad väg', en: 'Recommended route' },
  corrects: { sv: 'Rättat beslut', en: 'Corrected decision' },
  acknowledgedVerdict: { sv: 'Bekräftelse av avvikelsen', en: 'Acknowledgement of the deviation' },
  'answers.decisionDate': { sv: 'Beslutsdatum', en: 'Decision date' },
  'answers.organisation': { sv: 'Organisation', en: 'Organisation' },
  from: { sv: 'Från datum', en: 'From date' },
  to: { sv: 'Till datum', en: 'To date' },
  minValue: { sv: 'Lägsta värde', en: 'Lowest value' },
  maxValue: { sv: 'Högsta värde', en: 'Highest value' },
};

const codeTexts: Record<string, Localized> = {
  network: { sv: 'Servern går inte att nå. Inget har sparats; försök igen.', en: 'The server cannot be reached. Nothing was saved; try again.' },
  unauthenticated: { sv: 'Servern vet inte vem du är. Välj användare och roll ovan.', en: 'The server does not know who you are. Choose user and role above.' },
  forbidden: { sv: 'Din roll får inte göra detta. Försöket har loggats.', en: 'Your role may not do this. The attempt has been logged.' },
  'ruleset-changed': { sv: 'Regelverket har ändrats sedan bedömningen gjordes. Ladda om sidan och bedöm igen innan du sparar.', en: 'The rule set changed since the evaluation. Reload the page and evaluate again before saving.' },
  'verdicts-differ': { sv: 'Serverns bedömning skiljer sig från den som visas. Beslutet sparades inte.', en: "The server's verdicts differ from those shown. The decision was not saved." },
  'deviation-reason-required': { sv: 'Servern sparade inte beslutet: vald väg är bedömd som inte tillåten eller inte fullt bedömd, och skälet att avvika saknas.', en: 'The server did not save the decision: the chosen route is judged not allowed or not fully judged, and the reason for deviating is missing.' },
  'deviation-not-acknowledged': { sv: 'Servern sparade inte beslutet: bekräfta att ni avviker från bedömningen av vald väg.', en: 'The server did not save the decision: confirm that you depart from the assessment of the chosen route.' },
  'not-found': { sv: 'Beslutet finns inte.', en: 'The decision does not exist.' },
  'too-large': { sv: 'Beslutet är för stort för att sparas (högst 64 KiB).', en: 'The decision is too large to save (at most 64 KiB).' },
  internal: { sv: 'Servern kunde inte svara. Inget sparades av denna begäran.', en: 'The server could not answer. Nothing was saved by this request.' },
};

/** A register error in words for the user, naming the field where the server named one. */
export function apiErrorText(error: unknown): Localized {
  if (!(error instanceof RegisterApiError)) return { sv: 'Svaret från servern gick inte att läsa.', en: "The server's answer could not be read." };
  const field = error.body.problems?.[0]?.field;
  const name = field ? (fieldNames[field] ?? { sv: field, en: field }) : undefined;
  const known = codeTexts[error.body.error];
  if (known) return name && error.body.error !== 'forbidden' ? { sv: `${known.sv} (${name.sv})`, en: `${known.en} (${name.en})` } : known;
  if (name) return { sv: `${name.sv}: ${error.body.message}`, en: `${name.en}: ${error.body.message}` };
  return { sv: `Servern svarade: ${error.body.message}`, en: `The server answered: ${error.body.message}` };
}
