import { routeIds } from '../../engine/answers-schema';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from '../../i18n/i18n';

/** The four routes in two lines each, from the route files' own names, legal bases and summaries (rules/routes/). */
export function RoutesGlossary({ ruleset }: { ruleset: Ruleset }) {
  const { t } = useI18n();
  return (
    <section className="routes-glossary" aria-labelledby="routes-glossary-title">
      <h3 id="routes-glossary-title">{t({ sv: 'De fyra vägarna', en: 'The four routes' })}</h3>
      <dl>
        {routeIds.map((id) => {
          const route = ruleset.routes[id];
          return (
            <div key={id} data-route={id}>
              <dt>{t(route.name)}</dt>
              <dd>
                {t(route.summary)} <span className="routes-glossary__basis">({route.legalBasis})</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
