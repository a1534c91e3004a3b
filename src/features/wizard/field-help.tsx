import type { ReactNode } from 'react';
import { CitedQuote } from '../../components/cited-quote';
import { citeSource } from '../../engine/evaluate';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from '../../i18n/i18n';
import { fieldExplanation } from '../../guide/field-explanation';
import { ownFieldTexts } from '../../guide/field-kinds';
import { useFieldGuidance } from './use-field-guidance';

/**
 * What a question means, at the field: a note about the answer given (`notice`), the question in one plain line
 * and an example (rules/facts.yaml, or the guide's own), the help text that explains the legal term, and the
 * source it rests on (those of `sourcePath`, where the guide asks its own question for a fact). Where a source is quoted, the plain line is marked as Vägval's words, not the law's.
 */
export function FieldHelp({ ruleset, path, sourcePath = path, notice }: { ruleset: Ruleset; path: string; sourcePath?: string; notice?: ReactNode }) {
  const { t } = useI18n();
  const fact = ruleset.facts[sourcePath];
  const guidance = useFieldGuidance();
  const explanation = fieldExplanation(ruleset, path, guidance?.ownFieldExplanations);
  const help = fact?.help ?? ownFieldTexts[sourcePath]?.help;
  const source = fact?.source ? citeSource(ruleset, fact.source) : null;
  if (!notice && !explanation && !help && !source) return null;
  return (
    <>
      {notice}
      {explanation ? (
        <>
          <p className="field__plain">{t(explanation.plain)}</p>
          <p className="field__example">
            <span className="field__example-label">{t({ sv: 'Exempel:', en: 'Example:' })}</span> {t(explanation.example)}
          </p>
        </>
      ) : null}
      {help ? <p>{t(help)}</p> : null}
      {source ? (
        <details className="field__source">
          <summary>{t({ sv: 'Källa', en: 'Source' })}</summary>
          {explanation && guidance ? <p className="field__own-words">{t(guidance.ownWordsNote)}</p> : null}
          <CitedQuote source={source} />
        </details>
      ) : null}
    </>
  );
}
