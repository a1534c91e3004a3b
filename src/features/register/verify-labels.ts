import type { Localized } from '../../engine/ruleset-schema';
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
