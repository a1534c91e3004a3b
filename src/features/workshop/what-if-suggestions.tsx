import { useId, useMemo, useState } from 'react';
import { VerdictBadge } from '../../components/verdict-badge';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from './workshop-i18n';
import type { JudgedScenario } from './scenario-outcome';
import { whatIfOutcome } from './scenario-outcome';

/** The scenario's own what-ifs: one change each, with the verdicts that change behind a button for the group to guess. */
export function WhatIfSuggestions({ ruleset, judged }: { ruleset: Ruleset; judged: JudgedScenario }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { scenario, outcome } = judged;
  const suggestions = useMemo(
    () =>
      (scenario.whatIfs ?? []).map((w) => ({
        label: w.label,
        routes: whatIfOutcome(ruleset, scenario.answers, w.set).routes.map((r) => ({
          route: r.route,
          name: r.name,
          before: outcome.routes.find((o) => o.route === r.route)!.verdict,
          after: r.verdict,
        })),
      })),
    [ruleset, scenario, outcome],
  );
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  if (suggestions.length === 0) return null;
  return (
    <section className="what-if-suggestions" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t({ sv: 'Förslag för det här scenariot', en: 'Suggestions for this scenario' })}</h4>
      <p>{t({ sv: 'Fråga gruppen vad som händer, pröva ändringen nedan och visa sedan vad som ändras.', en: 'Ask the group what happens, try the change below, then show what changes.' })}</p>
      <ol className="what-if-suggestions__list">
        {suggestions.map((s, i) => {
          const open = shown.has(i);
          const changed = s.routes.filter((r) => r.before !== r.after);
          return (
            <li key={i} data-what-if={i}>
              <p className="what-if-suggestions__label">{t(s.label)}</p>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-expanded={open}
                aria-controls={`${id}-changes-${i}`}
                onClick={() => setShown(new Set(open ? [...shown].filter((n) => n !== i) : [...shown, i]))}
              >
                {open ? t({ sv: 'Dölj vad som ändras', en: 'Hide what changes' }) : t({ sv: 'Visa vad som ändras', en: 'Show what changes' })}
              </button>
              <ul id={`${id}-changes-${i}`} className="what-if-suggestions__changes" hidden={!open}>
                {changed.map((r) => (
                  <li key={r.route} data-route={r.route} data-verdict={r.after}>
                    {t(r.name)}: <VerdictBadge verdict={r.before} lang={lang} /> →{' '}
                    <VerdictBadge verdict={r.after} lang={lang} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
