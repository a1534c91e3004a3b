import { useId } from 'react';
import { formatValue } from '../../../engine/format';
import { useI18n } from '../../../i18n/i18n';
import { evidenceNames } from '../../../shared/audit-labels';
import type { RecordAudit } from '../../../shared/audit-report';

type Limit = RecordAudit['limits'][number];

/**
 * The limits a record's verdict turned on, first and alone; the thresholds the evaluation only read on the way
 * (the EU thresholds of other kinds of purchase, most of them constructed bands) behind a disclosure.
 */
export function RecordLimits({ limits }: { limits: Limit[] }) {
  const { t } = useI18n();
  const deciding = limits.filter((l) => l.deciding);
  const others = limits.filter((l) => !l.deciding);
  return (
    <>
      {deciding.length > 0 ? (
        <LimitTable limits={deciding} caption={t({ sv: 'Gränser som bedömningen avgjordes av', en: 'Limits the verdict turned on' })} />
      ) : (
        <p>{t({ sv: 'Bedömningen avgjordes inte av någon gräns eller något belopp.', en: 'The verdict turned on no limit or amount.' })}</p>
      )}
      {others.length > 0 ? (
        <details className="record-limits-others">
          <summary>{t({ sv: `Övriga gränser som lästes men inte avgjorde bedömningen (${others.length})`, en: `Other limits read that did not decide the verdict (${others.length})` })}</summary>
          <LimitTable limits={others} caption={t({ sv: 'Övriga gränser som lästes', en: 'Other limits read' })} />
        </details>
      ) : null}
    </>
  );
}

function LimitTable({ limits, caption }: { limits: Limit[]; caption: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const columns = { amount: t({ sv: 'Belopp', en: 'Amount' }), from: t({ sv: 'Gäller från', en: 'In force from' }), source: t({ sv: 'Källa', en: 'Source' }), status: t({ sv: 'Status', en: 'Status' }) };
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="register-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
            <th scope="col">{columns.amount}</th>
            <th scope="col">{columns.from}</th>
            <th scope="col">{columns.source}</th>
            <th scope="col">{columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {limits.map((l) => (
            <tr key={l.id}>
              <th scope="row">{t(l.label)}</th>
              <td data-label={columns.amount}>{formatValue(l.value, l.unit, lang)}</td>
              <td data-label={columns.from}>{l.from}</td>
              <td data-label={columns.source}>
                {l.source.url ? <a href={l.source.url}>{l.source.title}</a> : l.source.title}, {l.source.section}
              </td>
              <td data-label={columns.status}>{t(evidenceNames[l.status]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
