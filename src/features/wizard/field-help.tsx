import { CitedQuote } from '../../components/cited-quote';
import { citeSource } from '../../engine/evaluate';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from '../../i18n/i18n';
import { ownFieldTexts } from '../../guide/field-kinds';

/** The help text of a question from rules/facts.yaml (or the wizard's own), with the source it rests on. */
export function FieldHelp({ ruleset, path }: { ruleset: Ruleset; path: string }) {
  const { t } = useI18n();
  const fact = ruleset.facts[path];
  const help = fact?.help ?? ownFieldTexts[path]?.help;
  const source = fact?.source ? citeSource(ruleset, fact.source) : null;
  if (!help && !source) return null;
  return (
    <>
      {help ? <p>{t(help)}</p> : null}
      {source ? (
        <details className="field__source">
          <summary>{t({ sv: 'Källa', en: 'Source' })}</summary>
          <CitedQuote source={source} />
        </details>
      ) : null}
    </>
  );
}
