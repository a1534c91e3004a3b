import { VerdictBadge } from '../../components/verdict-badge';
import { formatValue } from '../../engine/format';
import { useI18n } from '../../i18n/i18n';
import type { Replay } from '../../shared/decision-trail';
import { routeName } from './labels';
import { ReplayLayers } from './replay-layers';

const truthWords = {
  held: { sv: 'uppfylld', en: 'holds' },
  failed: { sv: 'inte uppfylld', en: 'fails' },
  unknown: { sv: 'svar saknas', en: 'answer missing' },
} as const;

/** What would differ if the decision were made today, and why (a changed limit, a changed rule). */
export function ReplayView({ replay }: { replay: Replay }) {
  const { t, lang } = useI18n();
  const changedRoutes = replay.routes.filter((r) => r.changed || r.reasons.length > 0);
  return (
    <div className="replay">
      <p>
        {t({
          sv: `Beslutet fattades under regelverk ${replay.stored.version}. Här prövas samma svar med regelverk ${replay.current.version} för samma beslutsdatum – inte som om beslutet fattades i dag.`,
          en: `The decision was made under rule set ${replay.stored.version}. Here the same answers are tried under rule set ${replay.current.version} for the same decision date – not as if the decision were made today.`,
        })}{' '}
        {replay.sameRuleset ? t({ sv: 'Regelverket är oförändrat.', en: 'The rule set is unchanged.' }) : null}
      </p>
      {!replay.anyDifference ? (
        <p>{t({ sv: 'Inget skulle bli annorlunda i dag.', en: 'Nothing would differ today.' })}</p>
      ) : (
        <>
          <p>
            {t({ sv: 'Vald väg: ', en: 'Chosen route: ' })}
            {t(routeName(replay.chosenRoute.route))}: <VerdictBadge verdict={replay.chosenRoute.before} lang={lang} /> → <VerdictBadge verdict={replay.chosenRoute.after} lang={lang} />
          </p>
          {replay.recommendation.before !== replay.recommendation.after ? (
            <p>
              {t({ sv: 'Rekommendationen ändras: ', en: 'The recommendation changes: ' })}
              {replay.recommendation.before ? t(routeName(replay.recommendation.before)) : '–'} → {replay.recommendation.after ? t(routeName(replay.recommendation.after)) : '–'}
            </p>
          ) : null}
          {replay.parameters.length > 0 ? (
            <table className="register-table">
              <caption>{t({ sv: 'Ändrade värden på beslutsdagen', en: 'Changed values on the decision date' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t({ sv: 'Värde', en: 'Value' })}</th>
                  <th scope="col">{t({ sv: 'Då', en: 'Then' })}</th>
                  <th scope="col">{t({ sv: 'Nu', en: 'Now' })}</th>
                </tr>
              </thead>
              <tbody>
                {replay.parameters.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{t(p.label)}</th>
                    <td data-label={t({ sv: 'Då', en: 'Then' })}>{p.before ? `${formatValue(p.before.value, p.unit as 'SEK', lang)} (${t({ sv: 'från', en: 'from' })} ${p.before.from})` : '–'}</td>
                    <td data-label={t({ sv: 'Nu', en: 'Now' })}>{p.after ? `${formatValue(p.after.value, p.unit as 'SEK', lang)} (${t({ sv: 'från', en: 'from' })} ${p.after.from})` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <ReplayLayers replay={replay} />
          {changedRoutes.map((route) => (
            <section key={route.route} aria-label={t(route.name)}>
              <h5>
                {t(route.name)}: <VerdictBadge verdict={route.before} lang={lang} /> → <VerdictBadge verdict={route.after} lang={lang} />
              </h5>
              <ul>
                {route.reasons.map((reason) => (
                  <li key={reason.ruleId}>
                    <strong>{t(reason.title)}</strong>: {reason.before ? t(truthWords[reason.before]) : t({ sv: 'fanns inte', en: 'did not exist' })} →{' '}
                    {reason.after ? t(truthWords[reason.after]) : t({ sv: 'finns inte längre', en: 'no longer exists' })}. {t(reason.explanation)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
