type SourceQuoteProps = {
  title: string;
  issuer: string;
  section: string;
  text: string;
  url?: string | null | undefined;
  /** A `summary` is a paraphrase where the document's own words could not be read. */
  textKind?: 'quote' | 'summary';
  status?: string | undefined;
  lang: 'sv' | 'en';
};

/** How a source or value that is not fully verified is marked wherever it is shown. */
export const statusWords: Record<string, { sv: string; en: string }> = {
  secondary: { sv: 'andrahandskälla', en: 'secondary source' },
  unverified: { sv: 'ej verifierad', en: 'unverified' },
  constructed: { sv: 'egen sammanställning', en: 'our own synthesis' },
};

/** A source's words with where they stand: the document, its issuer and the section. */
export function SourceQuote({ title, issuer, section, text, url, textKind = 'quote', status, lang }: SourceQuoteProps) {
  const flag = status ? statusWords[status] : undefined;
  return (
    <figure className="source-quote">
      {textKind === 'quote' ? (
        <blockquote cite={url ?? undefined}>
          <p>{text}</p>
        </blockquote>
      ) : (
        <p className="source-quote__summary">
          {lang === 'sv' ? 'Sammanfattning: ' : 'Summary: '}
          {text}
        </p>
      )}
      <figcaption>
        {url ? <a href={url}>{title}</a> : title}, {issuer}, {section}
        {flag ? ` (${flag[lang]})` : ''}
      </figcaption>
    </figure>
  );
}
