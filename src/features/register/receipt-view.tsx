import { useEffect } from 'react';
import { downloadText } from '../../document/download';
import { useI18n } from '../../i18n/i18n';
import { receiptInPlainWords, type Receipt } from '../../shared/receipt';

const printClass = 'printing-receipt';

/**
 * The receipt for a reader who is not a technician: one sentence on what it proves and where to keep it, the
 * technical line behind "Tekniska detaljer", and the receipt to keep as a file (JSON, what Kontroll reads) or
 * as a printed page (the browser's print dialog also saves it as PDF).
 */
export function ReceiptLine({ receipt }: { receipt: Receipt }) {
  const { t, lang } = useI18n();
  const words = receiptInPlainWords(receipt, lang);
  const json = `${JSON.stringify(receipt, null, 2)}\n`;
  const save = () => downloadText(`kvitto-beslut-${receipt.recordId}.json`, json, 'application/json');
  // Only the receipt sheet prints while the class is on the page; the print dialog returns when it is done.
  useEffect(() => {
    const done = () => document.documentElement.classList.remove(printClass);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  const print = () => {
    document.documentElement.classList.add(printClass);
    window.print();
  };
  return (
    <div className="receipt">
      <dt>{t({ sv: 'Kvitto', en: 'Receipt' })}</dt>
      <dd>
        <p className="receipt__summary">{words.summary}</p>
        <details className="receipt__technical">
          <summary>{t({ sv: 'Tekniska detaljer', en: 'Technical details' })}</summary>
          <p>
            <code>{words.technical}</code>
          </p>
          <p>
            {t({
              sv: 'Numret är beslutets plats i registret, lövet är kontrollsumman för beslutets innehåll, och kontrollpunkten är registrets signerade sammanfattning av alla beslut så långt. Kontroll räknar fram samma värden på nytt.',
              en: "The number is the decision's place in the register, the leaf is the hash of its content, and the checkpoint is the register's signed summary of all decisions so far. Kontroll computes the same values again.",
            })}
          </p>
        </details>
        <p className="receipt__actions no-print">
          <button type="button" onClick={save}>{t({ sv: 'Spara kvittot som fil (JSON, för Kontroll)', en: 'Save the receipt as a file (JSON, for Kontroll)' })}</button>{' '}
          <button type="button" onClick={print}>{t({ sv: 'Skriv ut kvittot eller spara som PDF', en: 'Print the receipt or save it as PDF' })}</button>
        </p>
        <section className="receipt-sheet" aria-label={t({ sv: `Kvitto för beslut nr ${receipt.recordId}`, en: `Receipt for decision no. ${receipt.recordId}` })}>
          <h2>{t({ sv: `Kvitto för beslut nr ${receipt.recordId} i Vägvals beslutsregister`, en: `Receipt for decision no. ${receipt.recordId} in the Vägval decision register` })}</h2>
          <p>{words.summary}</p>
          <p>{t({ sv: 'Tekniska detaljer:', en: 'Technical details:' })} {words.technical}</p>
          <p>{t({ sv: 'Kvittot i sin helhet, att klistra in under Kontroll:', en: 'The whole receipt, to paste under Kontroll:' })}</p>
          <pre>{json}</pre>
        </section>
      </dd>
    </div>
  );
}
