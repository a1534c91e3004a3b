import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { diffChangeNames, diffPartNames } from '../../../shared/audit-labels';
import type { RulesetDiffEntry } from '../../../shared/audit-report';
import { rulesetName } from '../../../shared/ruleset-name';
import { apiErrorText } from '../api-error-text';
import { actorKey, useActingAs } from '../use-acting-as';
import { rulesetDiffQuery, rulesetsQuery } from './api/reports';
import { RulesetChoice } from './impact-view';
import { reportHash } from './register-hash';
import { CiteAddress, ReportActions } from './report-chrome';

/** Two rule sets side by side: which rules, values and sources were added, removed or changed, field by field. */
export function RulesetDiffView({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const rulesets = useQuery(rulesetsQuery(actor));
  const list = rulesets.data;
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const fromRef = from || list?.stored[0]?.hash || 'working';
  const toRef = to || 'working';
  const diff = useQuery({ ...rulesetDiffQuery(actor, fromRef, toRef), enabled: Boolean(list) });
  const parts = Object.keys(diffPartNames) as RulesetDiffEntry['part'][];
  return (
    <section aria-labelledby={`${id}-h`} className="report">
      <h3 id={`${id}-h`}>{t({ sv: 'Jämför regelverk', en: 'Compare rule sets' })}</h3>
      {rulesets.isError ? <p role="alert">{t(apiErrorText(rulesets.error))}</p> : null}
      {list ? (
        <form className="register-filters no-print" onSubmit={(e) => e.preventDefault()}>
          <RulesetChoice list={list} id={`${id}-from`} label={t({ sv: 'Från regelverk', en: 'From rule set' })} value={fromRef} onChange={setFrom} />
          <RulesetChoice list={list} id={`${id}-to`} label={t({ sv: 'Till regelverk', en: 'To rule set' })} value={toRef} onChange={setTo} />
        </form>
      ) : null}
      <CiteAddress hash={reportHash('regelverk', { from: fromRef, to: toRef })} />
      <ReportActions csvPath="/api/reports/rulesets/diff.csv" query={{ from: fromRef, to: toRef }} fileName="regelverk.csv" />
      {diff.isError ? <p role="alert">{t(apiErrorText(diff.error))}</p> : null}
      {diff.data ? (
        diff.data.entries.length === 0 ? (
          <p>{t({ sv: 'Regelverken är lika.', en: 'The rule sets are the same.' })}</p>
        ) : (
          parts
            .filter((p) => diff.data.entries.some((e) => e.part === p))
            .map((part) => (
              <div key={part} className="table-scroll" role="region" aria-labelledby={`${id}-${part}`} tabIndex={0}>
                <table className="register-table ruleset-diff">
                  <caption id={`${id}-${part}`}>{`${t(diffPartNames[part])}: ${rulesetName(diff.data.from, lang)} → ${rulesetName(diff.data.to, lang)}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t({ sv: 'Post', en: 'Entry' })}</th>
                      <th scope="col">{t({ sv: 'Ändring', en: 'Change' })}</th>
                      <th scope="col">{t({ sv: 'Ändringen', en: 'The change' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {diff.data.entries
                      .filter((e) => e.part === part)
                      .map((e) => (
                        <tr key={e.id}>
                          <th scope="row">{e.label}<br /><code>{e.id}</code></th>
                          <td data-label={t({ sv: 'Ändring', en: 'Change' })}>{t(diffChangeNames[e.change])}</td>
                          <td data-label={t({ sv: 'Ändringen', en: 'The change' })}>
                            <ul className="diff-words">
                              {e.words.map((w, i) => (
                                <li key={i}>{t(w)}</li>
                              ))}
                            </ul>
                            <details className="diff-technical">
                              <summary>{t({ sv: 'Tekniska detaljer (fält före och efter)', en: 'Technical details (fields before and after)' })}</summary>
                            <dl className="diff-fields">
                              {e.fields.map((f) => (
                                <div key={f.field}>
                                  <dt>{f.field}</dt>
                                  <dd>
                                    {e.change !== 'added' ? <del>{f.before ?? '–'}</del> : null}
                                    {e.change === 'changed' ? ' → ' : null}
                                    {e.change !== 'removed' ? <ins>{f.after ?? '–'}</ins> : null}
                                  </dd>
                                </div>
                              ))}
                            </dl>
                            </details>
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            ))
        )
      ) : null}
    </section>
  );
}
