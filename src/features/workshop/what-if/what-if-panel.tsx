import { Heading, HeadingLevel } from '../../../components/heading';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormField } from '../../../components/form-field';
import { CitedQuote } from '../../../components/cited-quote';
import { statusWords } from '../../../components/source-quote';
import { VerdictBadge, verdictLabel } from '../../../components/verdict-badge';
import type { Answers, RouteId } from '../../../engine/answers-schema';
import { formatValue } from '../../../engine/format';
import type { ParameterUse, Reason, Truth } from '../../../engine/outcome';
import type { Ruleset } from '../../../engine/ruleset';
import type { Localized } from '../../../engine/ruleset-schema';
import { keepAmountsTogether, useI18n } from '../workshop-i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { readPath } from '../../../guide/draft';
import { ValueScale } from './value-scale';
import {
  describeValue,
  inputText,
  isWhatIfField,
  parseWhatIfInput,
  runWhatIf,
  whatIfFields,
  whatIfLabel,
  whatIfOptions,
  type RouteDiff,
  type WhatIfChange,
  type WhatIfField,
} from './what-if';
import './what-if.css';

export type WhatIfPanelProps = {
  /** The level of the component's top heading in the page it sits in (h2 by default). */
  headingLevel?: number;
  /** The answers the what-ifs start from (a scenario's, or a decision's). */
  baseAnswers: Answers;
  /** How to name the organisation of the base answers; the rule set's name for it by default. */
  organisationLabel?: string;
  /** The rule set to judge with; the app's bundled one by default. */
  ruleset?: Ruleset;
};

/** One what-if tried: the answers it started from and the one change. */
type Tried = { id: number; base: Answers; change: WhatIfChange };

const resultWords: Record<Truth, Localized> = {
  held: { sv: 'gäller', en: 'holds' },
  failed: { sv: 'gäller inte', en: 'does not hold' },
  unknown: { sv: 'kan inte avgöras', en: 'cannot be decided' },
};

/**
 * What-if for the workshop: change one answer (value, date, supplier share, contract term, supplier kind,
 * organisation) and see side by side which verdicts change and why, with the rules, their sources and the limits
 * read; a slider over the value shows where each limit falls. The what-ifs tried stay in a list to go back to.
 */
export function WhatIfPanel({ headingLevel = 2, ...props }: WhatIfPanelProps) {
  return (
    <HeadingLevel level={headingLevel}>
      <WhatIfPanelBody {...props} />
    </HeadingLevel>
  );
}

function WhatIfPanelBody({ baseAnswers, organisationLabel, ruleset = browserRuleset }: WhatIfPanelProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement & HTMLSelectElement>(null);

  const [origin, setOrigin] = useState(baseAnswers);
  const [base, setBase] = useState(baseAnswers);
  const [baseVersion, setBaseVersion] = useState(0);
  const [field, setField] = useState<WhatIfField>('value.totalSek');
  const [text, setText] = useState(() => inputText(baseAnswers, 'value.totalSek'));
  const [error, setError] = useState<Localized | null>(null);
  const [tried, setTried] = useState<Tried[]>([]);
  const [shownId, setShownId] = useState<number | null>(null);
  const nextId = useRef(1);

  // New base answers (another scenario) start the what-ifs afresh.
  if (origin !== baseAnswers) {
    setOrigin(baseAnswers);
    setBase(baseAnswers);
    setBaseVersion((v) => v + 1);
    setText(inputText(baseAnswers, field));
    setError(null);
    setTried([]);
    setShownId(null);
  }

  const shown = tried.find((w) => w.id === shownId) ?? null;
  const result = useMemo(() => (shown ? runWhatIf(ruleset, shown.base, shown.change) : null), [ruleset, shown]);

  const label = (f: WhatIfField) => t(whatIfLabel(ruleset, f));
  const valueText = (answers: Answers, f: WhatIfField, value: unknown = readPath(answers, f)) =>
    f === 'organisation' && value === origin.organisation && organisationLabel ? organisationLabel : describeValue(ruleset, f, value, lang);
  const changeText = (w: Tried) => `${label(w.change.field)}: ${valueText(w.base, w.change.field)} → ${valueText(w.base, w.change.field, w.change.value)}`;

  const chooseField = (f: WhatIfField) => {
    setField(f);
    setText(inputText(base, f));
    setError(null);
  };

  const tryChange = (change: WhatIfChange) => {
    const run = runWhatIf(ruleset, base, change);
    if (!run.ok) {
      setError(run.error);
      inputRef.current?.focus();
      return;
    }
    const entry: Tried = { id: nextId.current++, base, change };
    setTried((list) => [...list, entry]);
    setShownId(entry.id);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseWhatIfInput(ruleset, field, text);
    if (!parsed.ok) {
      setError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    tryChange({ field, value: parsed.value });
  };

  // The next what-ifs start from this one's answers (several changes in a row).
  const buildOn = () => {
    if (!result?.ok) return;
    setBase(result.answers);
    setBaseVersion((v) => v + 1);
    setText(inputText(result.answers, field));
    setError(null);
  };
  const backToOrigin = () => {
    setBase(origin);
    setBaseVersion((v) => v + 1);
    setText(inputText(origin, field));
    setError(null);
  };

  const options = whatIfOptions(ruleset, field);
  const unit = field === 'value.totalSek' ? 'kr' : field === 'supplier.disadvantagedShare' ? '%' : field === 'contract.years' ? t({ sv: 'år', en: 'years' }) : null;
  const status =
    result?.ok && shown
      ? t({
          sv: `Vad om prövat: ${changeText(shown)}. ${result.diff.changedRoutes.length === 0 ? 'Ingen väg ändrade bedömning.' : `${result.diff.changedRoutes.length} ${result.diff.changedRoutes.length === 1 ? 'väg ändrade' : 'vägar ändrade'} bedömning.`}`,
          en: `What-if tried: ${changeText(shown)}. ${result.diff.changedRoutes.length === 0 ? 'No route changed its verdict.' : `${result.diff.changedRoutes.length} ${result.diff.changedRoutes.length === 1 ? 'route' : 'routes'} changed verdict.`}`,
        })
      : '';

  return (
    <section className="what-if" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t({ sv: 'Vad händer om …?', en: 'What if …?' })}</Heading>

      <div className="what-if__base">
        <Heading offset={1}>{base === origin ? t({ sv: 'Utgångsläget', en: 'The starting point' }) : t({ sv: 'Utgångsläget (byggt vidare på ett vad om)', en: 'The starting point (built on a what-if)' })}</Heading>
        <dl className="what-if__answers">
          {whatIfFields.map((f) => (
            <div key={f}>
              <dt>{label(f)}</dt>
              <dd>{valueText(base, f)}</dd>
            </div>
          ))}
        </dl>
        {base !== origin ? (
          <button type="button" className="button button--secondary button--small" onClick={backToOrigin}>
            {t({ sv: 'Tillbaka till de ursprungliga svaren', en: 'Back to the original answers' })}
          </button>
        ) : null}
      </div>

      <form className="what-if__form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-form-heading`}>
        <Heading offset={1} id={`${id}-form-heading`}>{t({ sv: 'Ändra ett svar', en: 'Change one answer' })}</Heading>
        <FormField label={t({ sv: 'Vilket svar vill du ändra?', en: 'Which answer do you want to change?' })}>
          {(slot) => (
            <select
              id={slot.id}
              value={field}
              onChange={(e) => {
                if (isWhatIfField(e.target.value)) chooseField(e.target.value);
              }}
            >
              {whatIfFields.map((f) => (
                <option key={f} value={f}>
                  {label(f)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t({ sv: `Nytt värde: ${label(field)}`, en: `New value: ${label(field)}` })}
          error={error ? t(error) : undefined}
          help={t({ sv: `Nu: ${valueText(base, field)}`, en: `Now: ${valueText(base, field)}` })}
        >
          {(slot) => {
            const common = {
              id: slot.id,
              'aria-describedby': slot.describedBy,
              'aria-invalid': slot.invalid || undefined,
              value: text,
              ref: inputRef,
            };
            if (options.length > 0) {
              return (
                <select {...common} onChange={(e) => setText(e.target.value)}>
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.value === origin.organisation && field === 'organisation' && organisationLabel ? organisationLabel : t(o.label)}
                    </option>
                  ))}
                </select>
              );
            }
            if (field === 'decisionDate') {
              return <input {...common} type="date" min={ruleset.manifest.coversFrom} onChange={(e) => setText(e.target.value)} />;
            }
            return (
              <span className="input-unit">
                <input {...common} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} onChange={(e) => setText(e.target.value)} />
                {unit ? <span aria-hidden="true">{unit}</span> : null}
              </span>
            );
          }}
        </FormField>
        <button type="submit" className="button">
          {t({ sv: 'Jämför med utgångsläget', en: 'Compare with the starting point' })}
        </button>
      </form>

      <p role="status" className="visually-hidden">
        {status}
      </p>

      {tried.length > 0 ? (
        <nav className="what-if__history" aria-labelledby={`${id}-history`}>
          <Heading offset={1} id={`${id}-history`}>{t({ sv: 'Prövade vad om', en: 'What-ifs tried' })}</Heading>
          <ol>
            {tried.map((w) => (
              <li key={w.id}>
                <button type="button" className="link-button" aria-current={w.id === shownId ? 'true' : undefined} onClick={() => setShownId(w.id)}>
                  {changeText(w)}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setTried([]);
              setShownId(null);
            }}
          >
            {t({ sv: 'Rensa listan', en: 'Clear the list' })}
          </button>
        </nav>
      ) : null}

      {shown && result?.ok ? (
        <div className="what-if__result">
          <table className="what-if__table">
            <caption>{t({ sv: `Före och efter: ${changeText(shown)}`, en: `Before and after: ${changeText(shown)}` })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ sv: 'Väg', en: 'Route' })}</th>
                <th scope="col">{t({ sv: 'Före', en: 'Before' })}</th>
                <th scope="col">{t({ sv: 'Efter', en: 'After' })}</th>
                <th scope="col">{t({ sv: 'Ändrad?', en: 'Changed?' })}</th>
              </tr>
            </thead>
            <tbody>
              {result.diff.routes.map((r) => (
                <tr key={r.route} data-route={r.route} className={r.changed ? 'is-changed' : undefined}>
                  <th scope="row">{t(r.name)}</th>
                  <td>
                    <VerdictBadge verdict={r.before} lang={lang} />
                  </td>
                  <td>
                    <VerdictBadge verdict={r.after} lang={lang} />
                  </td>
                  <td>{r.changed ? <strong>{t({ sv: 'Ändrad', en: 'Changed' })}</strong> : t({ sv: 'Samma', en: 'Same' })}</td>
                </tr>
              ))}
              <tr className={result.diff.recommendation.changed ? 'is-changed' : undefined}>
                <th scope="row">{t({ sv: 'Rekommendation', en: 'Recommendation' })}</th>
                <td>{routeName(result.diff.before.routes, result.diff.recommendation.before, t)}</td>
                <td>{routeName(result.diff.after.routes, result.diff.recommendation.after, t)}</td>
                <td>{result.diff.recommendation.changed ? <strong>{t({ sv: 'Ändrad', en: 'Changed' })}</strong> : t({ sv: 'Samma', en: 'Same' })}</td>
              </tr>
            </tbody>
          </table>
          {result.diff.routes
            .filter((r) => r.changed)
            .map((r) => (
              <RouteChange key={r.route} diff={r} />
            ))}
          {result.diff.changedRoutes.length === 0 ? (
            <p>{t({ sv: 'Ingen väg ändrade bedömning: ändringen passerar ingen gräns som reglerna läser.', en: 'No route changed its verdict: the change crosses no limit the rules read.' })}</p>
          ) : null}
          <button type="button" className="button button--secondary" onClick={buildOn}>
            {t({ sv: 'Bygg vidare på detta vad om', en: 'Build on this what-if' })}
          </button>
        </div>
      ) : null}

      <ValueScale key={baseVersion} ruleset={ruleset} answers={base} onTry={(value) => tryChange({ field: 'value.totalSek', value })} />
    </section>
  );
}

function routeName(routes: Array<{ route: RouteId; name: Localized }>, route: RouteId | null, t: (text: Localized) => string): string {
  if (route === null) return t({ sv: 'Ingen ännu', en: 'None yet' });
  const found = routes.find((r) => r.route === route);
  return found ? t(found.name) : route;
}

/** Why one route's verdict changed: the reasons before and after side by side, and the limits read. */
function RouteChange({ diff }: { diff: RouteDiff }) {
  const { t, lang } = useI18n();
  const id = useId();
  const parameters = diff.parameters.filter((p) => p.before || p.after);
  const open = (v: RouteDiff['before']) => v === 'allowed' || v === 'recommended';
  const onlyRecommendation = open(diff.before) && open(diff.after) && diff.appeared.length === 0 && diff.disappeared.length === 0;
  return (
    <section className="what-if__route" aria-labelledby={`${id}-heading`} data-route={diff.route}>
      <Heading offset={2} id={`${id}-heading`}>
        {t(diff.name)}: {verdictLabel(diff.before, lang)} → {verdictLabel(diff.after, lang)}
      </Heading>
      {onlyRecommendation ? (
        <p>
          {t({
            sv: 'Vägen är tillåten både före och efter; det som ändrades är rekommendationen. Vägval rekommenderar den första tillåtna vägen i regelverkets ordning, så en väg före den kan ha öppnats eller stängts.',
            en: 'The route is allowed before and after; what changed is the recommendation. Vägval recommends the first allowed route in the rule set’s order, so a route before it may have opened or closed.',
          })}
        </p>
      ) : null}
      <div className="what-if__columns" hidden={onlyRecommendation}>
        <div>
          <Heading offset={3}>{t({ sv: 'Före: skäl som föll bort', en: 'Before: reasons that fell away' })}</Heading>
          <ReasonList reasons={diff.disappeared} />
          {diff.obligationsDisappeared.length > 0 ? (
            <p className="what-if__obligations">
              {t({ sv: 'Skyldigheter och varningar som föll bort: ', en: 'Obligations and cautions that fell away: ' })}
              {diff.obligationsDisappeared.map((o) => t(o.title)).join('; ')}
            </p>
          ) : null}
        </div>
        <div>
          <Heading offset={3}>{t({ sv: 'Efter: skäl som tillkom', en: 'After: reasons that appeared' })}</Heading>
          <ReasonList reasons={diff.appeared} />
          {diff.obligationsAppeared.length > 0 ? (
            <p className="what-if__obligations">
              {t({ sv: 'Skyldigheter och varningar som tillkom: ', en: 'Obligations and cautions that appeared: ' })}
              {diff.obligationsAppeared.map((o) => t(o.title)).join('; ')}
            </p>
          ) : null}
        </div>
      </div>
      {parameters.length > 0 ? (
        <table className="what-if__params">
          <caption>{t({ sv: `Värden som reglerna för ${t(diff.name).toLowerCase()} läste`, en: `Values the rules of ${t(diff.name)} read` })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
              <th scope="col">{t({ sv: 'Före', en: 'Before' })}</th>
              <th scope="col">{t({ sv: 'Efter', en: 'After' })}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={p.id} className={p.changed ? 'is-changed' : undefined}>
                <th scope="row">{t(p.label)}</th>
                <td>{parameterText(p.before, lang)}</td>
                <td>
                  {parameterText(p.after, lang)}
                  {p.changed ? <strong> ({t({ sv: 'ändrat', en: 'changed' })})</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function parameterText(p: ParameterUse | null, lang: 'sv' | 'en'): string {
  if (!p) return lang === 'sv' ? 'lästes inte' : 'not read';
  const flag = p.status !== 'verified' ? statusWords[p.status] : undefined;
  return `${keepAmountsTogether(formatValue(p.value, p.unit, lang))} (${lang === 'sv' ? 'från' : 'from'} ${p.from}${flag ? `, ${flag[lang]}` : ''})`;
}

function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t, lang } = useI18n();
  if (reasons.length === 0) return <p className="what-if__none">{t({ sv: 'Inga.', en: 'None.' })}</p>;
  return (
    <ul className="what-if__reasons">
      {reasons.map((r) => (
        <li key={`${r.ruleId}|${r.result}`} data-rule={r.ruleId}>
          <p className="what-if__reason-title">
            <strong>{t(r.title)}</strong> – {t(resultWords[r.result])}
          </p>
          <p>{t(r.explanation)}</p>
          {r.parameters.length > 0 ? (
            <p className="what-if__reason-params">
              {t({ sv: 'Läste: ', en: 'Read: ' })}
              {r.parameters.map((p) => `${t(p.label)} ${parameterText(p, lang)}`).join('; ')}
            </p>
          ) : null}
          <CitedQuote source={r.source} />
          <p className="legal-basis">{r.legalBasis}</p>
        </li>
      ))}
    </ul>
  );
}
