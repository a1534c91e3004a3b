import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { apiErrorText } from '../api-error-text';
import { fetchCsv } from './api/reports';
import { downloadBlob } from '../../../document/download';

/** The address of what is shown, written out so it can be cited in an audit report. */
export function CiteAddress({ hash }: { hash: string }) {
  const { t } = useI18n();
  const href = `${window.location.origin}${window.location.pathname}${hash}`;
  return (
    <p className="report-address">
      {t({ sv: 'Adress att hänvisa till: ', en: 'Address to cite: ' })}
      <a href={hash}>{href}</a>
    </p>
  );
}

/** Download the list as CSV for Excel, or print it (the browser's print dialog also saves a PDF). */
export function ReportActions({ csvPath, query, fileName }: { csvPath?: string; query?: Record<string, string | number | undefined>; fileName?: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!csvPath) return;
    setBusy(true);
    setProblem(null);
    try {
      downloadBlob(fileName ?? 'rapport.csv', await fetchCsv(csvPath, query ?? {}));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-actions">
      {csvPath ? (
        <button type="button" onClick={() => void download()} disabled={busy}>
          {t({ sv: 'Ladda ned för Excel (CSV)', en: 'Download for Excel (CSV)' })}
        </button>
      ) : null}
      <button type="button" onClick={() => window.print()}>
        {t({ sv: 'Skriv ut eller spara som PDF', en: 'Print or save as PDF' })}
      </button>
      {problem ? <p role="alert">{t(apiErrorText(problem))}</p> : null}
    </div>
  );
}
