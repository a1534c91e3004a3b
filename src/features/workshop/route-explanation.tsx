import { CitedQuote } from '../../components/cited-quote';
import { VerdictBadge } from '../../components/verdict-badge';
import type { ConditionTrace, Reason, RouteOutcome, Truth } from '../../engine/outcome';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from './workshop-i18n';

const resultWords: Record<Truth, Localized> = {
  held: { sv: 'håller', en: 'holds' },
  failed: { sv: 'håller inte', en: 'does not hold' },
  unknown: { sv: 'okänt', en: 'unknown' },
};
const comparisonWords: Record<Truth, Localized> = {
  held: { sv: 'stämmer', en: 'true' },
  failed: { sv: 'stämmer inte', en: 'not true' },
  unknown: { sv: 'inget svar ännu', en: 'no answer yet' },
};
const resultSigns: Record<Truth, string> = { held: '✓', failed: '✗', unknown: '?' };

/**
 * A result as a sign and a word (never colour alone). Comparisons say their word on screen, so that
 * "✗ stämmer inte: värdet (900 000 kr) är under gränsen (700 000 kr)" reads right; rules say it to screen readers.
 */
export function ResultMark({ result, visibleWord = false }: { result: Truth; visibleWord?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`result-mark result-mark--${result}`}>
      <span aria-hidden="true">{resultSigns[result]}</span>
      {visibleWord ? <span className="result-mark__word"> {t(comparisonWords[result])}:</span> : <span className="visually-hidden">{t(resultWords[result])}: </span>}
    </span>
  );
}

/** A rule's condition in plain words, comparison by comparison, each marked held, failed or unknown. */
function ConditionItem({ trace }: { trace: ConditionTrace }) {
  const { t } = useI18n();
  if (trace.kind === 'compare') {
    return (
      <li className={`condition condition--${trace.result}`}>
        <ResultMark result={trace.result} visibleWord /> {t(trace.text)}
      </li>
    );
  }
  const children = trace.kind === 'not' ? [trace.child] : trace.children;
  const lead: Localized =
    trace.kind === 'all'
      ? { sv: 'Alla dessa:', en: 'All of these:' }
      : trace.kind === 'any'
        ? { sv: 'Minst ett av dessa:', en: 'At least one of these:' }
        : { sv: 'Detta får inte gälla:', en: 'This must not be so:' };
  return (
    <li className={`condition condition--${trace.result}`}>
      <ResultMark result={trace.result} /> {t(lead)}
      <ul className="conditions">
        {children.map((c, i) => (
          <ConditionItem key={i} trace={c} />
        ))}
      </ul>
    </li>
  );
}

const kindWords: Partial<Record<Reason['kind'], Localized>> = {
  ground: { sv: 'grund – det räcker att en grund håller', en: 'ground – one ground holding is enough' },
  requirement: { sv: 'krav – alla krav måste hålla', en: 'requirement – every requirement must hold' },
};

/** One ground or requirement: what it says, whether it held, the comparisons behind it and its source's words. */
export function ReasonItem({ reason, deciding, showConditions = true }: { reason: Reason; deciding?: boolean; showConditions?: boolean }) {
  const { t } = useI18n();
  const kind = kindWords[reason.kind];
  return (
    <li className={`reason reason--${reason.result}`} data-rule={reason.ruleId} data-result={reason.result}>
      <p className="reason__title">
        <ResultMark result={reason.result} /> <strong>{t(reason.title)}</strong>
        {kind ? <span className="reason__kind"> ({t(kind)})</span> : null}
        {deciding ? <span className="tag">{t({ sv: 'avgörande', en: 'decisive' })}</span> : null}
      </p>
      <p className="reason__explanation">{t(reason.explanation)}</p>
      <p className="legal-basis">{reason.legalBasis}</p>
      {showConditions && reason.trace ? (
        <ul className="conditions" aria-label={t({ sv: 'Villkoren prövade mot svaren', en: 'The conditions tested against the answers' })}>
          <ConditionItem trace={reason.trace} />
        </ul>
      ) : null}
      <CitedQuote source={reason.source} />
    </li>
  );
}

function verdictSentence(route: RouteOutcome): Localized {
  const hasGrounds = route.trace.some((r) => r.kind === 'ground');
  switch (route.verdict) {
    case 'recommended':
      return { sv: 'Vägen är tillåten och går före de andra tillåtna vägarna.', en: 'The route is allowed and comes before the other allowed routes.' };
    case 'allowed':
      return hasGrounds
        ? { sv: 'Minst en grund håller och alla krav håller, så vägen är tillåten.', en: 'At least one ground holds and every requirement holds, so the route is allowed.' }
        : { sv: 'Alla krav håller, så vägen är tillåten.', en: 'Every requirement holds, so the route is allowed.' };
    case 'not-allowed':
      return hasGrounds
        ? { sv: 'Ett krav håller inte, eller ingen grund håller, så vägen är inte tillåten.', en: 'A requirement does not hold, or no ground holds, so the route is not allowed.' }
        : { sv: 'Ett krav håller inte, så vägen är inte tillåten.', en: 'A requirement does not hold, so the route is not allowed.' };
    case 'needs-info':
      return { sv: 'Det går inte att avgöra ännu: svar saknas.', en: 'It cannot be decided yet: answers are missing.' };
  }
}

const groups: Array<{ result: Truth; heading: Localized }> = [
  { result: 'held', heading: { sv: 'Varför: det här håller', en: 'Why: this holds' } },
  { result: 'failed', heading: { sv: 'Varför inte: det här håller inte', en: 'Why not: this does not hold' } },
  { result: 'unknown', heading: { sv: 'Kan inte avgöras ännu', en: 'Cannot be decided yet' } },
];

/**
 * Why and why not for one route: every active ground and requirement of the route (the engine's trace), grouped
 * by whether it held, each in plain words with the comparisons and the source's own words. The decisive ones –
 * those the verdict rests on – are marked.
 */
export function RouteExplanation({ route, headingId, cautions = true }: { route: RouteOutcome; headingId: string; cautions?: boolean }) {
  const { t, lang } = useI18n();
  const deciding = new Set(route.reasons.map((r) => r.ruleId));
  return (
    <section className="route-card" data-route={route.route} data-verdict={route.verdict} aria-labelledby={headingId}>
      <h5 id={headingId} className="route-card__heading">
        {t(route.name)} <VerdictBadge verdict={route.verdict} lang={lang} />
      </h5>
      <p className="route-card__sentence">{t(verdictSentence(route))}</p>
      {groups.map(({ result, heading }) => {
        const reasons = route.trace.filter((r) => r.result === result);
        if (reasons.length === 0) return null;
        return (
          <div key={result} className={`route-card__group route-card__group--${result}`}>
            <h6>{t(heading)}</h6>
            <ul className="reasons">
              {reasons.map((r) => (
                <ReasonItem key={r.ruleId} reason={r} deciding={deciding.has(r.ruleId) && route.trace.length > 1} />
              ))}
            </ul>
          </div>
        );
      })}
      {cautions && route.cautions.length > 0 ? (
        <div className="route-card__group route-card__group--caution">
          <h6>{t({ sv: 'Se upp', en: 'Take care' })}</h6>
          <ul className="reasons">
            {route.cautions.map((c) => (
              <li key={c.ruleId} className="reason">
                <p className="reason__title">
                  <strong>{t(c.title)}</strong>
                </p>
                <p className="reason__explanation">{t(c.explanation)}</p>
                <CitedQuote source={c.source} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
