import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { OrganisationId, RouteId } from '../../../engine/answers-schema';
import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import type { SocialReport, SocialReportRow } from '../../../shared/audit-report';
import { failedInFiguresNotice } from '../../../shared/verification-mark';
import { apiErrorText } from '../api-error-text';
import { formatSek, organisationName, routeName, supplierKindNames } from '../labels';
import { sumFigures, totalsBy } from '../figures';
import { GroupFigures } from '../group-figures';
import { TableHead } from '../table-head';
import { actorKey, useActingAs } from '../use-acting-as';
import { socialReportQuery } from './api/reports';
import { goTo, recordHash, reportHash, type ReportId } from './register-hash';
import { DateRangeFields } from '../date-range-fields';
import { CiteAddress, ReportActions } from './report-chrome';

type Preset = { organisation: OrganisationId; document: string; title: Localized; asks: Localized; from?: string; suppliersFrom?: string; follows?: { firstIn: string } };

/** The questions the political documents ask, each a ready report for kommunfullmäktige or regionfullmäktige. */
export const socialPresets: Record<'lekeberg-sociala-foretag' | 'lekeberg-samarbete-2022' | 'region-orebro-civilsamhallet', Preset> = {
  'lekeberg-sociala-foretag': {
    organisation: 'lekeberg',
    document: 'lekeberg-motion',
    title: { sv: 'Hur Lekebergs kommun arbetar för att få fler sociala företag', en: 'How Lekeberg municipality works to get more social enterprises' },
    asks: { sv: 'Motionen ber om en redovisning av hur kommunen arbetar för att få fler sociala företag.', en: 'The motion asks for a report on how the municipality works to get more social enterprises.' },
  },
  'lekeberg-samarbete-2022': {
    organisation: 'lekeberg',
    document: 'lekeberg-motion',
    title: { sv: 'Hur samarbetet med det sociala företaget som startade 2022 går', en: 'How the cooperation with the social enterprise started in 2022 goes' },
    asks: { sv: 'Motionen ber om en redovisning av hur samarbetet med det sociala företag som startade 2022 fortskrider.', en: 'The motion asks for a report on how the cooperation with the social enterprise started in 2022 goes.' },
    from: '2022-01-01',
    suppliersFrom: '2022-01-01',
    // The motion names no enterprise: the page follows the social enterprise whose first decision is from 2022.
    follows: { firstIn: '2022' },
  },
  'region-orebro-civilsamhallet': {
    organisation: 'region-orebro',
    document: 'region-orebro-handlingsplan-2026-2030',
    title: { sv: 'Inköp från civilsamhället och den sociala ekonomin i Region Örebro län', en: 'Purchasing from civil society and the social economy in Region Örebro län' },
    asks: { sv: 'Handlingsplanen vill att regionen köper mer från civilsamhället och den sociala ekonomin.', en: 'The action plan wants the region to buy more from civil society and the social economy.' },
  },
};
export type SocialPresetId = keyof typeof socialPresets;

const social = (r: SocialReportRow) => r.supplierKind === 'social-enterprise' || r.supplierKind === 'ideaburen';

/** A printable report: period, organisation, by route, by supplier kind, the trend over years as a chart with a table. */
export function SocialReportView({ report, params }: { report: SocialPresetId; params: URLSearchParams }) {
  const { t } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const preset = socialPresets[report];
  const from = params.get('from') ?? preset.from ?? '';
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState({ from, to });
  const [dateProblem, setDateProblem] = useState(false);
  const query = { organisation: preset.organisation, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const data = useQuery(socialReportQuery(actor, query));
  const source = browserRuleset.sources[preset.document];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = Boolean(draft.from && draft.to && draft.from > draft.to);
    setDateProblem(bad);
    if (!bad) goTo(reportHash(report as ReportId, draft));
  };
  // The cooperation the report follows gives the page its heading, so the printed page names the enterprise.
  const followed = data.data && preset.follows ? followedEnterprise(data.data, preset.follows.firstIn, params.get('leverantor')).followed : undefined;
  return (
    <section aria-labelledby={`${id}-h`} className="report social-report">
      <h3 id={`${id}-h`}>{followed ? t({ sv: `Hur samarbetet med ${followed.supplier} går`, en: `How the cooperation with ${followed.supplier} goes` }) : t(preset.title)}</h3>
      <p>
        {t(preset.asks)} {source ? t({ sv: `(${source.title}, ${source.issuer})`, en: `(${source.title}, ${source.issuer})` }) : null}
      </p>
      <dl className="decision-summary">
        <div>
          <dt>{t({ sv: 'Organisation', en: 'Organisation' })}</dt>
          <dd>{organisationName(preset.organisation)}</dd>
        </div>
        <div>
          <dt>{t({ sv: 'Period', en: 'Period' })}</dt>
          <dd>{`${from || t({ sv: 'från början', en: 'from the start' })} – ${to || t({ sv: 'i dag', en: 'today' })}`}</dd>
        </div>
      </dl>
      <form onSubmit={submit} className="register-filters no-print" noValidate aria-label={t({ sv: 'Välj period', en: 'Choose the period' })}>
        <DateRangeFields id={id} from={draft.from} to={draft.to} problem={dateProblem} onFrom={(from) => setDraft({ ...draft, from })} onTo={(to) => setDraft({ ...draft, to })} />
        <button type="submit">{t({ sv: 'Visa perioden', en: 'Show the period' })}</button>
      </form>
      <CiteAddress hash={reportHash(report as ReportId, { from, to })} />
      <ReportActions csvPath="/api/reports/social.csv" query={query} fileName={`${[report, from, to].filter(Boolean).join('-')}.csv`} />
      {data.isPending ? <p role="status">{t({ sv: 'Hämtar rapporten…', en: 'Loading the report…' })}</p> : null}
      {data.isError ? <p role="alert">{t(apiErrorText(data.error))}</p> : null}
      {data.data?.failedVerification ? (
        <p className="verify verify--failed" role="alert" data-testid="social-failed-verification">
          {t(failedInFiguresNotice(data.data.failedVerification))}
        </p>
      ) : null}
      {data.data && preset.follows ? <FollowedEnterprise data={data.data} firstIn={preset.follows.firstIn} chosen={params.get('leverantor')} report={report} params={{ from, to }} /> : null}
      {data.data && !preset.follows ? <Figures data={data.data} suppliersFrom={preset.suppliersFrom} /> : null}
    </section>
  );
}

/** The social enterprises whose first decision falls in `firstIn`, and the one the report follows (chosen, or the only one). */
function followedEnterprise(data: SocialReport, firstIn: string, chosen: string | null) {
  const started = data.suppliers.filter((s) => s.supplierKind === 'social-enterprise' && s.firstDecision.startsWith(firstIn));
  const followed = chosen ? data.suppliers.find((s) => s.supplier === chosen) : started.length === 1 ? started[0] : undefined;
  return { started, followed };
}

/**
 * The cooperation the motion asks about, with the enterprise named: the social enterprise whose first decision
 * falls in `firstIn`, or the one chosen by `?leverantor=`; where several started that year, the reader picks one.
 * The sentence and the chart count the same thing: that enterprise's decisions, year by year.
 */
function FollowedEnterprise({ data, firstIn, chosen, report, params }: { data: SocialReport; firstIn: string; chosen: string | null; report: SocialPresetId; params: { from: string; to: string } }) {
  const { t } = useI18n();
  const id = useId();
  const { started, followed } = followedEnterprise(data, firstIn, chosen);
  const pick = (
    <ul>
      {(started.length > 0 ? started : data.suppliers).map((s) => (
        <li key={s.supplier}>
          <a href={reportHash(report as ReportId, { ...params, leverantor: s.supplier })} aria-current={s === followed ? 'true' : undefined}>
            {s.supplier}
          </a>{' '}
          {t({ sv: `(första beslut ${s.firstDecision})`, en: `(first decision ${s.firstDecision})` })}
        </li>
      ))}
    </ul>
  );
  if (!followed) {
    return (
      <div>
        <p>
          {started.length > 1
            ? t({ sv: `${started.length} sociala företag har sitt första beslut ${firstIn}. Välj det samarbete rapporten ska följa:`, en: `${started.length} social enterprises have their first decision in ${firstIn}. Choose the cooperation the report follows:` })
            : t({ sv: `Inget socialt företag har sitt första beslut ${firstIn} i registret under perioden. Välj leverantör att följa:`, en: `No social enterprise has its first decision in ${firstIn} in the register in the period. Choose a supplier to follow:` })}
        </p>
        {data.suppliers.length > 0 ? pick : <p>{t({ sv: 'Registret har inga sociala företag eller idéburna organisationer under perioden.', en: 'The register has no social enterprises or idéburna organisations in the period.' })}</p>}
      </div>
    );
  }
  const total = followed.byYear.reduce((sum, y) => ({ count: sum.count + y.count, valueSek: sum.valueSek + y.valueSek }), { count: 0, valueSek: 0 });
  // A year without a decision is part of the trend: it stands in the chart as 0 instead of being left out.
  const first = Math.min(...followed.byYear.map((y) => Number(y.year)));
  const last = Math.max(...followed.byYear.map((y) => Number(y.year)));
  const years = Array.from({ length: last - first + 1 }, (_, i) => {
    const year = String(first + i);
    const found = followed.byYear.find((y) => y.year === year);
    return { key: year, label: year, count: found?.count ?? 0, valueSek: found?.valueSek ?? 0 };
  });
  return (
    <div>
      <p>
        {t({
          sv: `Rapporten följer ${followed.supplier} (${supplierKindNames[followed.supplierKind]!.sv.toLocaleLowerCase('sv-SE')}), första beslut ${followed.firstDecision}: ${total.count === 1 ? '1 beslut' : `${total.count} beslut`} för ${formatSek(total.valueSek, 'sv')} sedan dess, år för år nedan.`,
          en: `The report follows ${followed.supplier} (${supplierKindNames[followed.supplierKind]!.en.toLocaleLowerCase('en-GB')}), first decision ${followed.firstDecision}: ${total.count} ${total.count === 1 ? 'decision' : 'decisions'} for ${formatSek(total.valueSek, 'en')} since, year by year below.`,
        })}
      </p>
      {started.length > 1 || chosen ? (
        <details>
          <summary>{t({ sv: 'Följ ett annat samarbete', en: 'Follow another cooperation' })}</summary>
          {pick}
        </details>
      ) : null}
      <GroupFigures title={t({ sv: `Beslut med ${followed.supplier} per år`, en: `Decisions with ${followed.supplier} per year` })} keyHeader={t({ sv: 'År', en: 'Year' })} groups={years} totals={[{ label: t({ sv: 'Summa', en: 'Total' }), ...total }]} charts={['count']} />
      <p id={`${id}-records`}>
        {t({ sv: 'Besluten: ', en: 'The decisions: ' })}
        {followed.records.map((r, i) => (
          <span key={r}>
            {i > 0 ? ', ' : ''}
            <a href={recordHash(r)}>{t({ sv: `nr ${r}`, en: `no. ${r}` })}</a>
          </span>
        ))}
      </p>
    </div>
  );
}

function Figures({ data, suppliersFrom }: { data: SocialReport; suppliersFrom?: string | undefined }) {
  const { t, lang } = useI18n();
  const id = useId();
  if (data.rows.length === 0) return <p>{t({ sv: 'Inga beslut under perioden.', en: 'No decisions in the period.' })}</p>;
  const purchases = data.rows.filter((r) => r.kind === 'purchase');
  const partnerships = sumFigures(data.rows.filter((r) => r.kind === 'partnership'));
  // The trend counts what the sentence above it counts: purchases from social enterprises and idéburna organisations.
  const years = totalsBy(purchases.filter(social), (r) => r.year)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((y) => ({ ...y, label: y.key }));
  // An IOP counted as a purchase (chosen against its verdict) stands apart from the partnerships.
  const byRoute = totalsBy(data.rows, (r) => (r.route === 'iop' && r.kind === 'purchase' ? 'iop-purchase' : r.route)).map((r) => ({
    ...r,
    label: r.key === 'iop-purchase' ? t({ sv: 'IOP bedömt som köp (vald mot bedömningen)', en: 'IOP judged a purchase (chosen against the verdict)' }) : t(routeName(r.key as RouteId)),
  }));
  const byKind = totalsBy(purchases, (r) => r.supplierKind).map((r) => ({ ...r, label: t(supplierKindNames[r.key] ?? { sv: r.key, en: r.key }) }));
  const allPurchases = sumFigures(purchases);
  const socialPurchases = sumFigures(purchases.filter(social));
  const share = allPurchases.valueSek > 0 ? Math.round((socialPurchases.valueSek / allPurchases.valueSek) * 1000) / 10 : 0;
  const suppliers = suppliersFrom ? data.suppliers.filter((s) => s.firstDecision >= suppliersFrom) : data.suppliers;
  return (
    <div>
      <p>
        {t({
          sv: `Köp: ${allPurchases.count} beslut för ${formatSek(allPurchases.valueSek, 'sv')}, varav ${socialPurchases.count} från sociala företag eller idéburna organisationer (${formatSek(socialPurchases.valueSek, 'sv')}, ${String(share).replace('.', ',')} % av värdet). Idéburna offentliga partnerskap, som inte är köp: ${partnerships.count} för ${formatSek(partnerships.valueSek, 'sv')}.`,
          en: `Purchases: ${allPurchases.count} decisions for ${formatSek(allPurchases.valueSek, 'en')}, of which ${socialPurchases.count} from social enterprises or idéburna organisations (${formatSek(socialPurchases.valueSek, 'en')}, ${share} % of the value). Idéburna offentliga partnerskap, which are not purchases: ${partnerships.count} for ${formatSek(partnerships.valueSek, 'en')}.`,
        })}
      </p>
      <GroupFigures
        title={t({ sv: 'Utvecklingen över åren: köp från sociala företag och idéburna organisationer', en: 'The trend over the years: purchases from social enterprises and idéburna organisations' })}
        keyHeader={t({ sv: 'År', en: 'Year' })}
        groups={years}
        totals={[{ label: t({ sv: 'Summa', en: 'Total' }), ...socialPurchases }]}
        charts={['count']}
      />
      {[
        { title: { sv: 'Per väg', en: 'By route' }, keyHeader: { sv: 'Väg', en: 'Route' }, groups: byRoute, total: { sv: 'Summa partnerskap (IOP, inte köp)', en: 'Total partnerships (IOP, not purchases)' }, sum: partnerships },
        { title: { sv: 'Köp per leverantörstyp (partnerskap räknas inte som köp)', en: 'Purchases by supplier kind (partnerships are not counted as purchases)' }, keyHeader: { sv: 'Leverantörstyp', en: 'Supplier kind' }, groups: byKind, total: { sv: 'Summa köp', en: 'Total purchases' }, sum: allPurchases },
      ].map((table) => (
        <GroupFigures key={table.title.sv} title={t(table.title)} keyHeader={t(table.keyHeader)} groups={table.groups} totals={[{ label: t(table.total), ...table.sum }]} charts={[]} />
      ))}
      {suppliers.length > 0 ? (
        <table className="register-table" aria-describedby={`${id}-suppliers`}>
          <caption id={`${id}-suppliers`}>{t({ sv: 'Sociala företag och idéburna organisationer, år för år', en: 'Social enterprises and idéburna organisations, year by year' })}</caption>
          <TableHead columns={[t({ sv: 'Leverantör', en: 'Supplier' }), t({ sv: 'Första beslut', en: 'First decision' }), t({ sv: 'Per år', en: 'Per year' }), t({ sv: 'Beslut', en: 'Decisions' })]} />
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.supplier}>
                <th scope="row">{s.supplier} ({t(supplierKindNames[s.supplierKind]!)})</th>
                <td>{s.firstDecision}</td>
                <td>{s.byYear.map((y) => `${y.year}: ${y.count} (${formatSek(y.valueSek, lang)})`).join('; ')}</td>
                <td>
                  {s.records.map((r, i) => (
                    <span key={r}>
                      {i > 0 ? ', ' : ''}
                      <a href={recordHash(r)}>{t({ sv: `nr ${r}`, en: `no. ${r}` })}</a>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
