import type { RouteId } from '../../engine/answers-schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import { failedInFiguresNotice } from '../../shared/verification-mark';
import { verdictNames } from '../../shared/audit-labels';
import { statsPeriods, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { choseAgainstVerdict, figureKind, type FigureKind } from '../../shared/partnership';
import { statsQuery } from './api/stats';
import { apiErrorText } from './api-error-text';
import { OrganisationField } from './organisation-options';
import { formatSek, organisationName, routeName, supplierKindNames } from './labels';
import { sumFigures, totalsBy } from './figures';
import { GroupFigures } from './group-figures';
import { TableHead } from './table-head';
import { statsToCsv } from './stats-csv';
import { fetchCsv } from './reports/api/reports';
import { DateRangeFields } from './date-range-fields';
import { actorKey, useActingAs } from './use-acting-as';
import { downloadBlob, downloadText } from '../../document/download';

const periodNames: Record<(typeof statsPeriods)[number], Localized> = {
  year: { sv: 'År', en: 'Year' },
  quarter: { sv: 'Kvartal', en: 'Quarter' },
  month: { sv: 'Månad', en: 'Month' },
};

const kindNames: Record<FigureKind, Localized> = {
  purchase: { sv: 'Köp', en: 'Purchase' },
  partnership: { sv: 'Partnerskap (IOP, inte köp)', en: 'Partnership (IOP, not a purchase)' },
};

/** The table's foot: purchases, genuine partnerships, all, and the choices made against the engine's verdict. */
function statsTotals(rows: StatsRow[], t: (l: Localized) => string) {
  const partnership = (r: StatsRow) => figureKind(r.route, r.chosenVerdict) === 'partnership';
  return [
    { label: t({ sv: 'Summa köp', en: 'Total purchases' }), ...sumFigures(rows.filter((r) => !partnership(r))) },
    { label: t({ sv: 'Summa partnerskap (IOP, inte köp)', en: 'Total partnerships (IOP, not purchases)' }), ...sumFigures(rows.filter(partnership)) },
    { label: t({ sv: 'Summa totalt', en: 'Total' }), ...sumFigures(rows) },
    { label: t({ sv: 'Varav vald mot bedömningen (inte tillåten eller behöver fler svar)', en: 'Of which chosen against the verdict (not allowed or needing answers)' }), ...sumFigures(rows.filter((r) => choseAgainstVerdict(r.chosenVerdict))) },
  ];
}

/**
 * Number and value of purchases per organisation and period, by route and by supplier kind: what
 * the Lekeberg motion and the Region Örebro plan ask the politicians to be told.
 */
export function StatsView() {
  const { t, lang } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const [draft, setDraft] = useState({ organisation: '', from: '', to: '', period: 'year' as StatsQuery['period'] });
  const [query, setQuery] = useState<Partial<StatsQuery>>({ period: 'year' });
  const [dateProblem, setDateProblem] = useState(false);
  const [groupBy, setGroupBy] = useState<'route' | 'supplierKind'>('supplierKind');
  const stats = useQuery(statsQuery(actor, query));
  const [excelError, setExcelError] = useState<unknown>(null);
  // The server writes the Excel file (GET /api/stats.csv), as it does the reports' files.
  const downloadExcel = () => {
    setExcelError(null);
    fetchCsv('/api/stats.csv', query)
      .then((blob) => downloadBlob(`vagval-statistik-${query.period ?? 'year'}.csv`, blob))
      .catch(setExcelError);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = Boolean(draft.from && draft.to && draft.from > draft.to);
    setDateProblem(bad);
    if (bad) return;
    setQuery({
      period: draft.period,
      ...(draft.organisation ? { organisation: draft.organisation as StatsQuery['organisation'] } : {}),
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
    });
  };

  const rows = stats.data?.rows ?? [];
  // By route, an IOP chosen against its verdict stands apart from the partnerships: it is a purchase.
  const groupKey = (r: StatsRow) => (groupBy === 'route' ? (r.route === 'iop' && figureKind(r.route, r.chosenVerdict) === 'purchase' ? 'iop-purchase' : r.route) : r.supplierKind);
  const groupName = (key: string) =>
    groupBy === 'route'
      ? key === 'iop-purchase'
        ? t({ sv: 'IOP bedömt som köp (vald mot bedömningen)', en: 'IOP judged a purchase (chosen against the verdict)' })
        : t(routeName(key as RouteId))
      : t(supplierKindNames[key] ?? { sv: key, en: key });
  const groups = totalsBy(rows, groupKey).map((g) => ({ ...g, label: groupName(g.key) }));
  const sums = statsTotals(rows, t);

  return (
    <section aria-labelledby={`${id}-heading`} className="register-stats">
      <h3 id={`${id}-heading`}>{t({ sv: 'Statistik för politisk rapportering', en: 'Statistics for political reporting' })}</h3>
      <form onSubmit={submit} className="register-filters" noValidate aria-label={t({ sv: 'Välj statistik', en: 'Choose statistics' })}>
        <OrganisationField id={`${id}-org`} value={draft.organisation} onChange={(organisation) => setDraft({ ...draft, organisation })} />
        <div className="field">
          <label htmlFor={`${id}-period`} className="field__label">{t({ sv: 'Period', en: 'Period' })}</label>
          <select id={`${id}-period`} value={draft.period} onChange={(e) => setDraft({ ...draft, period: e.target.value as StatsQuery['period'] })}>
            {statsPeriods.map((p) => (
              <option key={p} value={p}>{t(periodNames[p])}</option>
            ))}
          </select>
        </div>
        <DateRangeFields id={id} from={draft.from} to={draft.to} problem={dateProblem} onFrom={(from) => setDraft({ ...draft, from })} onTo={(to) => setDraft({ ...draft, to })} />
        <button type="submit">{t({ sv: 'Visa statistik', en: 'Show statistics' })}</button>
      </form>

      {stats.isPending ? <p role="status">{t({ sv: 'Hämtar statistik…', en: 'Loading statistics…' })}</p> : null}
      {stats.isError ? <p role="alert">{t(apiErrorText(stats.error))}</p> : null}
      {stats.data?.failedVerification ? (
        <p className="verify verify--failed" role="alert" data-testid="stats-failed-verification">
          {t(failedInFiguresNotice(stats.data.failedVerification))}
        </p>
      ) : null}
      {stats.data ? (
        <div aria-live="polite">
          <fieldset className="stats-group">
            <legend>{t({ sv: 'Dela upp efter', en: 'Group by' })}</legend>
            <label>
              <input type="radio" name={`${id}-group`} checked={groupBy === 'supplierKind'} onChange={() => setGroupBy('supplierKind')} /> {t({ sv: 'Leverantörstyp', en: 'Supplier kind' })}
            </label>
            <label>
              <input type="radio" name={`${id}-group`} checked={groupBy === 'route'} onChange={() => setGroupBy('route')} /> {t({ sv: 'Väg', en: 'Route' })}
            </label>
          </fieldset>
          {rows.length === 0 ? (
            <p>{t({ sv: 'Inga beslut i urvalet.', en: 'No decisions in the selection.' })}</p>
          ) : (
            <div className="stats-figures">
              <GroupFigures
                title={groupBy === 'route' ? t({ sv: 'Beslut per väg', en: 'Decisions by route' }) : t({ sv: 'Beslut per leverantörstyp', en: 'Decisions by supplier kind' })}
                keyHeader={groupBy === 'route' ? t({ sv: 'Väg', en: 'Route' }) : t({ sv: 'Leverantörstyp', en: 'Supplier kind' })}
                groups={groups}
                totals={sums}
                charts={['count', 'value']}
              />
              <table className="register-table">
                <caption>{t({ sv: 'Beslut per organisation, period, väg, leverantörstyp och den valda vägens bedömning', en: "Decisions per organisation, period, route, supplier kind and the chosen route's verdict" })}</caption>
                <TableHead columns={[
                  t({ sv: 'Organisation', en: 'Organisation' }), t({ sv: 'Period', en: 'Period' }), t({ sv: 'Väg', en: 'Route' }), t({ sv: 'Leverantörstyp', en: 'Supplier kind' }),
                  t({ sv: 'Den valda vägens bedömning', en: "The chosen route's verdict" }), t({ sv: 'Slag', en: 'Kind' }), t({ sv: 'Antal', en: 'Number' }), t({ sv: 'Värde', en: 'Value' }),
                ]} />
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.organisation}|${r.period}|${r.route}|${r.supplierKind}|${r.chosenVerdict}`}>
                      <td data-label={t({ sv: 'Organisation', en: 'Organisation' })}>{organisationName(r.organisation)}</td>
                      <td data-label={t({ sv: 'Period', en: 'Period' })}>{r.period}</td>
                      <td data-label={t({ sv: 'Väg', en: 'Route' })}>{t(routeName(r.route))}</td>
                      <td data-label={t({ sv: 'Leverantörstyp', en: 'Supplier kind' })}>{t(supplierKindNames[r.supplierKind]!)}</td>
                      <td data-label={t({ sv: 'Den valda vägens bedömning', en: "The chosen route's verdict" })}>
                        {t(verdictNames[r.chosenVerdict]!)}
                        {choseAgainstVerdict(r.chosenVerdict) ? <> <strong className="deviation-mark">{t({ sv: '≠ vald mot bedömningen', en: '≠ chosen against the verdict' })}</strong></> : null}
                      </td>
                      <td data-label={t({ sv: 'Slag', en: 'Kind' })}>{t(kindNames[figureKind(r.route, r.chosenVerdict)])}</td>
                      <td data-label={t({ sv: 'Antal', en: 'Number' })}>{r.count}</td>
                      <td data-label={t({ sv: 'Värde', en: 'Value' })}>{formatSek(r.valueSek, lang)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  {sums.map((g) => (
                    <tr key={g.label}>
                      <th scope="row" colSpan={6}>{g.label}</th>
                      <td data-label={t({ sv: 'Antal', en: 'Number' })}>{g.count}</td>
                      <td data-label={t({ sv: 'Värde', en: 'Value' })}>{formatSek(g.valueSek, lang)}</td>
                    </tr>
                  ))}
                </tfoot>
              </table>
              <button type="button" onClick={downloadExcel}>
                {t({ sv: 'Ladda ned för Excel (CSV, semikolon)', en: 'Download for Excel (CSV, semicolons)' })}
              </button>
              <button type="button" onClick={() => downloadText(`vagval-statistik-${query.period ?? 'year'}-data.csv`, `\ufeff${statsToCsv(rows)}`, 'text/csv;charset=utf-8')}>
                {t({ sv: 'Ladda ner som CSV', en: 'Download as CSV' })}
              </button>
              {excelError ? <p role="alert">{t(apiErrorText(excelError))}</p> : null}
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
