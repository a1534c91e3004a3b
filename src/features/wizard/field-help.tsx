import { SourceQuote } from '../../components/source-quote';
import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from '../../i18n/i18n';
import { ownFieldTexts } from './field-kinds';

/** The help text of a question from rules/facts.yaml (or the wizard's own), with the source it rests on. */
export function FieldHelp({ ruleset, path }: { ruleset: Ruleset; path: string }) {
  const { t, lang } = useI18n();
  const fact = ruleset.facts[path];
  const help = fact?.help ?? ownFieldTexts[path]?.help;
  const doc = fact?.source ? ruleset.sources[fact.source.document] : undefined;
  const excerpt = doc?.excerpts.find((e) => e.id === fact?.source?.excerpt);
  if (!help && !excerpt) return null;
  return (
    <>
      {help ? <p>{t(help)}</p> : null}
      {doc && excerpt ? (
        <details className="field__source">
          <summary>{t({ sv: 'Källa', en: 'Source' })}</summary>
          <SourceQuote
            title={doc.title}
            issuer={doc.issuer}
            section={excerpt.section}
            text={excerpt.text}
            url={doc.url}
            textKind={excerpt.textKind}
            status={excerpt.status === 'verified' ? doc.status : excerpt.status}
            lang={lang}
          />
        </details>
      ) : null}
    </>
  );
}
