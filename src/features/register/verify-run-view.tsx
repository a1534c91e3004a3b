import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { VerificationReport } from '../../shared/transparency';
import { downloadReport, verifyRunQuery } from './api/verify-runs';
import { apiErrorText } from './api-error-text';
import { problemNames } from './decision-detail';
import { actorKey, useActingAs } from './use-acting-as';
import { checkNames, checkStatusNames, logProblemNames } from './verify-labels';

/** One verification run: its progress while it works, then what it proved, with the report to download or print. */
export function VerifyRunView({ runId, onOpen }: { runId: string; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const actor = actorKey(useActingAs());
  const run = useQuery(verifyRunQuery(actor, runId));
  if (run.isError) return <p role="alert">{t(apiErrorText(run.error))}</p>;
  if (!run.data) return <p role="status">{t({ sv: 'Startar kontrollen…', en: 'Starting the verification…' })}</p>;
  const { progress, report } = run.data;
  if (progress.status === 'failed') return <p role="alert">{t({ sv: `Kontrollen kunde inte slutföras: ${progress.error ?? ''}`, en: `The verification could not finish: ${progress.error ?? ''}` })}</p>;
  if (!report) {
    return (
      <div role="status" className="verify-progress">
        <label htmlFor={`progress-${runId}`}>{t({ sv: `Kontrollerar… ${progress.checked} av ${progress.total} poster`, en: `Verifying… ${progress.checked} of ${progress.total} records` })}</label>
        <progress id={`progress-${runId}`} max={Math.max(progress.total, 1)} value={progress.checked} />
      </div>
    );
  }
  return <ReportView report={report} onOpen={onOpen} />;
}

function ReportView({ report, onOpen }: { report: VerificationReport; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (format: 'json' | 'txt') => {
    setDownloadError(null);
    downloadReport(report.runId, format).catch(setDownloadError);
  };
  return (
    <div className="verify-report">
      {report.against ? (
        <p className={`verify verify--answer ${report.against.extension ? 'verify--ok' : 'verify--failed'}`} role={report.against.extension ? undefined : 'alert'}>
          <strong>
            {report.against.extension
              ? t({ sv: 'Ja: registret är i dag en ren utökning av det du höll upp.', en: 'Yes: the register today is an append-only extension of what you brought.' })
              : t({ sv: 'Nej: registret är inte en ren utökning av det du höll upp.', en: 'No: the register is not an append-only extension of what you brought.' })}
          </strong>{' '}
          {report.against.reasons.map((reason) => t(reason)).join(' ')}
        </p>
      ) : null}
      <p className={`verify ${report.ok ? 'verify--ok' : 'verify--failed'}`} role={report.ok ? undefined : 'alert'}>
        {report.ok
          ? t({ sv: `Godkänd: alla ${report.checked} kontrollerade poster är oförändrade och med i den signerade loggen.`, en: `Passed: all ${report.checked} records checked are unchanged and in the signed log.` })
          : t({ sv: `Underkänd: ${report.failedCount} poster och ${report.logProblems.length} fel i loggen.`, en: `Failed: ${report.failedCount} records and ${report.logProblems.length} problems in the log.` })}{' '}
        {t({
          sv: `${report.mode === 'full' ? 'Fullständig kontroll' : 'Stegvis kontroll'}, körd ${report.finishedAt.replace('T', ' ').slice(0, 19)} UTC på ${(report.durationMs / 1000).toFixed(1)} s.`,
          en: `${report.mode === 'full' ? 'Full verification' : 'Incremental verification'}, run ${report.finishedAt.replace('T', ' ').slice(0, 19)} UTC in ${(report.durationMs / 1000).toFixed(1)} s.`,
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
              <th scope="row">{t(checkNames[c.id])}</th>
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
              {t(logProblemNames[p.kind])}: {p.kind === 'not-extension' && report.against ? report.against.reasons.map((reason) => t(reason)).join(' ') : p.detail}
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
              : {f.problems.map((p) => t(problemNames[p.kind])).join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t({ sv: 'Kontrollpunkt som nåddes', en: 'Checkpoint reached' })}</h4>
      {report.reached ? (
        <>
          <p>{t({ sv: `Spara den i revisionsrapporten: nästa revision kan visa att registret bara har växt sedan. ${report.reached.treeSize} poster, ${report.reached.time}.`, en: `Keep it in the audit report: the next audit can show the register has only grown since. ${report.reached.treeSize} records, ${report.reached.time}.` })}</p>
          <pre className="checkpoint-note" tabIndex={0} aria-label={t({ sv: 'Signerad kontrollpunkt', en: 'Signed checkpoint' })}>
            {report.reached.note}
          </pre>
        </>
      ) : (
        <p>{t({ sv: 'Ingen: registret har ännu ingen signerad kontrollpunkt.', en: 'None: the register has no signed checkpoint yet.' })}</p>
      )}
      <div className="decision-actions verify-downloads">
        <button type="button" onClick={() => download('json')}>
          {t({ sv: 'Ladda ner rapporten (JSON)', en: 'Download the report (JSON)' })}
        </button>
        <button type="button" onClick={() => download('txt')}>
          {t({ sv: 'Ladda ner rapporten (text)', en: 'Download the report (text)' })}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t({ sv: 'Skriv ut rapporten', en: 'Print the report' })}
        </button>
      </div>
      {downloadError ? <p role="alert">{t(apiErrorText(downloadError))}</p> : null}
    </div>
  );
}
