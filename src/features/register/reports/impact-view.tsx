import type { OrganisationId } from '../../../engine/answers-schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { useI18n } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { impactCsv, impactParameterWords } from '../../../shared/audit-csv';
import { rulesetName } from '../../../shared/ruleset-name';
import type { ImpactItem, RulesetList, RulesetName } from '../../../shared/audit-report';
import { apiErrorText } from '../api-error-text';
import { organisationName, routeName } from '../labels';
import { actorKey, useActingAs } from '../use-acting-as';
import { runImpact, rulesetDiffQuery, rulesetsQuery } from './api/reports';
import { recordHash, reportHash } from './register-hash';
import { CiteAddress } from './report-chrome';
import { downloadText } from '../../../document/download';

/** The rule sets one can compare: the working copy of rules/ on the server, and every one a decision was made under. */
export function RulesetChoice({ list, id, label, value, onChange }: { list: RulesetList; id: string; label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {list.working ? <option value="working">{t({ sv: `${rulesetName(list.working, 'sv')}: rules/ på servern, ännu inte använd för beslut`, en: `${rulesetName(list.working, 'en')}: rules/ on the server, not yet used for decisions` })}</option> : null}
        {list.stored.map((r) => (
          <option key={r.hash} value={r.hash}>
            {t({ sv: `${rulesetName(r, 'sv')}, ${r.records === 1 ? '1 beslut' : `${r.records} beslut`}`, en: `${rulesetName(r, 'en')}, ${r.records === 1 ? '1 decision' : `${r.records} decisions`}` })}
          </option>
        ))}
      </select>
    </div>
  );
}

const names = {
  route: (r: string) => browserRuleset.routes[r as keyof typeof browserRuleset.routes]?.name.sv ?? r,
  organisation: (o: string) => organisationName(o as OrganisationId),
};

/** What differs between the two rule sets, in words, values first: the reason the listed verdicts change. */
function RuleChanges({ actor, from, to }: { actor: string; from: string; to: string }) {
  const { t } = useI18n();
  const diff = useQuery(rulesetDiffQuery(actor, from, to));
  if (!diff.data) return null;
  const words = [...diff.data.entries].sort((a, b) => Number(b.part === 'parameters') - Number(a.part === 'parameters')).flatMap((e) => e.words);
  if (words.length === 0) return <p>{t({ sv: 'Regelverken har samma regler och värden.', en: 'The rule sets have the same rules and values.' })}</p>;
  return (
    <div className="rule-changes">
      <h4>{t({ sv: 'Vad som ändrats i regelverket', en: 'What changed in the rule set' })}</h4>
      <ul>
        {words.slice(0, 20).map((w, i) => (
          <li key={i}>{t(w)}</li>
        ))}
      </ul>
      {words.length > 20 ? <p><a href={reportHash('regelverk', { from, to })}>{t({ sv: `Alla ${words.length} ändringar`, en: `All ${words.length} changes` })}</a></p> : null}
    </div>
  );
}

/** What a rule change would have changed: every stored decision judged under two rule sets, streamed with progress. */
export function ImpactView({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const rulesets = useQuery(rulesetsQuery(actor));
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [items, setItems] = useState<ImpactItem[]>([]);
  const [summary, setSummary] = useState<{ checked: number; changed: number; ms: number; from: RulesetName; to: RulesetName } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const list = rulesets.data;
  const fromRef = from || list?.stored[0]?.hash || 'working';
  const toRef = to || 'working';

  const start = async (e: FormEvent) => {
    e.preventDefault();
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    window.history.replaceState(null, '', reportHash('regelandring', { from: fromRef, to: toRef }));
    setItems([]);
    setSummary(null);
    setProblem(null);
    setProgress({ done: 0, total: 0 });
    setRunning(true);
    const found: ImpactItem[] = [];
    let versions: { from: RulesetName; to: RulesetName } = { from: { version: '', hash: '' }, to: { version: '', hash: '' } };
    try {
      await runImpact({ from: fromRef, to: toRef }, (line) => {
        if (line.type === 'start') {
          versions = { from: line.from, to: line.to };
          setProgress({ done: 0, total: line.total });
        } else if (line.type === 'progress') {
          setProgress({ done: line.done, total: line.total });
          setItems([...found]);
        } else if (line.type === 'item') found.push(line.item);
        else if (line.type === 'done') setSummary({ checked: line.checked, changed: line.changed, ms: line.ms, ...versions });
        else setProblem(new Error(line.message));
      }, controller.signal);
      setItems([...found]);
    } catch (error) {
      setProblem(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="report">
      <h3 id={`${id}-h`}>{t({ sv: 'Vad hade en regeländring ändrat?', en: 'What would a rule change have changed?' })}</h3>
      <p>{t({ sv: 'Varje sparat beslut bedöms med båda regelverken. De beslut där någon vägs bedömning eller rekommendationen skiljer sig listas med skälet.', en: 'Every saved decision is judged under both rule sets. Those where a route’s verdict or the recommendation differs are listed with the reason.' })}</p>
      {rulesets.isError ? <p role="alert">{t(apiErrorText(rulesets.error))}</p> : null}
      {list ? (
        <form onSubmit={(e) => void start(e)} className="register-filters no-print">
          <RulesetChoice list={list} id={`${id}-from`} label={t({ sv: 'Från regelverk', en: 'From rule set' })} value={fromRef} onChange={setFrom} />
          <RulesetChoice list={list} id={`${id}-to`} label={t({ sv: 'Till regelverk', en: 'To rule set' })} value={toRef} onChange={setTo} />
          <button type="submit" disabled={running}>{t({ sv: 'Jämför alla beslut', en: 'Compare every decision' })}</button>
          {running ? <button type="button" onClick={() => abort.current?.abort()}>{t({ sv: 'Avbryt', en: 'Stop' })}</button> : null}
          <a href={reportHash('regelverk', { from: fromRef, to: toRef })}>{t({ sv: 'Visa skillnaderna mellan regelverken', en: 'Show the differences between the rule sets' })}</a>
        </form>
      ) : null}
      {list?.workingProblem ? <p role="alert">{t({ sv: `Arbetskopian av rules/ går inte att läsa: ${list.workingProblem}`, en: `The working copy of rules/ does not load: ${list.workingProblem}` })}</p> : null}
      {progress ? (
        <div className="impact-progress">
          <label htmlFor={`${id}-progress`}>{t({ sv: 'Jämförda beslut', en: 'Decisions compared' })}</label>
          <progress id={`${id}-progress`} max={Math.max(1, progress.total)} value={progress.done} />
          <span aria-live="polite">{t({ sv: `${progress.done} av ${progress.total}`, en: `${progress.done} of ${progress.total}` })}</span>
        </div>
      ) : null}
      {problem ? <p role="alert">{t(apiErrorText(problem))}</p> : null}
      {summary ? (
        <>
          <p role="status">
            {t({
              sv: `${summary.changed} av ${summary.checked} beslut skulle bedömas annorlunda med ${rulesetName(summary.to, 'sv')} än med ${rulesetName(summary.from, 'sv')} (${(summary.ms / 1000).toFixed(1).replace('.', ',')} s).`,
              en: `${summary.changed} of ${summary.checked} decisions would be judged differently under ${rulesetName(summary.to, 'en')} than under ${rulesetName(summary.from, 'en')} (${(summary.ms / 1000).toFixed(1)} s).`,
            })}
          </p>
          <RuleChanges actor={actor} from={fromRef} to={toRef} />
          <CiteAddress hash={reportHash('regelandring', { from: fromRef, to: toRef })} />
          <div className="report-actions no-print">
            <button type="button" onClick={() => downloadText('regelandring.csv', impactCsv(items, names, summary.from, summary.to), 'text/csv;charset=utf-8')}>
              {t({ sv: 'Ladda ned för Excel (CSV)', en: 'Download for Excel (CSV)' })}
            </button>
            <button type="button" onClick={() => window.print()}>{t({ sv: 'Skriv ut eller spara som PDF', en: 'Print or save as PDF' })}</button>
          </div>
        </>
      ) : null}
      {items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-list`} tabIndex={0}>
          <table className="register-table">
            <caption id={`${id}-list`}>{t({ sv: 'Beslut som skulle bedömas annorlunda', en: 'Decisions that would be judged differently' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ sv: 'Nr', en: 'No.' })}</th>
                <th scope="col">{t({ sv: 'Organisation och datum', en: 'Organisation and date' })}</th>
                <th scope="col">{t({ sv: 'Ändrade bedömningar', en: 'Changed verdicts' })}</th>
                <th scope="col">{t({ sv: 'Rekommendation', en: 'Recommendation' })}</th>
                <th scope="col">{t({ sv: 'Skäl', en: 'Reason' })}</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 500).map((i) => (
                <tr key={i.id}>
                  <th scope="row"><a href={recordHash(i.id)}>{i.id}</a></th>
                  <td>{organisationName(i.organisation)}<br />{i.decisionDate}</td>
                  <td>
                    <ul className="exception-marks">
                      {i.routes.map((r) => (
                        <li key={r.route}>
                          {t(routeName(r.route))}: {r.before ? <VerdictBadge verdict={r.before} lang={lang} /> : '–'} → {r.after ? <VerdictBadge verdict={r.after} lang={lang} /> : '–'}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{i.recommendation.before ? t(routeName(i.recommendation.before)) : '–'} → {i.recommendation.after ? t(routeName(i.recommendation.after)) : '–'}</td>
                  <td>
                    {i.problem ?? [...i.parameters.map((p) => impactParameterWords(p, lang)), ...i.reasons.map((r) => t(r.title))].join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length > 500 ? <p>{t({ sv: `Visar de första 500 av ${items.length}; hela listan finns i CSV-filen.`, en: `Showing the first 500 of ${items.length}; the CSV file has them all.` })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
