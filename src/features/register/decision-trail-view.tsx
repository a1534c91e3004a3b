import type { Answers } from '../../engine/answers-schema';
import { formatValue } from '../../engine/format';
import type { Outcome, Reason } from '../../engine/outcome';
import { CitedQuote } from '../../components/cited-quote';
import { VerdictBadge } from '../../components/verdict-badge';
import { useI18n } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';

/** Every answer as "fact path: value", in the order the answers hold them. */
function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

function AnswerList({ answers }: { answers: Answers }) {
  const { t, lang } = useI18n();
  return (
    <dl className="trail-answers">
      {flatten(answers).map(([path, value]) => {
        const fact = browserRuleset.facts[path];
        const shown = fact ? formatValue(value, fact.type, lang, fact.options) : String(value);
        return (
          <div key={path}>
            <dt>{fact ? t(fact.label) : path}</dt>
            <dd>{shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function ReasonItem({ reason }: { reason: Reason }) {
  const { t } = useI18n();
  const result = { held: { sv: 'uppfylld', en: 'holds' }, failed: { sv: 'inte uppfylld', en: 'fails' }, unknown: { sv: 'svar saknas', en: 'answer missing' } }[reason.result];
  return (
    <li>
      <p>
        <strong>{t(reason.title)}</strong> ({t(result)}, {reason.legalBasis}): {t(reason.explanation)}
      </p>
      <CitedQuote source={reason.source} />
    </li>
  );
}

/** The trail of a stored decision: answers → rules → verdicts → sources. */
export function DecisionTrailView({ answers, outcome }: { answers: Answers; outcome: Outcome }) {
  const { t, lang } = useI18n();
  return (
    <div className="trail">
      <h4>{t({ sv: 'Svar', en: 'Answers' })}</h4>
      <AnswerList answers={answers} />
      <h4>{t({ sv: 'Regler och bedömning per väg', en: 'Rules and verdict per route' })}</h4>
      {outcome.routes.map((route) => (
        <section key={route.route} aria-label={t(route.name)} className="trail-route">
          <h5>
            {t(route.name)} <VerdictBadge verdict={route.verdict} lang={lang} />
          </h5>
          <ul>
            {route.trace.map((reason) => (
              <ReasonItem key={reason.ruleId} reason={reason} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
