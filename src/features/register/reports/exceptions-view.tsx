import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { useI18n } from '../../../i18n/i18n';
import { exceptionBasis, exceptionNames } from '../../../shared/audit-labels';
import { exceptionKinds, type ExceptionQuery } from '../../../shared/audit-report';
import { apiErrorText } from '../api-error-text';
import { formatSek, organisationName, routeName } from '../labels';
import { OrganisationField } from '../organisation-options';
import { actorKey, useActingAs } from '../use-acting-as';
import { exceptionsQuery } from './api/reports';
import { goTo, recordHash, reportHash } from './register-hash';
import { CiteAddress, ReportActions } from './report-chrome';
import { DateRangeFields } from '../date-range-fields';
import { SplitGroupsView } from './split-groups-view';
import { readSavedViews, writeSavedViews, type SavedView } from './saved-views';

const pageSize = 50;
type Kind = ExceptionQuery['kind'];

/** The exception reports: pick what to look for and where; the filter is the address, so it can be cited and saved. */
export function ExceptionsView({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const kind = ((exceptionKinds as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind') : 'all') as Kind;
  const query = {
    kind,
    organisation: (params.get('organisation') || undefined) as ExceptionQuery['organisation'],
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const [offset, setOffset] = useState(0);
  const [draft, setDraft] = useState({ kind: query.kind as string, organisation: query.organisation ?? '', from: query.from ?? '', to: query.to ?? '' });
  const [dateProblem, setDateProblem] = useState(false);
  const [saved, setSaved] = useState<SavedView[]>(readSavedViews);
  const [viewName, setViewName] = useState('');
  const report = useQuery(exceptionsQuery(actor, { ...query, offset, limit: pageSize }));
  const over = query.kind === 'split-purchase' && params.get('over') === '1' ? '1' : undefined;
  const hash = reportHash('avvikelser', query.kind === 'all' ? { ...query, kind: undefined } : { ...query, over });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = Boolean(draft.from && draft.to && draft.from > draft.to);
    setDateProblem(bad);
    if (bad) return;
    setOffset(0);
    goTo(reportHash('avvikelser', { kind: draft.kind === 'all' ? undefined : draft.kind, organisation: draft.organisation, from: draft.from, to: draft.to }));
  };
  const saveView = (e: FormEvent) => {
    e.preventDefault();
    const name = viewName.trim() || t(query.kind === 'all' ? { sv: 'Alla avvikelser', en: 'All exceptions' } : exceptionNames[query.kind]);
    const next = [...saved.filter((v) => v.name !== name), { name, hash }];
    setSaved(next);
    writeSavedViews(next);
    setViewName('');
  };
  const removeView = (name: string) => {
    const next = saved.filter((v) => v.name !== name);
    setSaved(next);
    writeSavedViews(next);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="report">
      <h3 id={`${id}-h`}>{t({ sv: 'Avvikelserapporter', en: 'Exception reports' })}</h3>
      <form onSubmit={submit} className="register-filters no-print" noValidate aria-label={t({ sv: 'Välj avvikelser', en: 'Choose exceptions' })}>
        <div className="field">
          <label htmlFor={`${id}-kind`} className="field__label">{t({ sv: 'Visa', en: 'Show' })}</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="all">{t({ sv: 'Alla avvikelser', en: 'All exceptions' })}</option>
            {exceptionKinds.map((k) => (
              <option key={k} value={k}>{t(exceptionNames[k])}</option>
            ))}
          </select>
        </div>
        <OrganisationField id={`${id}-org`} value={draft.organisation} onChange={(organisation) => setDraft({ ...draft, organisation })} />
        <DateRangeFields id={id} from={draft.from} to={draft.to} problem={dateProblem} onFrom={(from) => setDraft({ ...draft, from })} onTo={(to) => setDraft({ ...draft, to })} />
        <button type="submit">{t({ sv: 'Visa rapporten', en: 'Show the report' })}</button>
      </form>

      <CiteAddress hash={hash} />
      <form onSubmit={saveView} className="saved-view-form no-print">
        <div className="field">
          <label htmlFor={`${id}-name`} className="field__label">{t({ sv: 'Namn på vyn', en: 'Name of the view' })}</label>
          <input id={`${id}-name`} value={viewName} onChange={(e) => setViewName(e.target.value)} />
        </div>
        <button type="submit">{t({ sv: 'Spara vyn', en: 'Save the view' })}</button>
      </form>
      {saved.length > 0 ? (
        <nav aria-label={t({ sv: 'Sparade vyer', en: 'Saved views' })} className="saved-views no-print">
          <h4>{t({ sv: 'Sparade vyer', en: 'Saved views' })}</h4>
          <ul>
            {saved.map((v) => (
              <li key={v.name}>
                <a href={v.hash}>{v.name}</a>{' '}
                <button type="button" onClick={() => removeView(v.name)} aria-label={t({ sv: `Ta bort vyn ${v.name}`, en: `Remove the view ${v.name}` })}>
                  {t({ sv: 'Ta bort', en: 'Remove' })}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {report.isPending ? <p role="status">{t({ sv: 'Hämtar rapporten…', en: 'Loading the report…' })}</p> : null}
      {report.isError ? <p role="alert">{t(apiErrorText(report.error))}</p> : null}
      {report.data ? (
        <div aria-live="polite">
          <table className="register-table exception-counts">
            <caption>{t({ sv: `Avvikelser bland ${report.data.scanned} gällande beslut`, en: `Exceptions among ${report.data.scanned} current decisions` })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ sv: 'Avvikelse', en: 'Exception' })}</th>
                <th scope="col">{t({ sv: 'Antal', en: 'Count' })}</th>
              </tr>
            </thead>
            <tbody>
              {exceptionKinds.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    <a href={reportHash('avvikelser', { ...query, kind: k })} aria-current={k === query.kind ? 'true' : undefined}>{t(exceptionNames[k])}</a>
                  </th>
                  <td data-label={t({ sv: 'Antal', en: 'Count' })}>{report.data.counts[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.kind !== 'all' && query.kind !== 'split-purchase' ? <p>{t(exceptionBasis[query.kind])}</p> : null}
          {query.kind === 'split-purchase' ? <SplitGroupsView filter={{ organisation: query.organisation, from: query.from, to: query.to }} overOnly={params.get('over') === '1'} /> : null}
          {query.kind === 'split-purchase' ? null : (
            <>
              <ReportActions csvPath="/api/reports/exceptions.csv" query={query} fileName={`avvikelser-${query.kind}.csv`} />
              {report.data.items.length === 0 ? (
                <p>{t({ sv: 'Inga beslut i urvalet.', en: 'No decisions in the selection.' })}</p>
              ) : (
                <div className="table-scroll" role="region" aria-labelledby={`${id}-list`} tabIndex={0}>
                  <table className="register-table exception-list">
                    <caption id={`${id}-list`}>
                      {t({ sv: `${report.data.total} beslut, visar ${offset + 1}–${offset + report.data.items.length}`, en: `${report.data.total} decisions, showing ${offset + 1}–${offset + report.data.items.length}` })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t({ sv: 'Nr', en: 'No.' })}</th>
                        <th scope="col">{t({ sv: 'Organisation och datum', en: 'Organisation and date' })}</th>
                        <th scope="col">{t({ sv: 'Köp och leverantör', en: 'Purchase and supplier' })}</th>
                        <th scope="col">{t({ sv: 'Vald väg', en: 'Chosen route' })}</th>
                        <th scope="col">{t({ sv: 'Rekommenderad väg', en: 'Recommended route' })}</th>
                        <th scope="col">{t({ sv: 'Den valda vägens bedömning', en: "The chosen route's verdict" })}</th>
                        <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
                        <th scope="col">{t({ sv: 'Avvikelser', en: 'Exceptions' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.data.items.map((r) => (
                        <tr key={r.id}>
                          <th scope="row" data-label={t({ sv: 'Beslut nr', en: 'Decision no.' })}>
                            <a href={recordHash(r.id)} aria-label={t({ sv: `Beslut nr ${r.id}`, en: `Decision no. ${r.id}` })}>{r.id}</a>
                            {r.failedVerification ? (
                              <>
                                <br />
                                <strong className="failed-verification-mark" data-testid="failed-verification">{t({ sv: '✗ underkänt i senaste kontrollen', en: '✗ failed the latest verification' })}</strong>
                              </>
                            ) : null}
                          </th>
                          <td data-label={t({ sv: 'Organisation och datum', en: 'Organisation and date' })}>
                            {organisationName(r.organisation)}
                            <br />
                            {r.decisionDate}
                          </td>
                          <td data-label={t({ sv: 'Köp och leverantör', en: 'Purchase and supplier' })}>
                            {r.description ?? '–'}
                            <br />
                            {r.supplierName ?? r.supplierOrgNumber ?? t({ sv: 'leverantör ej angiven', en: 'supplier not given' })}
                            {r.supplierName && r.supplierOrgNumber ? ` (${r.supplierOrgNumber})` : ''}
                          </td>
                          <td data-label={t({ sv: 'Vald väg', en: 'Chosen route' })}>
                            {t(routeName(r.chosenRoute))}
                            {r.deviates ? (
                              <>
                                {' '}
                                <strong className="deviation-mark">{t({ sv: '≠ avviker', en: '≠ deviates' })}</strong>
                              </>
                            ) : null}
                            {r.deviationReason ? <span className="deviation-reason">{t({ sv: 'Skäl: ', en: 'Reason: ' })}{r.deviationReason}</span> : null}
                          </td>
                          <td data-label={t({ sv: 'Rekommenderad väg', en: 'Recommended route' })}>{r.recommendedRoute ? t(routeName(r.recommendedRoute)) : '–'}</td>
                          <td data-label={t({ sv: 'Den valda vägens bedömning', en: 'The chosen route’s verdict' })}>
                            <VerdictBadge verdict={r.chosenVerdict} lang={lang} />
                          </td>
                          <td data-label={t({ sv: 'Värde', en: 'Value' })}>{r.totalSek === null ? '–' : formatSek(r.totalSek, lang)}</td>
                          <td data-label={t({ sv: 'Avvikelser', en: 'Exceptions' })}>
                            <ul className="exception-marks">
                              {r.exceptions.map((k) => (
                                <li key={k}>
                                  {t(exceptionNames[k])}
                                  {k === 'split-purchase' && r.related.length > 0 ? (
                                    <>
                                      {': '}
                                      {r.related.map((other, i) => (
                                        <span key={other}>
                                          {i > 0 ? ', ' : ''}
                                          <a href={recordHash(other)}>{t({ sv: `nr ${other}`, en: `no. ${other}` })}</a>
                                        </span>
                                      ))}
                                    </>
                                  ) : null}
                                  {k === 'weak-basis' ? `: ${r.weakBasis.map((w) => t(w.label)).join('; ')}` : null}
                                  {k === 'late-documentation' ? `: ${t({ sv: `${r.daysToRecord} dagar`, en: `${r.daysToRecord} days` })}` : null}
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <div className="report-paging no-print">
                {offset > 0 ? <button type="button" onClick={() => setOffset(Math.max(0, offset - pageSize))}>{t({ sv: 'Föregående', en: 'Previous' })}</button> : null}
                {offset + pageSize < report.data.total ? <button type="button" onClick={() => setOffset(offset + pageSize)}>{t({ sv: 'Nästa', en: 'Next' })}</button> : null}
              </div>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
