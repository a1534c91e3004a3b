import type { Localized } from '../engine/ruleset-schema';
import type { AgainstResult, VerificationReport } from './transparency';
import { asClause, logProblemTitles } from './verification-words';

/**
 * One answer to one question. The auditor holds up a checkpoint or a receipt and asks whether
 * the register is still what it was; the same run also checked every record. "Ja" only when both
 * hold: a log that only grew over records the database no longer matches is a "Nej", naming the
 * first record (or problem of the log) that failed, never a green yes above a red fail.
 */
export function againstAnswer(against: Omit<AgainstResult, 'answer'>, run: Pick<VerificationReport, 'failures' | 'failedCount' | 'logProblems'>): AgainstResult['answer'] {
  if (!against.extension) return { yes: false, text: { sv: 'Nej: registret är inte en ren utökning av det du höll upp.', en: 'No: the register is not an append-only extension of what you brought.' } };
  const firstRecord = run.failures[0]?.id;
  const others = run.logProblems.filter((p) => p.kind !== 'not-extension');
  if (firstRecord === undefined && others.length === 0) {
    return { yes: true, text: { sv: 'Ja: registret är i dag en ren utökning av det du höll upp.', en: 'Yes: the register today is an append-only extension of what you brought.' } };
  }
  const more = (n: number): Localized => (n > 1 ? { sv: ` (och ${n - 1} till)`, en: ` (and ${n - 1} more)` } : { sv: '', en: '' });
  if (firstRecord !== undefined) {
    const m = more(run.failedCount);
    return {
      yes: false,
      text: { sv: `Nej: loggen har bara växt, men beslut nr ${firstRecord} i databasen stämmer inte med loggen${m.sv}.`, en: `No: the log has only grown, but decision no. ${firstRecord} in the database does not match the log${m.en}.` },
    };
  }
  // The problem's own detail is an English sentence for logs and scripts; the Swedish answer names it in
  // Swedish words only, so the one line the auditor reads does not switch language half way.
  const first = others[0]!;
  const m = more(others.length);
  const from: Localized = first.recordId ? { sv: ` (från post ${first.recordId})`, en: ` (from record ${first.recordId})` } : { sv: '', en: '' };
  return {
    yes: false,
    text: {
      sv: `Nej: loggen har bara växt, men kontrollen av samma körning fann fel i loggen: ${asClause(logProblemTitles[first.kind].sv)}${from.sv}${m.sv}.`,
      en: `No: the log has only grown, but the same run found a problem in the log: ${asClause(logProblemTitles[first.kind].en)}${from.en}${first.detail ? ` (${first.detail})` : ''}${m.en}.`,
    },
  };
}
