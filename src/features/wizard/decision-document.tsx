import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { VerdictBadge } from '../../components/verdict-badge';
import { printedAt, type DecisionSheet, type SheetReason, type SheetSource } from '../../document/decision-sheet';
import { sheetWords } from '../../document/sheet-words';
import './decision-document.css';

/** A URL that may wrap after a slash (or ? & =), never inside a word nor at one of its hyphens. */
function BreakableUrl({ url }: { url: string }) {
  const parts = url.split(/(?<=[/?&=])/);
  return (
    <span className="sheet-source__url">
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span className="sheet-source__url-part">{part}</span>
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </span>
  );
}

/** A source's own words as a block quote, a paraphrase as a "Sammanfattning:", with where it stands. */
function SheetQuote({ source, lang }: { source: SheetSource; lang: DecisionSheet['lang'] }) {
  const w = sheetWords[lang];
  return (
    <figure className="source-quote sheet-source" data-text-kind={source.kind}>
      {source.kind === 'quote' ? (
        <blockquote cite={source.url ?? undefined}>
          <p>{source.text}</p>
        </blockquote>
      ) : (
        <p className="source-quote__summary">
          <strong>{w.summary}:</strong> {source.text}
        </p>
      )}
      <figcaption>
        {w.source}: {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.issuer}, {source.section}
        {source.statusWord ? ` (${source.statusWord})` : ''}
        {source.url ? (
          <>
            {' '}
            <BreakableUrl url={source.url} />
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

function ReasonList({ reasons, lang }: { reasons: SheetReason[]; lang: DecisionSheet['lang'] }) {
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r.ruleId}>
          <p>
            <strong>{r.title}</strong> <span className="legal-basis">({r.legalBasis})</span>: {r.explanation}
          </p>
          <SheetQuote source={r.source} lang={lang} />
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

const cssString = (text: string) => JSON.stringify(text);

/**
 * The running head and foot of every printed page (CSS paged media: chromium draws @page margin boxes): the
 * document and organisation, the print date, the disclaimer and "Sida n av m". Rendered with the document, so only
 * a page that shows it prints them; the print date is the moment the browser is asked to print. Added through the
 * CSSOM (a constructed style sheet) rather than an inline <style>, which the app's Content-Security-Policy
 * (style-src 'self') refuses.
 */
function PageMargins({ sheet }: { sheet: DecisionSheet }) {
  const w = sheetWords[sheet.lang];
  const [printed, setPrinted] = useState(sheet.printedAt);
  useEffect(() => {
    const onBeforePrint = () => setPrinted(printedAt(new Date(), sheet.lang));
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [sheet.lang]);
  const head = [sheet.title, sheet.organisation, sheet.record ? `nr ${sheet.record.number}` : null].filter(Boolean).join(' · ');
  const css = `@page {
  size: A4;
  margin: 16mm 16mm 20mm;
  @top-left { content: ${cssString(head)}; font: 8pt system-ui, sans-serif; color: #333; }
  @top-right { content: ${cssString(`${w.printed} ${printed}`)}; font: 8pt system-ui, sans-serif; color: #333; }
  @bottom-left { content: ${cssString(sheet.disclaimer)}; font: 7.5pt system-ui, sans-serif; color: #333; width: 70%; }
  @bottom-right { content: ${cssString(w.pageParts[0])} counter(page) ${cssString(w.pageParts[1])} counter(pages); font: 8pt system-ui, sans-serif; color: #333; }
}`;
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return null;
}

/**
 * The decision document the print stylesheet turns into A4 for the diarium. Page 1 is the decision: what is bought,
 * the chosen route with its verdict, the recommendation, the justification and any deviation, the rule set, the
 * register number and receipt once saved, who decided and when, the diarienummer and the signatures. The appendix
 * after it holds the reasons, sources and limits behind the verdicts, and every answer given.
 */
export function DecisionDocument({ sheet, onToggleObligation }: { sheet: DecisionSheet; onToggleObligation: (ruleId: string, checked: boolean) => void }) {
  const w = sheetWords[sheet.lang];
  const { lang } = sheet;
  const blank = (
    <span className="fill-in">
      <span className="visually-hidden">{w.fillIn}</span>
    </span>
  );
  return (
    <article className="decision-document" aria-labelledby="document-title">
      <PageMargins sheet={sheet} />
      <section className="decision-sheet" aria-labelledby="document-title">
        {sheet.deviationFlag ? (
          <p className="decision-sheet__flag" data-testid="deviation-flag">
            {sheet.deviationFlag}
          </p>
        ) : null}
        <h2 id="document-title">{sheet.title}</h2>
        <dl className="decision-sheet__facts">
          <Fact term={w.organisation}>{sheet.organisation}</Fact>
          <Fact term={w.purchase}>{sheet.purchase}</Fact>
          {sheet.supplier ? <Fact term={w.supplier}>{sheet.supplier}</Fact> : null}
          <Fact term={w.value}>{sheet.value}</Fact>
          {sheet.similar ? (
            <Fact term={sheet.similar.heading} testId="similar-summary-line">
              {sheet.similar.summary}
            </Fact>
          ) : null}
          {sheet.contractYears ? <Fact term={w.contractYears}>{sheet.contractYears}</Fact> : null}
          <div className="decision-sheet__chosen">
            <dt>{w.chosen}</dt>
            <dd>
              <span data-testid="chosen-route" data-route={sheet.chosen?.route}>
                {sheet.chosen?.name ?? w.notGiven}
              </span>
              {sheet.chosen?.verdict ? (
                <>
                  {' '}
                  <VerdictBadge verdict={sheet.chosen.verdict} lang={lang} />
                </>
              ) : null}
            </dd>
          </div>
          {sheet.chosen && sheet.chosen.grounds.length > 0 ? <Fact term={w.legalGround}>{sheet.chosen.grounds.join('; ')}</Fact> : null}
          {sheet.chosen?.judgedBecause ? (
            <Fact term={w.judgedBecause} testId="judged-because">
              {sheet.chosen.judgedBecause}
            </Fact>
          ) : null}
          <Fact term={w.recommendation}>
            <span data-testid="recommended-route" data-route={sheet.recommendation.route ?? undefined}>
              {sheet.recommendation.name ? <strong>{sheet.recommendation.name}. </strong> : null}
              {sheet.recommendation.rationale}
            </span>
          </Fact>
          <Fact term={w.justification}>
            <span className="pre-wrap">{sheet.justification ?? w.notGiven}</span>
          </Fact>
          {sheet.deviationReason ? (
            <Fact term={w.deviationReason} testId="deviation-reason">
              <span className="pre-wrap">{sheet.deviationReason}</span>
            </Fact>
          ) : null}
          <Fact term={w.ruleset}>
            {sheet.ruleset.version} <span className="hash">{sheet.ruleset.hash}</span>
          </Fact>
          <Fact term={w.registerNumber} testId="register-number">
            {sheet.record ? `nr ${sheet.record.number}` : w.notSaved}
          </Fact>
          {sheet.record ? (
            <>
              <Fact term={w.savedBy}>
                {sheet.record.savedBy}, {sheet.record.recordedAt}
              </Fact>
              <Fact term={w.receipt} testId="receipt">
                {sheet.record.receipt ?? (
                  <>
                    {w.recordHash} <span className="hash">{sheet.record.hash}</span>
                  </>
                )}
              </Fact>
            </>
          ) : null}
          <Fact term={w.decidedBy}>{sheet.decidedBy ?? blank}</Fact>
          <Fact term={w.decisionDate}>{sheet.decisionDate}</Fact>
          <Fact term={w.diarienummer}>{sheet.diarienummer ?? blank}</Fact>
        </dl>
        <div className="decision-sheet__signatures">
          {[w.signature, w.nameClarification, w.position, w.placeAndDate].map((label) => (
            <p key={label} className="signature-line">
              <span className="signature-line__rule" />
              {label}
            </p>
          ))}
        </div>
        <p className="decision-sheet__note">{w.appendixNote}</p>
      </section>

      <section className="decision-appendix" aria-labelledby="doc-appendix">
        <h2 id="doc-appendix">{w.appendix}</h2>
        {sheet.recommendation.source ? (
          <section aria-labelledby="doc-recommendation">
            <h3 id="doc-recommendation">{w.recommendation}</h3>
            <p>
              {sheet.recommendation.name ? <strong>{sheet.recommendation.name}. </strong> : null}
              {sheet.recommendation.rationale}
            </p>
            <SheetQuote source={sheet.recommendation.source} lang={lang} />
          </section>
        ) : null}

        {sheet.routes.length > 0 ? (
          <section aria-labelledby="doc-routes">
            <h3 id="doc-routes">{w.routes}</h3>
            {sheet.routes.map((route) => (
              <section key={route.route} className="route-verdict" data-route={route.route} data-verdict={route.verdict} aria-labelledby={`doc-route-${route.route}`}>
                <h4 id={`doc-route-${route.route}`}>
                  {route.name} <VerdictBadge verdict={route.verdict} lang={lang} />
                </h4>
                <p className="route-verdict__why">{route.heading}:</p>
                <ReasonList reasons={route.reasons} lang={lang} />
                {route.cautions.length > 0 ? (
                  <>
                    <p className="route-verdict__why">{w.cautions}:</p>
                    <ReasonList reasons={route.cautions} lang={lang} />
                  </>
                ) : null}
              </section>
            ))}
          </section>
        ) : null}

        {sheet.similar ? <SimilarAppendix similar={sheet.similar} lang={lang} /> : null}

        {sheet.obligations ? (
          <section aria-labelledby="doc-obligations">
            <h3 id="doc-obligations">
              {w.obligations}: {sheet.obligations.routeName}
            </h3>
            <ul className="checklist">
              {sheet.obligations.items.map((o) => (
                <li key={o.ruleId}>
                  <label>
                    <input type="checkbox" checked={o.checked} onChange={(e) => onToggleObligation(o.ruleId, e.target.checked)} /> <strong>{o.title}</strong>{' '}
                    <span className="legal-basis">({o.legalBasis})</span>: {o.explanation}
                  </label>
                  <SheetQuote source={o.source} lang={lang} />
                </li>
              ))}
            </ul>
            {sheet.obligations.possible.length > 0 ? (
              <>
                <p>{w.possibleObligations}:</p>
                <ReasonList reasons={sheet.obligations.possible} lang={lang} />
              </>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="doc-layers">
          <h3 id="doc-layers">{w.layers}</h3>
          <ol>
            <li>{w.lawLayer}</li>
            {sheet.layers.map((l) => (
              <li key={`${l.name}|${l.version}`}>
                {l.name} ({l.owner}
                {l.shared ? `, ${w.sharedLayer}` : ''}), {w.version} {l.version}
              </li>
            ))}
          </ol>
        </section>

        {sheet.policyNotes.length > 0 ? (
          <section aria-labelledby="doc-policy">
            <h3 id="doc-policy">{w.policy}</h3>
            <ul className="reasons">
              {sheet.policyNotes.map((n) => (
                <li key={n.id}>
                  <p>
                    {n.layer ? <strong>{n.layer}: </strong> : null}
                    {n.text}
                  </p>
                  <SheetQuote source={n.source} lang={lang} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="doc-limits">
          <h3 id="doc-limits">{w.limits}</h3>
          {sheet.limits.length === 0 ? <p>{w.noLimits}</p> : null}
          <ul className="reasons">
            {sheet.limits.map((p) => (
              <li key={p.id} data-parameter={p.id}>
                <p>
                  <strong>{p.label}</strong>: {p.value}, {w.inForceFrom} {p.from}
                  {p.statusWord ? <span className="evidence-flag"> ({p.statusWord})</span> : null}
                  {p.note ? `. ${p.note}` : null}
                </p>
                <SheetQuote source={p.source} lang={lang} />
              </li>
            ))}
          </ul>
        </section>

        {sheet.record?.receiptDetail ? (
          <section aria-labelledby="doc-receipt-detail">
            <h3 id="doc-receipt-detail">{w.receiptDetail}</h3>
            <p className="hash" data-testid="receipt-detail">
              {sheet.record.receiptDetail}
            </p>
          </section>
        ) : null}
        <section aria-labelledby="doc-answers">
          <h3 id="doc-answers">{w.answers}</h3>
          {sheet.answers.map((step, i) => (
            <section key={step.step} aria-labelledby={`doc-answers-${i}`}>
              <h4 id={`doc-answers-${i}`}>{step.step}</h4>
              <AnswerTerms rows={step.rows} />
            </section>
          ))}
          {sheet.unasked.length > 0 ? (
            <section aria-labelledby="doc-unasked">
              <h4 id="doc-unasked">{w.unasked}</h4>
              <AnswerTerms rows={sheet.unasked} />
            </section>
          ) : null}
        </section>
      </section>
    </article>
  );
}

/** The register's similar purchases: each one found, what was done with it and why, and the sources on valuing them. */
function SimilarAppendix({ similar, lang }: { similar: NonNullable<DecisionSheet['similar']>; lang: DecisionSheet['lang'] }) {
  const t = lang === 'sv'
    ? { checkedAt: 'Kontrollerat', detail: 'Registrets svar', value: 'värde', route: 'väg', found: 'hittat på', supplier: 'leverantör' }
    : { checkedAt: 'Checked', detail: "The register's answer", value: 'value', route: 'route', found: 'found by', supplier: 'supplier' };
  return (
    <section aria-labelledby="doc-similar" data-testid="doc-similar" data-status={similar.status}>
      <h3 id="doc-similar">{similar.heading}</h3>
      <p>{similar.summary}</p>
      {similar.checkedAt ? (
        <p>
          {t.checkedAt}: {similar.checkedAt}
          {similar.detail ? `. ${t.detail}: ${similar.detail}` : ''}
        </p>
      ) : null}
      {similar.items.length > 0 ? (
        <ul className="reasons">
          {similar.items.map((i) => (
            <li key={i.id} data-testid={`doc-similar-${i.id}`} data-added={i.added}>
              <strong>
                <a href={i.link}>nr {i.id}</a>, {i.date}: {i.description}
              </strong>{' '}
              ({t.supplier} {i.supplier}; {t.value} {i.value}; {t.route} {i.route}; {t.found} {i.match}): {i.choice}
            </li>
          ))}
        </ul>
      ) : null}
      {similar.sources.map((source) => (
        <SheetQuote key={`${source.title}|${source.section}`} source={source} lang={lang} />
      ))}
    </section>
  );
}

/** Answers as terms and values: each step's, and those a later answer made irrelevant. */
function AnswerTerms({ rows }: { rows: DecisionSheet['unasked'] }) {
  return (
    <dl className="answers">
      {rows.map((r) => (
        <div key={r.path}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
