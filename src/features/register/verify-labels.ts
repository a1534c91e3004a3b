import type { Localized } from '../../engine/ruleset-schema';
import type { VerifyProblem } from '../../shared/decision-record';
import type { CheckId, CheckResult, LogProblem } from '../../shared/transparency';

/** The verification checklist's lines, as the report names them (src/server/transparency/report-text.ts). */
export const checkNames: Record<CheckId, Localized> = {
  'content-hash': { sv: 'Innehållets kontrollsumma', en: 'Content hash' },
  'chain-link': { sv: 'Kedjans länkar', en: 'Chain links' },
  'index-columns': { sv: 'Sökfälten', en: 'Search columns' },
  inclusion: { sv: 'Med i transparensloggen (inklusion)', en: 'In the transparency log (inclusion)' },
  'checkpoint-signature': { sv: 'Kontrollpunkternas signatur', en: 'Checkpoint signatures' },
  consistency: { sv: 'Konsistens mellan kontrollpunkter', en: 'Consistency between checkpoints' },
  'ruleset-hash': { sv: 'Regelverkens kontrollsumma', en: 'Rule-set hashes' },
  're-evaluation': { sv: 'Ny bedömning ger samma utfall', en: 'Re-evaluation gives the same outcome' },
  'append-only-guards': { sv: 'Skydden mot ändring och radering', en: 'Guards against change and deletion' },
};

export const checkStatusNames: Record<CheckResult['status'], Localized> = {
  passed: { sv: 'Godkänd', en: 'Passed' },
  failed: { sv: 'Underkänd', en: 'Failed' },
  'not-run': { sv: 'Ej körd', en: 'Not run' },
};

export const logProblemNames: Record<LogProblem['kind'], Localized> = {
  'checkpoint-signature': { sv: 'En kontrollpunkts signatur stämmer inte', en: "A checkpoint's signature does not verify" },
  'checkpoint-mismatch': { sv: 'Posterna stämmer inte med en signerad kontrollpunkt', en: 'The records do not match a signed checkpoint' },
  'log-truncated': { sv: 'Loggen har kortats', en: 'The log has been cut' },
  'records-missing': { sv: 'Poster saknas', en: 'Records are missing' },
  'guards-missing': { sv: 'Skydden mot ändring och radering har tagits bort', en: 'The guards against change and deletion are gone' },
  'log-unreadable': { sv: 'Loggen går inte att läsa', en: 'The log cannot be read' },
  'not-extension': { sv: 'Registret är inte en ren utökning av revisorns kontrollpunkt', en: "The register is not an append-only extension of the auditor's checkpoint" },
};

/** One record's problems, as a check or a verification run finds them. */
export const problemNames: Record<VerifyProblem['kind'], Localized> = {
  unreadable: { sv: 'Posten går inte att läsa', en: 'The record cannot be read' },
  'hash-mismatch': { sv: 'Innehållet har ändrats sedan det sparades', en: 'The content has changed since it was saved' },
  'chain-broken': { sv: 'Kedjan till föregående post är bruten', en: 'The chain to the previous record is broken' },
  'missing-predecessor': { sv: 'Föregående post saknas', en: 'The previous record is missing' },
  'index-mismatch': { sv: 'Sökfälten stämmer inte med posten', en: 'The search columns do not match the record' },
  'ruleset-missing': { sv: 'Regelverket beslutet fattades under saknas', en: 'The rule set the decision was made under is missing' },
  'ruleset-tampered': { sv: 'Det sparade regelverket har ändrats', en: 'The stored rule set has been changed' },
  'verdicts-differ': { sv: 'Bedömningarna går inte att återskapa', en: 'The verdicts do not reproduce' },
  'evaluation-failed': { sv: 'Beslutet gick inte att bedöma igen', en: 'The decision could not be evaluated again' },
  'leaf-mismatch': { sv: 'Posten är inte den som transparensloggen har för numret', en: 'The record is not the one the transparency log holds for its number' },
  'not-in-log': { sv: 'Posten finns inte i transparensloggen: den har lagts in utanför registret', en: 'The record is not in the transparency log: it was put in outside the register' },
  'not-witnessed': { sv: 'Posten hittades i databasen utan att ha sparats genom registret', en: 'The record was found in the database without having been saved through the register' },
  missing: { sv: 'Posten saknas i databasen men finns i transparensloggen', en: 'The record is missing from the database but is in the transparency log' },
};
