import type { OrganisationId } from '../../engine/answers-schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import { statsPeriods, type StatsQuery } from '../../shared/decision-record';
import { statsQuery } from './api/stats';
import { apiErrorText } from './api-error-text';
import { OrganisationOptions } from './organisation-options';
import { formatSek, organisationName, routeName, supplierKindNames } from './labels';
import { BarChart } from './stats-chart';
import { statsExcelCsv } from '../../shared/audit-csv';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { statsToCsv, totalsBy } from './stats-csv';
import { DateRangeFields } from './date-range-fields';
import { actorKey, useActingAs } from './use-acting-as';

const periodNames: Record<(typeof statsPeriods)[number], Localized> = {
  year: { sv: 'År', en: 'Year' },
  quarter: { sv: 'Kvartal', en: 'Quarter' },
  month: { sv: 'Månad', en: 'Month' },
};

const excelNames = {
  route: (r: string) => browserRuleset.routes[r as keyof typeof browserRuleset.routes]?.name.sv ?? r,
  organisation: (o: string) => organisationName(o as OrganisationId),
};

/** `text` carries its own byte-order mark where it needs one. */
function downloadCsv(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
  const groupName = (key: string) => (groupBy === 'route' ? t(routeName(key as never)) : t(supplierKindNames[key] ?? { sv: key, en: key }));
  const totals = totalsBy(rows, groupBy);

  return (
    <section aria-labelledby={`${id}-heading`} className="register-stats">
      <h3 id={`${id}-heading`}>{t({ sv: 'Statistik för politisk rapportering', en: 'Statistics for political reporting' })}</h3>
      <form onSubmit={submit} className="register-filters" noValidate aria-label={t({ sv: 'Välj statistik', en: 'Choose statistics' })}>
        <div className="field">
          <label htmlFor={`${id}-org`} className="field__label">{t({ sv: 'Organisation', en: 'Organisation' })}</label>
          <select id={`${id}-org`} value={draft.organisation} onChange={(e) => setDraft({ ...draft, organisation: e.target.value })}>
            <option value="">{t({ sv: 'Alla', en: 'All' })}</option>
            <OrganisationOptions />
          </select>
        </div>
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
              <BarChart
                title={t({ sv: 'Antal inköp', en: 'Number of purchases' })}
                bars={totals.map((x) => ({ label: groupName(x.key), value: x.count, text: String(x.count) }))}
              />
              <BarChart
                title={t({ sv: 'Värde av inköpen', en: 'Value of the purchases' })}
                bars={totals.map((x) => ({ label: groupName(x.key), value: x.valueSek, text: formatSek(x.valueSek, lang) }))}
              />
              <table className="register-table">
                <caption>{t({ sv: 'Inköp per organisation, period, väg och leverantörstyp', en: 'Purchases per organisation, period, route and supplier kind' })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t({ sv: 'Organisation', en: 'Organisation' })}</th>
                    <th scope="col">{t({ sv: 'Period', en: 'Period' })}</th>
                    <th scope="col">{t({ sv: 'Väg', en: 'Route' })}</th>
                    <th scope="col">{t({ sv: 'Leverantörstyp', en: 'Supplier kind' })}</th>
                    <th scope="col">{t({ sv: 'Antal', en: 'Number' })}</th>
                    <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.organisation}|${r.period}|${r.route}|${r.supplierKind}`}>
                      <td data-label={t({ sv: 'Organisation', en: 'Organisation' })}>{organisationName(r.organisation)}</td>
                      <td data-label={t({ sv: 'Period', en: 'Period' })}>{r.period}</td>
                      <td data-label={t({ sv: 'Väg', en: 'Route' })}>{t(routeName(r.route))}</td>
                      <td data-label={t({ sv: 'Leverantörstyp', en: 'Supplier kind' })}>{t(supplierKindNames[r.supplierKind]!)}</td>
                      <td data-label={t({ sv: 'Antal', en: 'Number' })}>{r.count}</td>
                      <td data-label={t({ sv: 'Värde', en: 'Value' })}>{formatSek(r.valueSek, lang)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  {[
                    { key: 'purchases', label: { sv: 'Summa köp', en: 'Total purchases' }, list: rows.filter((r) => r.route !== 'iop') },
                    { key: 'partnerships', label: { sv: 'Summa partnerskap (IOP, inte köp)', en: 'Total partnerships (IOP, not purchases)' }, list: rows.filter((r) => r.route === 'iop') },
                  ].map((g) => (
                    <tr key={g.key}>
                      <th scope="row" colSpan={4}>{t(g.label)}</th>
                      <td>{g.list.reduce((n, r) => n + r.count, 0)}</td>
                      <td>{formatSek(g.list.reduce((n, r) => n + r.valueSek, 0), lang)}</td>
                    </tr>
                  ))}
                </tfoot>
              </table>
              <button type="button" onClick={() => downloadCsv(statsExcelCsv(rows, excelNames), `vagval-statistik-${query.period ?? 'year'}.csv`)}>
                {t({ sv: 'Ladda ned för Excel (CSV, semikolon)', en: 'Download for Excel (CSV, semicolons)' })}
              </button>
              <button type="button" onClick={() => downloadCsv(`\ufeff${statsToCsv(rows)}`, `vagval-statistik-${query.period ?? 'year'}-data.csv`)}>
                {t({ sv: 'Ladda ner som CSV', en: 'Download as CSV' })}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
