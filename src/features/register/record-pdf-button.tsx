import { useState } from 'react';
import { downloadBlob } from '../../document/download';
import { decisionFileName } from '../../document/file-names';
import { sheetForRecord } from '../../document/sheet-for';
import { useI18n } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import type { DecisionTrail } from '../../shared/decision-trail';

/**
 * The saved decision as the same PDF document the guide makes, with its register number: the reasons under the
 * rule set it was decided with (the trail's outcome). react-pdf is loaded only when the file is asked for.
 */
export function RecordPdfButton({ trail }: { trail: DecisionTrail }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<'idle' | 'making' | 'done' | 'failed'>('idle');
  const { record } = trail;
  const download = async () => {
    setState('making');
    try {
      const { decisionPdfBlob } = await import('../../document/pdf/pdf-blob');
      const blob = await decisionPdfBlob(sheetForRecord(browserRuleset, record, trail.outcome, lang));
      downloadBlob(decisionFileName(record, 'pdf', record.id), blob);
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={state === 'making'} aria-describedby={`record-pdf-${record.id}`}>
        {t({ sv: 'Ladda ner beslutet som PDF', en: 'Download the decision as PDF' })}
      </button>
      <span id={`record-pdf-${record.id}`} aria-live="polite" className="record-pdf-status">
        {state === 'making'
          ? t({ sv: 'Skapar PDF-filen…', en: 'Making the PDF file…' })
          : state === 'done'
            ? t({ sv: 'PDF-filen är nedladdad.', en: 'The PDF file is downloaded.' })
            : state === 'failed'
              ? t({ sv: 'PDF-filen kunde inte skapas.', en: 'The PDF file could not be made.' })
              : null}
      </span>
    </>
  );
}
