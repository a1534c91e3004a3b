import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { swedishTime } from '../../shared/swedish-time';
import type { VerificationReport } from '../../shared/transparency';
import { asSentence, checkStatusNames, checkTitles, logProblemTitles, recordProblemTitles } from '../../shared/verification-words';
import { downloadReport, verifyRunQuery } from './api/verify-runs';
import { apiErrorText } from './api-error-text';
import { actorKey, useActingAs } from './use-acting-as';
import { recordCount } from '../../shared/record-count';

/** One verification run: its progress while it works, then what it proved, with the report to download or print. */
export function VerifyRunView({ runId, onOpen }: { runId: string; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const actor = actorKey(useActingAs());
  const run = useQuery(verifyRunQuery(actor, runId));
  // A finished run is in the timeline of every record it checked: records opened before it show it too.
  const queryClient = useQueryClient();
  const finished = run.data?.report !== null && run.data?.report !== undefined;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['register', 'reports', 'record'] });
  }, [finished, queryClient]);
  if (run.isError) return <p role="alert">{t(apiErrorText(run.error))}</p>;
  if (!run.data) return <p role="status">{t({ sv: 'Startar kontrollen…', en: 'Starting the verification…' })}</p>;
  const { progress, report } = run.data;
  if (progress.status === 'failed') return <p role="alert">{t({ sv: `Kontrollen kunde inte slutföras: ${progress.error ?? ''}`, en: `The verification could not finish: ${progress.error ?? ''}` })}</p>;
  if (!report) {
    return (
      <div role="status" className="verify-progress">
        <label htmlFor={`progress-${runId}`}>{t({ sv: `Kontrollerar… ${progress.checked} av ${recordCount(progress.total, 'sv')}`, en: `Verifying… ${progress.checked} of ${recordCount(progress.total, 'en')}` })}</label>
        <progress id={`progress-${runId}`} max={Math.max(progress.total, 1)} value={progress.checked} />
      </div>
    );
  }
  return <ReportView report={report} onOpen={onOpen} />;
}

function ReportView({ report, onOpen }: { report: VerificationReport; onOpen: (id: number) => void }) {
  const { t, lang } = useI18n();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const download = (format: 'json' | 'txt', reportLang: 'sv' | 'en' = 'sv') => {
    setDownloadError(null);
    downloadReport(report.runId, format, reportLang).catch(setDownloadError);
  };
  const copy = (text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="verify-report">
      {report.against ? (
        <p className={`verify verify--answer ${report.against.answer.yes ? 'verify--ok' : 'verify--failed'}`} role={report.against.answer.yes ? undefined : 'alert'}>
          <strong>{t(report.against.answer.text)}</strong>{' '}
          {report.against.reasons.map((reason) => `${asSentence(t(reason))}.`).join(' ')}
        </p>
      ) : null}
      <p className={`verify ${report.ok ? 'verify--ok' : 'verify--failed'}`} role={report.ok ? undefined : 'alert'}>
        {report.ok
          ? t({ sv: report.checked === 1 ? 'Godkänd: den kontrollerade posten är oförändrad och med i den signerade loggen.' : `Godkänd: alla ${report.checked} kontrollerade poster är oförändrade och med i den signerade loggen.`, en: report.checked === 1 ? 'Passed: the record checked is unchanged and in the signed log.' : `Passed: all ${report.checked} records checked are unchanged and in the signed log.` })
          : t({ sv: `Underkänd: ${recordCount(report.failedCount, 'sv')} och ${report.logProblems.length} fel i loggen.`, en: `Failed: ${recordCount(report.failedCount, 'en')} and ${report.logProblems.length} problems in the log.` })}{' '}
        {t({
          sv: `${report.mode === 'full' ? 'Fullständig kontroll' : 'Stegvis kontroll'}, klar ${swedishTime(report.finishedAt, 'sv')} efter ${(report.durationMs / 1000).toFixed(1).replace('.', ',')} s.`,
          en: `${report.mode === 'full' ? 'Full verification' : 'Incremental verification'}, done ${swedishTime(report.finishedAt, 'en')} after ${(report.durationMs / 1000).toFixed(1)} s.`,
        })}
      </p>
      <table className="register-table verify-checklist">
        <caption>{t({ sv: 'Vad kontrollen visade', en: 'What the verification proved' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ sv: 'Kontroll', en: 'Check' })}</th>
            <th scope="col">{t({ sv: 'Resultat', en: 'Result' })}</th>
            <th scope="col">{t({ sv: 'Kontrollerade', en: 'Checked' })}</th>
            <th scope="col">{t({ sv: 'Fel', en: 'Failed' })}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.id} className={`check check--${c.status}`}>
              <th scope="row">{t(checkTitles[c.id])}</th>
              <td>{t(checkStatusNames[c.status])}</td>
              <td>{c.checked}</td>
              <td>{c.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.logProblems.length > 0 ? (
        <ul className="verify-problems">
          {report.logProblems.map((p, i) => (
            <li key={i}>
              {t(logProblemTitles[p.kind])}{p.kind === 'not-extension' || lang === 'en' ? ': ' : ''}{p.kind === 'not-extension' && report.against ? report.against.reasons.map((reason) => t(reason)).join(' ') : lang === 'en' ? p.detail : null}
              {p.recordId ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onOpen(p.recordId!)}>
                    {t({ sv: `Öppna beslut nr ${p.recordId}`, en: `Open decision no. ${p.recordId}` })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {report.failures.length > 0 ? (
        <ul className="verify-problems">
          {report.failures.map((f) => (
            <li key={f.id}>
              <button type="button" className="link-button" onClick={() => onOpen(f.id)}>
                {t({ sv: `Beslut nr ${f.id}`, en: `Decision no. ${f.id}` })}
              </button>
              : {f.problems.map((p) => t(recordProblemTitles[p.kind])).join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t({ sv: 'Kontrollpunkt som nåddes', en: 'Checkpoint reached' })}</h4>
      {report.reached ? (
        <>
          <p>{t({ sv: `Spara den i revisionsrapporten: nästa revision kan klistra in den under Kontroll och visa att registret bara har växt sedan. ${recordCount(report.reached.treeSize, 'sv')}, signerad ${swedishTime(report.reached.time, 'sv')}.`, en: `Keep it in the audit report: the next audit can paste it into Verification and show the register has only grown since. ${recordCount(report.reached.treeSize, 'en')}, signed ${swedishTime(report.reached.time, 'en')}.` })}</p>
          <pre className="checkpoint-note" tabIndex={0} aria-label={t({ sv: 'Signerad kontrollpunkt', en: 'Signed checkpoint' })}>
            {report.reached.note}
          </pre>
          <p className="no-print">
            <button type="button" onClick={() => copy(report.reached!.note)}>{t({ sv: 'Kopiera kontrollpunkten', en: 'Copy the checkpoint' })}</button>{' '}
            <span role="status">{copied ? t({ sv: 'Kopierad.', en: 'Copied.' }) : ''}</span>
          </p>
        </>
      ) : (
        <p>{t({ sv: 'Ingen: registret har ännu ingen signerad kontrollpunkt.', en: 'None: the register has no signed checkpoint yet.' })}</p>
      )}
      <div className="decision-actions verify-downloads">
        <button type="button" onClick={() => download('json')}>
          {t({ sv: 'Ladda ner rapporten (JSON)', en: 'Download the report (JSON)' })}
        </button>
        <button type="button" onClick={() => download('txt', 'sv')}>
          {t({ sv: 'Ladda ner rapporten på svenska (text)', en: 'Download the report in Swedish (text)' })}
        </button>
        <button type="button" onClick={() => download('txt', 'en')}>
          {t({ sv: 'Ladda ner rapporten på engelska (text)', en: 'Download the report in English (text)' })}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t({ sv: 'Skriv ut rapporten', en: 'Print the report' })}
        </button>
      </div>
      {downloadError ? <p role="alert">{t(apiErrorText(downloadError))}</p> : null}
    </div>
  );
}
