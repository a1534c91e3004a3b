import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { ListFilter } from '../../shared/decision-record';
import { listDecisionsQuery } from './api/list-decisions';
import { apiErrorText } from './api-error-text';
import { deviationOf, deviationFlags } from '../../shared/deviation';
import { failedInListNotice } from '../../shared/verification-mark';
import { formatSek, organisationName, routeName, supplierKindNames } from './labels';
import { actorKey, useActingAs } from './use-acting-as';

/** The decisions matching the filter, newest first, 25 at a time. */
export function DecisionList({ filter, onOpen }: { filter: Partial<ListFilter>; onOpen: (id: number) => void }) {
  const { t, lang } = useI18n();
  const actor = actorKey(useActingAs());
  const [cursors, setCursors] = useState<number[]>([]);
  const [lastFilter, setLastFilter] = useState(filter);
  if (lastFilter !== filter) {
    setLastFilter(filter);
    setCursors([]);
  }
  const list = useQuery(listDecisionsQuery(actor, filter, cursors.at(-1)));

  if (list.isPending) return <p role="status">{t({ sv: 'Hämtar beslut…', en: 'Loading decisions…' })}</p>;
  if (list.isError) return <p role="alert">{t(apiErrorText(list.error))}</p>;
  const { items, nextBefore, failedVerification } = list.data;
  const failed = new Set(failedVerification?.ids ?? []);
  return (
    <section aria-labelledby="register-list-heading">
      <h3 id="register-list-heading">{t({ sv: 'Beslut', en: 'Decisions' })}</h3>
      <p aria-live="polite">{items.length === 0 ? t({ sv: 'Inga beslut matchar filtret.', en: 'No decisions match the filter.' }) : t({ sv: `Visar ${items.length} beslut.`, en: `Showing ${items.length} decisions.` })}</p>
      {failedVerification ? (
        <p className="verify verify--failed" role="alert">
          {t(failedInListNotice(failedVerification))}
        </p>
      ) : null}
      {items.length > 0 ? (
        <table className="register-table">
          <thead>
            <tr>
              <th scope="col">{t({ sv: 'Nr', en: 'No.' })}</th>
              <th scope="col">{t({ sv: 'Beslutsdatum', en: 'Decision date' })}</th>
              <th scope="col">{t({ sv: 'Organisation', en: 'Organisation' })}</th>
              <th scope="col">{t({ sv: 'Vald väg', en: 'Chosen route' })}</th>
              <th scope="col">{t({ sv: 'Leverantör', en: 'Supplier' })}</th>
              <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
              <th scope="col">{t({ sv: 'Sparat av', en: 'Saved by' })}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const deviation = deviationOf(r.verdicts, r.recommendedRoute, r.chosenRoute);
              return (
              <tr key={r.id}>
                <td data-label={t({ sv: 'Nr', en: 'No.' })}>
                  {failed.has(r.id) ? (
                    <p className="deviation-flag deviation-flag--row" data-verification="failed">
                      {t({ sv: 'Underkänd i den senaste kontrollen', en: 'Failed the latest verification' })}
                    </p>
                  ) : null}
                  {deviation ? (
                    <p className="deviation-flag deviation-flag--row" data-deviation={deviation}>
                      {t(deviationFlags[deviation])}
                    </p>
                  ) : null}
                  <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                    {t({ sv: `Öppna beslut ${r.id}`, en: `Open decision ${r.id}` })}
                  </button>
                  {r.corrects ? <span>{t({ sv: ` (rättar nr ${r.corrects})`, en: ` (corrects no. ${r.corrects})` })}</span> : null}
                  {r.supersededBy ? <span>{t({ sv: ` (rättat i nr ${r.supersededBy})`, en: ` (corrected in no. ${r.supersededBy})` })}</span> : null}
                </td>
                <td data-label={t({ sv: 'Beslutsdatum', en: 'Decision date' })}>{r.answers.decisionDate}</td>
                <td data-label={t({ sv: 'Organisation', en: 'Organisation' })}>{organisationName(r.answers.organisation)}</td>
                <td data-label={t({ sv: 'Vald väg', en: 'Chosen route' })}>{t(routeName(r.chosenRoute))}</td>
                <td data-label={t({ sv: 'Leverantör', en: 'Supplier' })}>{t(supplierKindNames[r.answers.supplier?.kind ?? 'unknown']!)}</td>
                <td data-label={t({ sv: 'Värde', en: 'Value' })}>{r.answers.value?.totalSek !== undefined ? formatSek(r.answers.value.totalSek, lang) : '–'}</td>
                <td data-label={t({ sv: 'Sparat av', en: 'Saved by' })}>{r.savedBy.user}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="register-paging">
        {cursors.length > 0 ? (
          <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t({ sv: 'Nyare beslut', en: 'Newer decisions' })}
          </button>
        ) : null}
        {nextBefore !== null ? (
          <button type="button" onClick={() => setCursors((c) => [...c, nextBefore])}>
            {t({ sv: 'Äldre beslut', en: 'Older decisions' })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
