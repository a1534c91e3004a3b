import type { Identity } from '../../shared/decision-record';
import { swedishTime } from '../../shared/swedish-time';
import type { VerificationReport } from '../../shared/transparency';
import { checkMeanings, checkStatusNames, checkTitles, logProblemTitles, noteWords, recordProblemTitles } from '../../shared/verification-words';
import { recordCount } from '../../shared/record-count';

type Lang = 'sv' | 'en';

/** Who fetched the report to file it, and when: the sign-off a revisor signs under. */
export type ReportSignOff = { by: Identity; at: Date };

const seconds = (ms: number, lang: Lang) => {
  const s = (ms / 1000).toFixed(1);
  return lang === 'sv' ? s.replace('.', ',') : s;
};
/** The head lines' values line up, as they did before the report had two languages. */
const label = (text: string) => `${text}:`.padEnd(16);
const roleNames = { sv: { procurer: 'upphandlare', auditor: 'revisor', admin: 'administratör' }, en: { procurer: 'procurer', auditor: 'auditor', admin: 'administrator' } } as const;

/**
 * The verification report as plain text to print or file with an audit, in one language throughout (Swedish,
 * or English as a separate report), with times in Swedish local time, and ending in a sign-off: what was
 * checked, who fetched the report and when, and lines to sign.
 */
export function verificationReportText(r: VerificationReport, verifierKey: string, lang: Lang = 'sv', signOff?: ReportSignOff): string {
  const sv = lang === 'sv';
  const w = (s: string, e: string) => (sv ? s : e);
  const time = (iso: string) => swedishTime(iso, lang);
  const status = (s: keyof typeof checkStatusNames) => checkStatusNames[s][lang].toLocaleUpperCase(sv ? 'sv-SE' : 'en-GB');
  const passed = r.checks.filter((c) => c.status === 'passed');
  const lines = [
    w('KONTROLLRAPPORT – Vägvals beslutsregister', 'VERIFICATION REPORT – the Vägval decision register'),
    '',
    `${label(w('Resultat', 'Result'))}${r.ok ? w('GODKÄND – registret är oförändrat och en ren utökning av sina kontrollpunkter', 'PASSED – the register is unchanged and an append-only extension of its checkpoints') : w('UNDERKÄND – se nedan', 'FAILED – see below')}`,
    `${label(w('Kontroll', 'Verification'))}${r.mode === 'full' ? w('fullständig (alla poster)', 'full (every record)') : w('stegvis (poster sedan förra godkända kontrollen)', 'incremental (records since the last passing verification)')}`,
    `${label(w('Körd', 'Run'))}${time(r.startedAt)} – ${time(r.finishedAt)} (${seconds(r.durationMs, lang)} s)`,
    sv
      ? `Poster kontrollerade: ${r.checked} av ${r.treeSize} i loggen (servern svarade andra under tiden; längsta sammanhängande arbete ${r.longestSliceMs} ms)`
      : `Records checked: ${r.checked} of ${r.treeSize} in the log (the server answered others meanwhile; longest uninterrupted work ${r.longestSliceMs} ms)`,
    `${w('Kedjans sista kontrollsumma', "The chain's last hash")}: ${r.headHash}`,
    `${w('Registrets publika nyckel', "The register's public key")}: ${verifierKey}`,
    ...(r.fromCheckpoint ? [`${w('Började från kontrollpunkt', 'Started from checkpoint')}: ${recordCount(r.fromCheckpoint.treeSize, lang)}, ${time(r.fromCheckpoint.time)}`] : []),
    '',
    w('Kontrollpunkt som nåddes (spara den; nästa revision kan visa att registret bara har växt sedan):', 'Checkpoint reached (keep it; the next audit can show that the register has only grown since):'),
    ...(r.reached ? [`    ${recordCount(r.reached.treeSize, lang)}, ${w('signerad', 'signed')} ${time(r.reached.time)}`, ...r.reached.note.trimEnd().split('\n').map((l) => `    ${l}`)] : [`    ${w('ingen', 'none')}`]),
    '',
    w('Vad som kontrollerades:', 'What was checked:'),
    ...r.checks.map((c) => `  [${status(c.status)}] ${checkTitles[c.id][lang]}: ${c.checked} ${w('kontrollerade', 'checked')}, ${c.failed} ${w('fel', c.failed === 1 ? 'failure' : 'failures')} – ${checkMeanings[c.id][lang]}`),
  ];
  if (r.against) {
    const what = r.against.kind === 'receipt' ? w('kvitto', 'receipt') : w('kontrollpunkt', 'checkpoint');
    lines.push('', `${w('Mot', 'Against the')} ${what} ${w('från revisorn', 'from the auditor')}: ${r.against.answer.text[lang]}`);
    for (const reason of r.against.reasons) lines.push(`  – ${reason[lang]}`);
  }
  if (r.logProblems.length > 0) {
    lines.push('', w('Fel i loggen:', 'Problems in the log:'));
    for (const p of r.logProblems) lines.push(`  – ${logProblemTitles[p.kind][lang]}${p.recordId ? ` (${w('från post', 'from record')} ${p.recordId})` : ''}${sv ? '' : `: ${p.detail}`}`);
  }
  if (r.failedCount > 0) {
    lines.push('', `${w('Poster som inte klarar kontrollen', 'Records that fail the verification')}: ${r.failedCount}${r.failedCount > r.failures.length ? ` (${w('de första', 'the first')} ${r.failures.length} ${w('visas', 'are shown')})` : ''}`);
    for (const f of r.failures) lines.push(`  ${w('Post', 'Record')} ${f.id}: ${f.problems.map((p) => recordProblemTitles[p.kind][lang]).join('; ')}`);
  }
  if (r.notes.length > 0) lines.push('', w('Anmärkningar:', 'Notes:'), ...r.notes.map((n) => `  – ${noteWords(n)[lang]}`));
  lines.push(
    '',
    w('UNDERSKRIFT', 'SIGN-OFF'),
    `${w('Kontrollerat', 'Checked')}: ${passed.length === 0 ? w('ingen kontroll godkändes', 'no check passed') : passed.map((c) => checkTitles[c.id][lang].toLocaleLowerCase(lang === 'sv' ? 'sv-SE' : 'en-GB')).join(', ')}${w(` – ${passed.length} av ${r.checks.length} kontroller godkända`, ` – ${passed.length} of ${r.checks.length} checks passed`)}, ${w('poster', 'records')} 1–${r.treeSize}`,
  );
  if (signOff) {
    lines.push(`${w('Rapporten hämtad av', 'Report fetched by')}: ${signOff.by.user} (${roleNames[lang][signOff.by.role]}), ${time(signOff.at.toISOString())}`);
  }
  lines.push('', `${w('Granskad av (namn)', 'Reviewed by (name)')}: ______________________________`, `${w('Datum och underskrift', 'Date and signature')}: ______________________________`, '', `${w('Rapport-id', 'Report id')}: ${r.runId}`);
  return `${lines.join('\n')}\n`;
}
