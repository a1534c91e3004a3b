import { Heading } from '../../../components/heading';
import { useId, useMemo, useState } from 'react';
import { statusWords } from '../../../components/source-quote';
import { VerdictBadge } from '../../../components/verdict-badge';
import type { Answers } from '../../../engine/answers-schema';
import { formatNumber, formatValue, type Lang } from '../../../engine/format';
import type { Ruleset } from '../../../engine/ruleset';
import { keepAmountsTogether, useI18n } from '../workshop-i18n';
import { writePath } from '../../../guide/draft';
import { limitsOnDate, safeEvaluate, sideOf, valueScale, type Limit } from './what-if';

/** "700 tkr", "2,39 mnkr": short enough to stand under a tick mark. */
export function shortSek(value: number, lang: Lang): string {
  if (value >= 1_000_000) {
    const m = formatNumber(Math.round(value / 10_000) / 100, lang);
    return lang === 'sv' ? `${m} mnkr` : `SEK ${m}m`;
  }
  const k = formatNumber(Math.round(value / 1000), lang);
  return lang === 'sv' ? `${k} tkr` : `SEK ${k}k`;
}

const sideWords = {
  below: { sv: 'värdet ligger under', en: 'the value is below' },
  at: { sv: 'värdet ligger exakt på gränsen', en: 'the value is exactly at the limit' },
  above: { sv: 'värdet ligger över', en: 'the value is above' },
} as const;

type ValueScaleProps = {
  ruleset: Ruleset;
  /** The answers the slider varies the value of. */
  answers: Answers;
  /** Tries the slider's value as a what-if (side by side with the answers). */
  onTry: (value: number) => void;
};

/**
 * A slider over the estimated value, 0 to about 30 MSEK on a logarithmic scale, with a mark at each limit the rules
 * in force on the decision date compare the value with, and the routes' verdicts live as it moves. The marks are
 * also a list in words, each with its value, the day it came into force and whether it is verified.
 */
export function ValueScale({ ruleset, answers, onTry }: ValueScaleProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const date = answers.decisionDate;
  const limits = useMemo(() => limitsOnDate(ruleset, date), [ruleset, date]);
  const scale = useMemo(() => valueScale(limits), [limits]);
  const [value, setValue] = useState(() => answers.value?.totalSek ?? 0);
  const outcome = useMemo(() => safeEvaluate(ruleset, writePath(answers, 'value.totalSek', value)), [ruleset, answers, value]);
  const shown = keepAmountsTogether(formatValue(value, 'SEK', lang));
  const position = scale.toPosition(value);
  const pct = (v: number) => (scale.toPosition(v) / scale.steps) * 100;

  const limitText = (limit: Limit) => {
    const flag = limit.status !== 'verified' ? statusWords[limit.status] : undefined;
    return `${t(limit.label)}: ${keepAmountsTogether(formatValue(limit.value, 'SEK', lang))} (${t({ sv: 'gäller från', en: 'in force from' })} ${limit.from})${flag ? ` – ${t(flag)}` : ''}`;
  };

  return (
    <section className="value-scale" aria-labelledby={`${id}-heading`}>
      <Heading offset={1} id={`${id}-heading`}>{t({ sv: 'Värdet på en skala', en: 'The value on a scale' })}</Heading>
      <p className="value-scale__intro">
        {t({
          sv: `Flytta reglaget (med musen eller piltangenterna) och se hur vägarna bedöms vid varje värde. Markeringarna är gränserna som gäller ${date}.`,
          en: `Move the slider (with the mouse or the arrow keys) and see how the routes are judged at each value. The marks are the limits in force on ${date}.`,
        })}
      </p>
      <div className="value-scale__control">
        <label htmlFor={`${id}-range`} className="field__label">
          {t({ sv: 'Uppskattat värde över hela löptiden', en: 'Estimated value over the whole term' })}:{' '}
          <span className="value-scale__value">{shown}</span>
        </label>
        <div className="value-scale__track">
          <input
            id={`${id}-range`}
            type="range"
            min={0}
            max={scale.steps}
            step={1}
            value={position}
            aria-valuetext={shown}
            aria-describedby={`${id}-limits`}
            list={`${id}-ticks`}
            onChange={(e) => setValue(scale.toValue(Number(e.target.value)))}
          />
          <datalist id={`${id}-ticks`}>
            {limits.map((l) => (
              <option key={l.id} value={scale.toPosition(l.value)} label={shortSek(l.value, lang)} />
            ))}
          </datalist>
          <div className="value-scale__ticks" aria-hidden="true">
            {limits.map((l, i) => (
              <span
                key={l.id}
                className={`value-scale__tick value-scale__tick--${i % 2 === 0 ? 'low' : 'high'}${l.status !== 'verified' ? ' value-scale__tick--unverified' : ''}`}
                style={{ left: `calc(${pct(l.value)}% + ${(0.5 - pct(l.value) / 100).toFixed(3)}rem)` }}
              >
                <span className="value-scale__tick-label">
                  {i + 1}. {shortSek(l.value, lang)}
                </span>
              </span>
            ))}
          </div>
          <div className="value-scale__ends" aria-hidden="true">
            <span>0 kr</span>
            <span>{shortSek(scale.max, lang)}</span>
          </div>
        </div>
      </div>

      <Heading offset={2} id={`${id}-limits-heading`}>{t({ sv: `Gränser som gäller ${date}`, en: `Limits in force on ${date}` })}</Heading>
      <ol id={`${id}-limits`} className="value-scale__limits">
        {limits.map((l) => (
          <li key={l.id} data-limit={l.id}>
            <span>{limitText(l)}</span>
            <span className="value-scale__side"> – {t(sideWords[sideOf(value, l.value)])}</span>{' '}
            <button type="button" className="link-button" onClick={() => setValue(l.value)}>
              {t({ sv: 'Sätt värdet på gränsen', en: 'Set the value at the limit' })}
              <span className="visually-hidden"> ({t(l.label)})</span>
            </button>
          </li>
        ))}
      </ol>

      <Heading offset={2}>{t({ sv: `Vägarna vid ${shown}`, en: `The routes at ${shown}` })}</Heading>
      <div aria-live="polite" data-testid="value-scale-verdicts">
        {outcome ? (
          <ul className="value-scale__routes">
            {outcome.routes.map((r) => (
              <li key={r.route} data-route={r.route} data-verdict={r.verdict}>
                <span>{t(r.name)}</span> <VerdictBadge verdict={r.verdict} lang={lang} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t({ sv: 'Regelverket kan inte bedöma svaren på det datumet.', en: 'The rule set cannot judge the answers on that date.' })}</p>
        )}
      </div>
      <button type="button" className="button button--secondary" onClick={() => onTry(value)}>
        {t({ sv: `Jämför ${shown} med utgångsläget`, en: `Compare ${shown} with the starting point` })}
      </button>
    </section>
  );
}
