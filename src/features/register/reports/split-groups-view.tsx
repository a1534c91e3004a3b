import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { SplitGroup, SplitGroupQuery, SplitMatch } from '../../../shared/audit-report';
import { apiErrorText } from '../api-error-text';
import { formatSek, organisationName } from '../labels';
import { actorKey, useActingAs } from '../use-acting-as';
import { splitGroupsQuery } from './api/reports';
import { goTo, recordHash, reportHash } from './register-hash';
import { ReportActions } from './report-chrome';

const pageSize = 20;

export const splitMatchLabels: Record<SplitMatch, { sv: string; en: string }> = {
  orgNumber: { sv: 'samma organisationsnummer', en: 'the same organisation number' },
  supplierName: { sv: 'samma leverantörsnamn', en: 'the same supplier name' },
  cpvGroup: { sv: 'samma CPV-grupp', en: 'the same CPV group' },
};

type Filter = { organisation?: SplitGroupQuery['organisation']; from?: string | undefined; to?: string | undefined };

/**
 * Possible split purchases as groups: the direct awards one organisation made within twelve months to one
 * supplier or in one CPV group, their sum against the direct-award limit in force, over or under it.
 */
export function SplitGroupsView({ filter, overOnly }: { filter: Filter; overOnly: boolean }) {
  const { t, lang } = useI18n();
  const actor = actorKey(useActingAs());
  const [offset, setOffset] = useState(0);
  const query = { ...filter, over: overOnly ? ('1' as const) : undefined };
  const report = useQuery(splitGroupsQuery(actor, { ...query, offset, limit: pageSize }));
  const near = report.data ? Math.round(report.data.nearShare * 100) : 10;
  const shown = report.data ? (overOnly ? report.data.over : report.data.total) : 0;

  return (
    <div className="split-groups" aria-live="polite">
      <p>
        {t({
          sv: `Direktupphandlingar som en organisation gjort inom tolv månader hos samma leverantör (samma organisationsnummer eller samma namn) eller i samma CPV-grupp räknas samman, eftersom liknande kontrakt ska värderas tillsammans (LOU 19 a kap. 1 § och 5 kap.). Summan jämförs med direktupphandlingsgränsen som gällde på dagen för gruppens senaste beslut. En grupp visas bara om summan når gränsen eller ligger högst ${near} % under den: så nära att en beställning till, eller ett för lågt uppskattat värde, hade tagit den över gränsen.`,
          en: `Direct awards an organisation made within twelve months to the same supplier (the same organisation number or the same name) or in the same CPV group are added up, since similar contracts must be valued together (LOU 19 a kap. 1 § and 5 kap.). The sum is held against the direct-award limit in force on the date of the group's latest decision. A group is shown only when its sum reaches the limit or is at most ${near} % under it: close enough that one more order, or a value estimated too low, would have taken it over.`,
        })}
      </p>
      <div className="field field--checkbox no-print">
        <label>
          <input
            type="checkbox"
            checked={overOnly}
            onChange={(e) => {
              setOffset(0);
              goTo(reportHash('avvikelser', { kind: 'split-purchase', ...filter, over: e.target.checked ? '1' : undefined }));
            }}
          />
          {t({ sv: 'Endast grupper över gränsen', en: 'Only groups over the limit' })}
        </label>
      </div>
      {report.isPending ? <p role="status">{t({ sv: 'Hämtar grupperna…', en: 'Loading the groups…' })}</p> : null}
      {report.isError ? <p role="alert">{t(apiErrorText(report.error))}</p> : null}
      {report.data ? (
        <>
          <p>
            {t({
              sv: `${countText(report.data.total, 'grupp', 'grupper')} att granska, varav ${report.data.over} över direktupphandlingsgränsen och ${report.data.total - report.data.over} under den (inom ${near} %).`,
              en: `${report.data.total} ${report.data.total === 1 ? 'group' : 'groups'} to examine: ${report.data.over} over the direct-award limit and ${report.data.total - report.data.over} under it (within ${near} %).`,
            })}
          </p>
          <ReportActions csvPath="/api/reports/split-groups.csv" query={query} fileName={overOnly ? 'uppdelade-kop-over-gransen.csv' : 'uppdelade-kop.csv'} />
          {report.data.items.map((g, i) => (
            <SplitGroupCard key={`${g.organisation}-${g.decisions[0]!.id}-${g.match.join()}`} group={g} number={offset + i + 1} lang={lang} />
          ))}
          {shown === 0 ? <p>{t({ sv: 'Inga grupper i urvalet.', en: 'No groups in the selection.' })}</p> : null}
          <div className="report-paging no-print">
            {offset > 0 ? <button type="button" onClick={() => setOffset(Math.max(0, offset - pageSize))}>{t({ sv: 'Föregående', en: 'Previous' })}</button> : null}
            {offset + pageSize < shown ? <button type="button" onClick={() => setOffset(offset + pageSize)}>{t({ sv: 'Nästa', en: 'Next' })}</button> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** "1 grupp", "2 grupper": Swedish has a singular. */
const countText = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function SplitGroupCard({ group: g, number, lang }: { group: SplitGroup; number: number; lang: 'sv' | 'en' }) {
  const { t } = useI18n();
  const id = useId();
  const position = g.over
    ? t({ sv: 'Över direktupphandlingsgränsen', en: 'Over the direct-award limit' })
    : t({ sv: 'Under direktupphandlingsgränsen', en: 'Under the direct-award limit' });
  const changed = new Set(g.decisions.map((d) => d.limitSek).filter((v) => v !== null)).size > 1;
  const failed = g.decisions.filter((d) => d.failedVerification).map((d) => d.id);
  return (
    <section className={`split-group ${g.over ? 'split-group--over' : 'split-group--near'}`} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>
        {t({ sv: `Grupp ${number}: ${organisationName(g.organisation)}, ${g.from}–${g.to}`, en: `Group ${number}: ${organisationName(g.organisation)}, ${g.from}–${g.to}` })}
      </h4>
      <dl className="split-group__facts">
        <div>
          <dt>{t({ sv: 'Summa', en: 'Sum' })}</dt>
          <dd>{formatSek(g.sumSek, lang)}</dd>
        </div>
        <div>
          <dt>{t({ sv: 'Gräns som gällde', en: 'Limit in force' })}</dt>
          <dd>{t({ sv: `${formatSek(g.limitSek, lang)} den ${g.limitDate}`, en: `${formatSek(g.limitSek, lang)} on ${g.limitDate}` })}</dd>
        </div>
        <div>
          <dt>{t({ sv: 'Jämfört med gränsen', en: 'Against the limit' })}</dt>
          <dd>
            <strong>{position}</strong>
            {g.over
              ? t({ sv: ` med ${formatSek(g.sumSek - g.limitSek, lang)}`, en: ` by ${formatSek(g.sumSek - g.limitSek, lang)}` })
              : t({ sv: ` med ${formatSek(g.limitSek - g.sumSek, lang)}`, en: ` by ${formatSek(g.limitSek - g.sumSek, lang)}` })}
          </dd>
        </div>
        <div>
          <dt>{t({ sv: 'Matchade på', en: 'Matched on' })}</dt>
          <dd>{[...g.match.map((m) => t(splitMatchLabels[m])), t({ sv: 'inom 12 månader', en: 'within 12 months' })].join(', ')}</dd>
        </div>
      </dl>
      {failed.length > 0 ? (
        <p className="verify verify--failed" role="alert">
          {t({
            sv: `Summan räknar beslut nr ${failed.join(', ')}, som underkändes i den senaste kontrollen, med sina lagrade värden, som kan vara ändrade.`,
            en: `The sum counts decisions no. ${failed.join(', ')}, which failed the latest verification, with their stored values, which may have been changed.`,
          })}
        </p>
      ) : null}
      {changed ? (
        <p>{t({ sv: 'Gränsen ändrades under gruppens tid; varje besluts egen gräns står i tabellen.', en: "The limit changed during the group's period; each decision's own limit is in the table." })}</p>
      ) : null}
      <table className="register-table split-group__decisions">
        <caption>{t({ sv: `Gruppens ${g.decisions.length} beslut`, en: `The group's ${g.decisions.length} decisions` })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ sv: 'Nr', en: 'No.' })}</th>
            <th scope="col">{t({ sv: 'Datum', en: 'Date' })}</th>
            <th scope="col">{t({ sv: 'Beskrivning', en: 'Description' })}</th>
            <th scope="col">{t({ sv: 'Leverantör', en: 'Supplier' })}</th>
            <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
            {changed ? <th scope="col">{t({ sv: 'Gräns den dagen', en: 'Limit that day' })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {g.decisions.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <a href={recordHash(d.id)} aria-label={t({ sv: `Beslut nr ${d.id}`, en: `Decision no. ${d.id}` })}>{d.id}</a>
                {d.failedVerification ? (
                  <>
                    <br />
                    <strong className="failed-verification-mark" data-testid="failed-verification">{t({ sv: '✗ underkänt i senaste kontrollen', en: '✗ failed the latest verification' })}</strong>
                  </>
                ) : null}
              </th>
              <td data-label={t({ sv: 'Datum', en: 'Date' })}>{d.decisionDate}</td>
              <td data-label={t({ sv: 'Beskrivning', en: 'Description' })}>{d.description ?? '–'}</td>
              <td data-label={t({ sv: 'Leverantör', en: 'Supplier' })}>
                {d.supplierName ?? d.supplierOrgNumber ?? t({ sv: 'ej angiven', en: 'not given' })}
                {d.supplierName && d.supplierOrgNumber ? ` (${d.supplierOrgNumber})` : ''}
                {d.cpvCode ? <span className="split-group__cpv">{t({ sv: `CPV ${d.cpvCode}`, en: `CPV ${d.cpvCode}` })}</span> : null}
              </td>
              <td data-label={t({ sv: 'Värde', en: 'Value' })}>{d.valueSek === null ? t({ sv: 'ej angivet', en: 'not given' }) : formatSek(d.valueSek, lang)}</td>
              {changed ? <td data-label={t({ sv: 'Gräns den dagen', en: 'Limit that day' })}>{d.limitSek === null ? '–' : formatSek(d.limitSek, lang)}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>{t({ sv: 'Summa', en: 'Sum' })}</th>
            <td data-label={t({ sv: 'Summa', en: 'Sum' })}>{formatSek(g.sumSek, lang)}</td>
            {changed ? <td /> : null}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
