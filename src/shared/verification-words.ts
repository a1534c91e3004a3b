import type { Localized } from '../engine/ruleset-schema';
import type { CheckId, CheckResult, LogProblem } from './transparency';
import type { VerifyProblem } from './decision-record';

/**
 * A verification's checks and findings in words of one language each, the one source for the report a revisor
 * prints and files and for the register's pages alike: the run's own `detail` strings are English for logs and
 * scripts, and a Swedish report or page must not switch language half way through a line.
 */

/** A title as the start of a sentence ("Loggen har kortats"). */
export const asSentence = (text: string): string => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
/** A title after a colon, inside a sentence ("… fann fel i loggen: loggen har kortats"). */
export const asClause = (text: string): string => text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);

export const checkStatusNames: Record<CheckResult['status'], Localized> = {
  passed: { sv: 'Godkänd', en: 'Passed' },
  failed: { sv: 'Underkänd', en: 'Failed' },
  'not-run': { sv: 'Ej körd', en: 'Not run' },
};

export const checkTitles: Record<CheckId, Localized> = {
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

/** What each check proves when it passes. */
export const checkMeanings: Record<CheckId, Localized> = {
  'content-hash': { sv: 'varje posts innehåll stämmer med dess kontrollsumma', en: "every record's content matches its hash" },
  'chain-link': { sv: 'varje post pekar på kontrollsumman för posten före, och ingen post saknas', en: "every record's previous-record hash matches the record before it, and none is missing" },
  'index-columns': { sv: 'fälten som listor och statistik läser stämmer med varje post', en: 'the columns lists and statistics read match each record' },
  inclusion: { sv: 'varje post är den som transparensloggen har för dess nummer, och loggen har ingen post utan motsvarighet', en: 'every record is the leaf the transparency log holds for it, and every leaf has its record' },
  'checkpoint-signature': { sv: 'varje kontrollpunkt är signerad med registrets nyckel', en: "every checkpoint verifies under the register's public key" },
  consistency: { sv: 'varje kontrollpunkt är en ren utökning av den före, och trädet stämmer med varje signerad rot', en: 'each checkpoint is an append-only extension of the one before, and the tree matches every signed root' },
  'ruleset-hash': { sv: 'varje sparat regelverk stämmer med sin kontrollsumma', en: 'every stored rule set matches its own hash' },
  're-evaluation': { sv: 'varje beslut bedömt på nytt med sitt sparade regelverk ger de sparade bedömningarna och rekommendationen', en: 'every decision re-evaluated under its stored rule set gives the stored verdicts and recommendation' },
  'append-only-guards': { sv: 'databasens skydd som vägrar ändring, radering och tömning finns kvar', en: 'the database triggers that refuse UPDATE, DELETE and TRUNCATE are in place' },
};

export const logProblemTitles: Record<LogProblem['kind'], Localized> = {
  'checkpoint-signature': { sv: 'En kontrollpunkts signatur stämmer inte', en: "A checkpoint's signature does not verify" },
  'checkpoint-mismatch': { sv: 'Posterna stämmer inte med en signerad kontrollpunkt', en: 'The records do not match a signed checkpoint' },
  'log-truncated': { sv: 'Loggen har kortats', en: 'The log has been cut' },
  'records-missing': { sv: 'Poster saknas', en: 'Records are missing' },
  'guards-missing': { sv: 'Skydden mot ändring och radering har tagits bort', en: 'The guards against change and deletion are gone' },
  'log-unreadable': { sv: 'Loggen går inte att läsa', en: 'The log cannot be read' },
  'not-extension': { sv: 'Registret är inte en ren utökning av revisorns kontrollpunkt', en: "The register is not an append-only extension of the auditor's checkpoint" },
  'adopted-unwitnessed': { sv: 'Beslut antagna utan vittne: bevisen saknades och databasen togs in som den var', en: 'Decisions adopted without a witness: the evidence was missing and the database was taken as it was' },
  'side-log-broken': { sv: 'Händelseloggen eller åtkomstloggen har ändrats eller raderats', en: 'The record events or the access log were changed or erased' },
};

export const recordProblemTitles: Record<VerifyProblem['kind'], Localized> = {
  unreadable: { sv: 'posten går inte att läsa', en: 'the record cannot be read' },
  'hash-mismatch': { sv: 'innehållet har ändrats sedan det sparades', en: 'the content has changed since it was saved' },
  'chain-broken': { sv: 'kedjan till föregående post är bruten', en: 'the chain to the previous record is broken' },
  'missing-predecessor': { sv: 'föregående post saknas', en: 'the previous record is missing' },
  'index-mismatch': { sv: 'sökfälten stämmer inte med posten', en: 'the search columns do not match the record' },
  'ruleset-missing': { sv: 'regelverket beslutet fattades under saknas', en: 'the rule set the decision was made under is missing' },
  'ruleset-tampered': { sv: 'det sparade regelverket har ändrats', en: 'the stored rule set has been changed' },
  'verdicts-differ': { sv: 'bedömningarna går inte att återskapa', en: 'the verdicts do not reproduce' },
  'evaluation-failed': { sv: 'beslutet gick inte att bedöma igen', en: 'the decision could not be evaluated again' },
  'leaf-mismatch': { sv: 'posten är inte den som transparensloggen har för numret', en: 'the record is not the one the transparency log holds for its number' },
  'not-in-log': { sv: 'posten finns inte i transparensloggen: den har lagts in utanför registret', en: 'the record is not in the transparency log: it was put in outside the register' },
  'not-witnessed': { sv: 'posten hittades i databasen utan att ha sparats genom registret', en: 'the record was found in the database without having been saved through the register' },
  missing: { sv: 'posten saknas i databasen men finns i transparensloggen', en: 'the record is missing from the database but is in the transparency log' },
};

/** The run's and the log's notes are English sentences; these are the ones they write, in both languages. */
export function noteWords(note: string): Localized {
  const known: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^no checkpoint was signed before the run: /, () => 'ingen kontrollpunkt kunde signeras före körningen (skälet står i körningens JSON-rapport)'],
    [/^no earlier passing run to start from/, () => 'ingen tidigare godkänd kontroll att börja från: alla poster kontrollerades'],
    [/^no checkpoint at start: /, () => 'ingen kontrollpunkt kunde signeras när servern startade (skälet står i körningens JSON-rapport)'],
    [/^(\d+) leaves after record (\d+) were written for saves that were never committed/, (m) => `${m[1]} löv efter post ${m[2]} skrevs för sparanden som aldrig slutfördes; de räknas inte`],
    [/^the leaves file .* was missing/, () => 'lövfilen saknades: trädet byggdes om från databasen och kontrollerades mot de signerade kontrollpunkterna'],
    [/^records (\d+)–(\d+) were saved before the register had a tree/, (m) => `posterna ${m[1]}–${m[2]} sparades innan registret hade ett träd; nu finns de i det`],
    [/^records (\d+)–(\d+) were read back from the database into the rebuilt tree/, (m) => `posterna ${m[1]}–${m[2]} lästes tillbaka från databasen in i det ombyggda trädet`],
    [/^records (\d+)–(\d+) are in the database but were not saved through the register/, (m) => `posterna ${m[1]}–${m[2]} finns i databasen men sparades inte genom registret: kontrollen namnger dem`],
  ];
  for (const [pattern, sv] of known) {
    const m = pattern.exec(note);
    if (m) return { sv: sv(m), en: note };
  }
  return { sv: 'en anmärkning som står i körningens JSON-rapport', en: note };
}
