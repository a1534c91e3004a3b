import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { printableRanges } from '../../shared/printable-ranges';
import { writtenAsTyped } from '../../shared/text-check';
import type { DecisionSheet, SheetReason, SheetSource } from '../decision-sheet';
import { sheetWords } from '../sheet-words';
import { pdfFontFamily } from './pdf-fonts';

const inFont = (cp: number) => printableRanges.some(([a, b]) => cp >= a && cp <= b);
const typed = new RegExp(`[${Object.keys(writtenAsTyped).join('')}]`, 'gu');
/** The few characters of the rule set's own texts that the font lacks (→ ≤ ≥) are written the way a typist would. */
export const pdfText = (text: string) => text.replace(typed, (c) => (inFont(c.codePointAt(0)!) ? c : (writtenAsTyped[c] ?? c)));

/**
 * A typed text as paragraphs that may each run across pages: a blank line starts a new one, a line break stays a
 * line break. One Text per paragraph, never inside a View that must not wrap, so no word of it is lost.
 */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  return (
    <>
      {paragraphs.map((p, i) => (
        <Text key={i} style={i < paragraphs.length - 1 ? s.paragraph : undefined} orphans={2} widows={2}>
          {pdfText(p)}
        </Text>
      ))}
    </>
  );
}

const s = StyleSheet.create({
  // No lineHeight here: on the Page it hides the page numbers (react-pdf 4.9 lays out render-texts with it).
  page: { fontFamily: pdfFontFamily, fontSize: 9.5, paddingTop: 46, paddingBottom: 56, paddingHorizontal: 46, color: '#111' },
  head: { position: 'absolute', top: 20, left: 46, right: 46, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: '#333' },
  footDisclaimer: { position: 'absolute', bottom: 22, left: 46, width: 380, fontSize: 7.5, color: '#333', borderTop: '0.5pt solid #999', paddingTop: 4 },
  pageNumber: { position: 'absolute', bottom: 22, right: 46, width: 100, textAlign: 'right', fontSize: 7.5, color: '#333', paddingTop: 4 },
  flag: { fontWeight: 'bold', fontSize: 11, borderWidth: 1.5, borderColor: '#000', padding: 6, marginBottom: 8 },
  title: { fontWeight: 'bold', fontSize: 16, marginBottom: 8 },
  fact: { flexDirection: 'row', borderTop: '0.5pt solid #bbb', paddingVertical: 3.5 },
  term: { width: 150, color: '#444', paddingRight: 8 },
  value: { flex: 1 },
  strong: { fontWeight: 'bold' },
  mono: { fontFamily: 'Courier', fontSize: 8 },
  fillIn: { flex: 1, borderBottom: '0.75pt solid #000', height: 12 },
  signatures: { flexDirection: 'row', flexWrap: 'wrap', marginTop: 22 },
  signature: { width: '50%', paddingRight: 18, marginBottom: 16 },
  signatureRule: { borderBottom: '0.75pt solid #000', height: 26, marginBottom: 2 },
  signatureLabel: { fontSize: 8, color: '#444' },
  note: { marginTop: 6, fontSize: 8.5, color: '#444' },
  h2: { fontWeight: 'bold', fontSize: 13, marginBottom: 6 },
  h3: { fontWeight: 'bold', fontSize: 11, marginTop: 10, marginBottom: 4 },
  h4: { fontWeight: 'bold', fontSize: 10, marginTop: 6, marginBottom: 2 },
  item: { marginBottom: 5 },
  quote: { marginTop: 2, marginLeft: 10, paddingLeft: 6, borderLeft: '1.5pt solid #888', fontSize: 8.5 },
  quoteText: { fontStyle: 'italic' },
  caption: { color: '#444', fontSize: 8 },
  url: { color: '#1a4f8f', fontSize: 7.5, textDecoration: 'none' },
  paragraph: { marginBottom: 4 },
  longFact: { borderTop: '0.5pt solid #bbb', paddingVertical: 3.5 },
  longTerm: { color: '#444', marginBottom: 2 },
});

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <View style={s.fact} wrap={false}>
      <Text style={s.term}>{pdfText(term)}</Text>
      <View style={s.value}>{children}</View>
    </View>
  );
}

/**
 * A fact whose text the procurer typed and which may be long (a justification of 10,000 characters): the term above
 * the text, which runs on over as many pages as it needs; the term is kept with its first lines.
 */
function LongFact({ term, text }: { term: string; text: string }) {
  return (
    <View style={s.longFact}>
      <Text style={s.longTerm} minPresenceAhead={24}>
        {pdfText(term)}
      </Text>
      <Paragraphs text={text} />
    </View>
  );
}

/** A fact of typed text: on its row when short, as a LongFact when it could not fit on one page. */
function TextFact({ term, text }: { term: string; text: string }) {
  if (text.length <= 300 && !text.includes('\n')) {
    return (
      <Fact term={term}>
        <Text>{pdfText(text)}</Text>
      </Fact>
    );
  }
  return <LongFact term={term} text={text} />;
}

const T = ({ children, style }: { children: string; style?: (typeof s)[keyof typeof s] }) => <Text style={style}>{pdfText(children)}</Text>;

function Quote({ source, lang }: { source: SheetSource; lang: DecisionSheet['lang'] }) {
  const w = sheetWords[lang];
  return (
    <View style={s.quote}>
      {source.kind === 'quote' ? (
        <Text style={s.quoteText}>{pdfText(`”${source.text}”`)}</Text>
      ) : (
        <Text>
          <Text style={s.strong}>{w.summary}: </Text>
          {pdfText(source.text)}
        </Text>
      )}
      <Text style={s.caption}>
        {pdfText(`${w.source}: ${source.title}, ${source.issuer}, ${source.section}${source.statusWord ? ` (${source.statusWord})` : ''}`)}
      </Text>
      {source.url ? (
        <Link src={source.url} style={s.url}>
          {source.url}
        </Link>
      ) : null}
    </View>
  );
}

function Reasons({ reasons, lang }: { reasons: SheetReason[]; lang: DecisionSheet['lang'] }) {
  return (
    <View>
      {reasons.map((r) => (
        <View key={r.ruleId} style={s.item} wrap={false}>
          <Text>
            <Text style={s.strong}>{pdfText(r.title)}</Text> ({pdfText(r.legalBasis)}): {pdfText(r.explanation)}
          </Text>
          <Quote source={r.source} lang={lang} />
        </View>
      ))}
    </View>
  );
}

/** Head and foot of every page: what and whose, the print date, the disclaimer, "Sida n av m". */
function Margins({ sheet }: { sheet: DecisionSheet }) {
  const w = sheetWords[sheet.lang];
  const head = [sheet.title, sheet.organisation, sheet.record ? `nr ${sheet.record.number}` : null].filter(Boolean).join(' · ');
  return (
    <>
      <View style={s.head} fixed>
        <Text>{pdfText(head)}</Text>
        <Text>{`${w.printed} ${sheet.printedAt}`}</Text>
      </View>
      <Text style={s.footDisclaimer} fixed>
        {pdfText(sheet.disclaimer)}
      </Text>
      <Text style={s.pageNumber} render={({ pageNumber, totalPages }) => w.page(pageNumber, totalPages)} fixed />
    </>
  );
}

/**
 * The decision document as a PDF for the diarium: the same page 1 and appendix as the printed page, with the
 * title, language, author and subject set so that a reader's software and an archive can name it.
 */
export function DecisionPdf({ sheet }: { sheet: DecisionSheet }) {
  const w = sheetWords[sheet.lang];
  const { lang } = sheet;
  const blank = <View style={s.fillIn} />;
  const chosen = sheet.chosen ? `${sheet.chosen.name}${sheet.chosen.verdictLabel ? ` (${sheet.chosen.verdictLabel})` : ''}` : w.notGiven;
  return (
    <Document
      title={pdfText(`${sheet.title}: ${sheet.organisation}, ${sheet.decisionDate}`)}
      author={pdfText(sheet.decidedBy ?? sheet.record?.savedBy ?? sheet.organisation)}
      // What a diarium's import reads (pdfinfo shows it): the decision, its date, the diarienummer and the register's number.
      subject={pdfText([`${w.chosen}: ${chosen}`, sheet.diarienummer ? `${w.diarienummer} ${sheet.diarienummer}` : null, sheet.record ? `${w.registerNumber} nr ${sheet.record.number}` : null].filter(Boolean).join(' · '))}
      keywords={pdfText(
        [
          sheet.organisation,
          `${w.decisionDate.toLowerCase()} ${sheet.decisionDate}`,
          sheet.diarienummer ? `${w.diarienummer.toLowerCase()} ${sheet.diarienummer}` : null,
          sheet.record ? `nr ${sheet.record.number}` : null,
          sheet.chosen?.name,
          'LOU',
        ]
          .filter(Boolean)
          .join(', '),
      )}
      creator="Vägval"
      language={lang === 'sv' ? 'sv-SE' : 'en-GB'}
      pageMode="useOutlines"
    >
      <Page size="A4" style={s.page} bookmark={pdfText(sheet.title)}>
        <Margins sheet={sheet} />
        {sheet.deviationFlag ? <T style={s.flag}>{sheet.deviationFlag}</T> : null}
        <Text style={s.title}>
          {pdfText(sheet.title)}
        </Text>
        <Fact term={w.organisation}>
          <T>{sheet.organisation}</T>
        </Fact>
        <TextFact term={w.purchase} text={sheet.purchase} />
        {sheet.supplier ? <TextFact term={w.supplier} text={sheet.supplier} /> : null}
        <Fact term={w.value}>
          <T>{sheet.value}</T>
        </Fact>
        {sheet.similar ? (
          <Fact term={sheet.similar.heading}>
            <T>{sheet.similar.summary}</T>
          </Fact>
        ) : null}
        {sheet.contractYears ? (
          <Fact term={w.contractYears}>
            <T>{sheet.contractYears}</T>
          </Fact>
        ) : null}
        <Fact term={w.chosen}>
          <T style={s.strong}>{chosen}</T>
        </Fact>
        {sheet.chosen && sheet.chosen.grounds.length > 0 ? (
          <Fact term={w.legalGround}>
            <T>{sheet.chosen.grounds.join('; ')}</T>
          </Fact>
        ) : null}
        <Fact term={w.recommendation}>
          <Text>
            {sheet.recommendation.name ? <Text style={s.strong}>{pdfText(`${sheet.recommendation.name}. `)}</Text> : null}
            {pdfText(sheet.recommendation.rationale)}
          </Text>
        </Fact>
        {sheet.chosen?.judgedBecause ? (
          <Fact term={w.judgedBecause}>
            <T>{sheet.chosen.judgedBecause}</T>
          </Fact>
        ) : null}
        <LongFact term={w.justification} text={sheet.justification ?? w.notGiven} />
        {sheet.deviationReason ? <LongFact term={w.deviationReason} text={sheet.deviationReason} /> : null}
        <Fact term={w.ruleset}>
          <Text>
            {pdfText(sheet.ruleset.version)} <Text style={s.mono}>{sheet.ruleset.hash}</Text>
          </Text>
        </Fact>
        <Fact term={w.registerNumber}>
          <T>{sheet.record ? `nr ${sheet.record.number}` : w.notSaved}</T>
        </Fact>
        {sheet.record ? (
          <>
            <Fact term={w.savedBy}>
              <T>{`${sheet.record.savedBy}, ${sheet.record.recordedAt}`}</T>
            </Fact>
            <Fact term={w.receipt}>
              {sheet.record.receipt ? (
                <T>{sheet.record.receipt}</T>
              ) : (
                <Text>
                  {pdfText(`${w.recordHash} `)}
                  <Text style={s.mono}>{sheet.record.hash}</Text>
                </Text>
              )}
            </Fact>
          </>
        ) : null}
        <Fact term={w.decidedBy}>{sheet.decidedBy ? <T>{sheet.decidedBy}</T> : blank}</Fact>
        <Fact term={w.decisionDate}>
          <T>{sheet.decisionDate}</T>
        </Fact>
        <Fact term={w.diarienummer}>{sheet.diarienummer ? <T>{sheet.diarienummer}</T> : blank}</Fact>
        <View style={s.signatures} wrap={false}>
          {[w.signature, w.nameClarification, w.position, w.placeAndDate].map((label) => (
            <View key={label} style={s.signature}>
              <View style={s.signatureRule} />
              <T style={s.signatureLabel}>{label}</T>
            </View>
          ))}
        </View>
        <T style={s.note}>{w.appendixNote}</T>
      </Page>

      <Page size="A4" style={s.page} bookmark={pdfText(w.appendix)}>
        <Margins sheet={sheet} />
        <Text style={s.h2}>
          {pdfText(w.appendix)}
        </Text>
        {sheet.recommendation.source ? (
          <View wrap={false}>
            <T style={s.h3}>{w.recommendation}</T>
            <T>{sheet.recommendation.name ? `${sheet.recommendation.name}. ${sheet.recommendation.rationale}` : sheet.recommendation.rationale}</T>
            <Quote source={sheet.recommendation.source} lang={lang} />
          </View>
        ) : null}
        {sheet.routes.length > 0 ? (
          <Text style={s.h3}>
          {pdfText(w.routes)}
        </Text>
        ) : null}
        {sheet.routes.map((route) => (
          <View key={route.route}>
            <T style={s.h4}>{`${route.name}: ${route.verdictLabel}`}</T>
            <T>{`${route.heading}:`}</T>
            <Reasons reasons={route.reasons} lang={lang} />
            {route.cautions.length > 0 ? (
              <>
                <T>{`${w.cautions}:`}</T>
                <Reasons reasons={route.cautions} lang={lang} />
              </>
            ) : null}
          </View>
        ))}
        {sheet.similar ? (
          <View>
            <T style={s.h3}>{sheet.similar.heading}</T>
            <T>{sheet.similar.summary}</T>
            {sheet.similar.checkedAt ? <T>{`${lang === 'sv' ? 'Kontrollerat' : 'Checked'}: ${sheet.similar.checkedAt}${sheet.similar.detail ? `. ${lang === 'sv' ? 'Registrets svar' : "The register's answer"}: ${sheet.similar.detail}` : ''}`}</T> : null}
            {sheet.similar.items.map((i) => (
              <View key={i.id} style={s.item} wrap={false}>
                <Text>
                  <Text style={s.strong}>{pdfText(`nr ${i.id}, ${i.date}: ${i.description}`)}</Text> {pdfText(`(${i.supplier}; ${i.value}; ${i.route}; ${i.match}): ${i.choice}`)}
                </Text>
              </View>
            ))}
            {sheet.similar.sources.map((source) => (
              <Quote key={`${source.title}|${source.section}`} source={source} lang={lang} />
            ))}
          </View>
        ) : null}
        {sheet.obligations ? (
          <View>
            <T style={s.h3}>{`${w.obligations}: ${sheet.obligations.routeName}`}</T>
            {sheet.obligations.items.map((o) => (
              <View key={o.ruleId} style={s.item} wrap={false}>
                <Text>
                  {o.checked ? '[x] ' : '[  ] '}
                  <Text style={s.strong}>{pdfText(o.title)}</Text> ({pdfText(o.legalBasis)}): {pdfText(o.explanation)}
                </Text>
                <Quote source={o.source} lang={lang} />
              </View>
            ))}
            {sheet.obligations.possible.length > 0 ? (
              <>
                <T>{`${w.possibleObligations}:`}</T>
                <Reasons reasons={sheet.obligations.possible} lang={lang} />
              </>
            ) : null}
          </View>
        ) : null}
        <View>
          <T style={s.h3}>{w.layers}</T>
          <T style={s.item}>{`1. ${w.lawLayer}`}</T>
          {sheet.layers.map((l, i) => (
            <T key={`${l.name}|${l.version}`} style={s.item}>{`${i + 2}. ${l.name} (${l.owner}${l.shared ? `, ${w.sharedLayer}` : ''}), ${w.version} ${l.version}`}</T>
          ))}
        </View>
        {sheet.policyNotes.length > 0 ? (
          <View>
            <T style={s.h3}>{w.policy}</T>
            {sheet.policyNotes.map((n) => (
              <View key={n.id} style={s.item} wrap={false}>
                <T>{n.layer ? `${n.layer}: ${n.text}` : n.text}</T>
                <Quote source={n.source} lang={lang} />
              </View>
            ))}
          </View>
        ) : null}
        <Text style={s.h3}>
          {pdfText(w.limits)}
        </Text>
        {sheet.limits.length === 0 ? <T>{w.noLimits}</T> : null}
        {sheet.limits.map((p) => (
          <View key={p.id} style={s.item} wrap={false}>
            <Text>
              <Text style={s.strong}>{pdfText(p.label)}</Text>
              {pdfText(`: ${p.value}, ${w.inForceFrom} ${p.from}${p.statusWord ? ` (${p.statusWord})` : ''}${p.note ? `. ${p.note}` : ''}`)}
            </Text>
            <Quote source={p.source} lang={lang} />
          </View>
        ))}
        {sheet.record?.receiptDetail ? (
          <View wrap={false}>
            <T style={s.h3}>{w.receiptDetail}</T>
            <Text style={s.mono}>{sheet.record.receiptDetail}</Text>
          </View>
        ) : null}
        <Text style={s.h3}>
          {pdfText(w.answers)}
        </Text>
        {sheet.answers.map((step) => (
          <View key={step.step}>
            <T style={s.h4}>{step.step}</T>
            {step.rows.map((r) => (
              <Fact key={r.path} term={r.label}>
                <T>{r.value}</T>
              </Fact>
            ))}
          </View>
        ))}
        {sheet.unasked.length > 0 ? (
          <View>
            <T style={s.h4}>{w.unasked}</T>
            {sheet.unasked.map((r) => (
              <Fact key={r.path} term={r.label}>
                <T>{r.value}</T>
              </Fact>
            ))}
          </View>
        ) : null}
      </Page>
    </Document>
  );
}
