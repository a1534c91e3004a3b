import type { CitedSource } from '../engine/outcome';
import { useI18n } from '../i18n/i18n';
import { SourceQuote } from './source-quote';

/** A source the engine cited, quoted in the reader's language and marked when it is not fully verified. */
export function CitedQuote({ source }: { source: CitedSource }) {
  const { lang } = useI18n();
  return (
    <SourceQuote
      title={source.title}
      issuer={source.issuer}
      section={source.section}
      text={lang === 'sv' && source.textSv ? source.textSv : source.text}
      url={source.url}
      textKind={source.textKind}
      status={source.status === 'verified' ? undefined : source.status}
      lang={lang}
    />
  );
}
