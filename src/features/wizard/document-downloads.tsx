import { useEffect, useState } from 'react';
import type { SheetRecord } from '../../document/decision-sheet';
import { toDecisionFile } from '../../document/decision-file';
import { decisionToMarkdown } from '../../document/decision-markdown';
import { downloadBlob, downloadText } from '../../document/download';
import { decisionFileName } from '../../document/file-names';
import { useI18n } from '../../i18n/i18n';
import { useDecisionSheet } from './use-decision-sheet';
import { useDecision, useWizard } from './wizard-provider';

/**
 * Print, or download the decision document as PDF, Markdown or JSON. The PDF renderer (react-pdf) is large and
 * loaded only when a PDF is asked for, so the guide's first load does not carry it.
 */
export function DocumentDownloads({ record }: { record: SheetRecord | null }) {
  const { ruleset } = useWizard();
  const { t } = useI18n();
  const decision = useDecision();
  const sheet = useDecisionSheet(record);
  const [pdf, setPdf] = useState<'idle' | 'making' | 'done' | 'failed'>('idle');
  const number = record?.id ?? null;
  // The browser names a page saved from its print dialog after the page's title: while printing, the title is the
  // name the PDF download gets, so the printed decision and the downloaded one file under the same name.
  const printName = decisionFileName(decision.draft, 'pdf', number).replace(/\.pdf$/, '');
  useEffect(() => {
    let before: string | null = null;
    const onBeforePrint = () => {
      before = document.title;
      document.title = printName;
    };
    const onAfterPrint = () => {
      if (before !== null) document.title = before;
      before = null;
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      onAfterPrint();
    };
  }, [printName]);

  const downloadPdf = async () => {
    setPdf('making');
    try {
      const { decisionPdfBlob } = await import('../../document/pdf/pdf-blob');
      downloadBlob(decisionFileName(decision.draft, 'pdf', number), await decisionPdfBlob(sheet));
      setPdf('done');
    } catch {
      setPdf('failed');
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => window.print()}>
        {t({ sv: 'Skriv ut beslutet', en: 'Print the decision' })}
      </button>
      <button type="button" className="button button--secondary" onClick={() => void downloadPdf()} disabled={pdf === 'making'} aria-describedby="document-download-status">
        {t({ sv: 'Ladda ner som PDF', en: 'Download as PDF' })}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => downloadText(decisionFileName(decision.draft, 'md', number), decisionToMarkdown(sheet), 'text/markdown')}
      >
        {t({ sv: 'Ladda ner som Markdown', en: 'Download as Markdown' })}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => downloadText(decisionFileName(decision.draft, 'json', number), JSON.stringify(toDecisionFile(ruleset, decision, { sheet }), null, 2), 'application/json')}
      >
        {t({ sv: 'Ladda ner som JSON', en: 'Download as JSON' })}
      </button>
      <p id="document-download-status" className="document-download-status" aria-live="polite">
        {pdf === 'making'
          ? t({ sv: 'Skapar PDF-filen…', en: 'Making the PDF file…' })
          : pdf === 'done'
            ? t({ sv: 'PDF-filen är nedladdad.', en: 'The PDF file is downloaded.' })
            : pdf === 'failed'
              ? t({ sv: 'PDF-filen kunde inte skapas. Skriv ut beslutet eller ladda ner det som Markdown i stället.', en: 'The PDF file could not be made. Print the decision or download it as Markdown instead.' })
              : null}
      </p>
    </>
  );
}
