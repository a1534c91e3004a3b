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
  // The request may have reached the server before the connection failed: never claim nothing was saved.
  network: {
    sv: 'Servern svarade inte. Om du sparade kan beslutet ändå ha sparats: försök igen, så sparas det bara en gång.',
    en: 'The server did not answer. If you were saving, the decision may have been saved anyway: try again, and it is saved only once.',
  },
  'outcome-unknown': {
    sv: 'Det går inte att veta om beslutet hann sparas. Försök igen: finns det redan, visas det sparade beslutet, annars sparas det en gång.',
    en: 'It is not known whether the decision was saved. Try again: if it was, the saved decision is shown; if not, it is saved once.',
  },
  'idempotency-key-reused': {
    sv: 'Beslutet ändrades efter ett sparförsök som inte fick svar. Spara igen som ett nytt beslut.',
    en: 'The decision changed after a save attempt that got no answer. Save again as a new decision.',
  },
  'forbidden-origin': { sv: 'Begäran kom från en annan webbplats och avvisades.', en: 'The request came from another web site and was refused.' },
  'too-many-refusals': { sv: 'För många avvisade försök från den här datorn. Vänta en minut och försök igen.', en: 'Too many refused attempts from this computer. Wait a minute and try again.' },
  unauthenticated: { sv: 'Servern vet inte vem du är. Välj användare och roll ovan.', en: 'The server does not know who you are. Choose user and role above.' },
  forbidden: { sv: 'Din roll får inte göra detta. Försöket har loggats.', en: 'Your role may not do this. The attempt has been logged.' },
  'ruleset-changed': { sv: 'Regelverket har ändrats sedan bedömningen gjordes. Ladda om sidan och bedöm igen innan du sparar.', en: 'The rule set changed since the evaluation. Reload the page and evaluate again before saving.' },
  'verdicts-differ': { sv: 'Serverns bedömning skiljer sig från den som visas. Beslutet sparades inte.', en: "The server's verdicts differ from those shown. The decision was not saved." },
  'deviation-reason-required': { sv: 'Servern sparade inte beslutet: vald väg är bedömd som inte tillåten eller inte fullt bedömd, och skälet att avvika saknas.', en: 'The server did not save the decision: the chosen route is judged not allowed or not fully judged, and the reason for deviating is missing.' },
  'deviation-not-acknowledged': { sv: 'Servern sparade inte beslutet: bekräfta att ni avviker från bedömningen av vald väg.', en: 'The server did not save the decision: confirm that you depart from the assessment of the chosen route.' },
  'not-found': { sv: 'Beslutet finns inte, eller så får du inte läsa det.', en: 'The decision does not exist, or you may not read it.' },
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
