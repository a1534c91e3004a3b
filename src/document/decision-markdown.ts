import { sourceLine, type DecisionSheet, type SheetReason, type SheetSource } from './decision-sheet';
import { markdownBlock, markdownInline } from './markdown-text';
import { sheetWords } from './sheet-words';

/** Every text from the sheet goes through this: it reads as written and can make no Markdown of its own. */
const e = (text: string, indent = '  ') => markdownInline(text, indent);
/** The same for text that starts a line: a paragraph of its own. */
const b = markdownBlock;

/**
 * A source in Markdown. A quote is a block quote (the document's own words); a summary is plain text
 * that says "Sammanfattning:", so a reader never takes a paraphrase for the source's wording.
 */
function cite(source: SheetSource, sheet: DecisionSheet, indent = '   '): string {
  const w = sheetWords[sheet.lang];
  // The URL is the rule set's own, an autolink only when it is a plain http(s) address.
  const url = source.url && /^https?:\/\/[^\s<>]+$/.test(source.url) ? ` <${source.url}>` : source.url ? ` ${e(source.url)}` : '';
  const where = `${e(sourceLine(source, sheet.lang))}${url}`;
  if (source.kind === 'summary') return `${indent}*${w.summary}:* ${e(source.text, indent)}\n${indent}— ${where}`;
  return `${indent}> ${e(source.text, `${indent}> `)}\n${indent}>\n${indent}> — ${where}`;
}

function reasonLines(reasons: SheetReason[], sheet: DecisionSheet): string[] {
  return reasons.map((r) => `- **${e(r.title)}** (${e(r.legalBasis)}): ${e(r.explanation)}\n${cite(r.source, sheet)}`);
}

const blank = '________________________________';

/** The decision document as Markdown, for the diarium or an e-mail: the decision first, then the appendix. */
export function decisionToMarkdown(sheet: DecisionSheet): string {
  const w = sheetWords[sheet.lang];
  const out: string[] = [`# ${e(sheet.title)}`, ''];
  if (sheet.deviationFlag) out.push(`**${e(sheet.deviationFlag)}**`, '');
  const chosen = sheet.chosen ? `${sheet.chosen.name}${sheet.chosen.verdictLabel ? ` (${sheet.chosen.verdictLabel})` : ''}` : w.notGiven;
  const rec = sheet.recommendation.name ? `${sheet.recommendation.name}. ${sheet.recommendation.rationale}` : sheet.recommendation.rationale;
  const registered = sheet.record ? `nr ${sheet.record.number}` : w.notSaved;
  const item = (term: string, value: string) => `- ${e(term)}: ${e(value)}`;
  out.push(
    item(w.organisation, sheet.organisation),
    item(w.purchase, sheet.purchase),
    ...(sheet.supplier ? [item(w.supplier, sheet.supplier)] : []),
    item(w.value, sheet.value),
    ...(sheet.similar ? [item(sheet.similar.heading, sheet.similar.summary)] : []),
    ...(sheet.contractYears ? [item(w.contractYears, sheet.contractYears)] : []),
    `- **${e(w.chosen)}: ${e(chosen)}**`,
    ...(sheet.chosen && sheet.chosen.grounds.length > 0 ? [item(w.legalGround, sheet.chosen.grounds.join('; '))] : []),
    ...(sheet.chosen?.judgedBecause ? [item(w.judgedBecause, sheet.chosen.judgedBecause)] : []),
    item(w.recommendation, rec),
    ...(sheet.deviationReason ? [item(w.deviationReason, sheet.deviationReason)] : []),
    item(w.justification, sheet.justification ?? w.notGiven),
    item(w.ruleset, `${sheet.ruleset.version} (${sheet.ruleset.hash})`),
    item(w.registerNumber, registered),
    ...(sheet.record ? [item(w.savedBy, `${sheet.record.savedBy}, ${sheet.record.recordedAt}`), item(w.receipt, sheet.record.receipt ?? `${w.recordHash} ${sheet.record.hash}`)] : []),
    `- ${e(w.decidedBy)}: ${sheet.decidedBy ? e(sheet.decidedBy) : blank}`,
    item(w.decisionDate, sheet.decisionDate),
    `- ${e(w.diarienummer)}: ${sheet.diarienummer ? e(sheet.diarienummer) : blank}`,
    '',
    `${e(w.signature)}: ${blank}`,
    '',
    `${e(w.nameClarification)}: ${blank}`,
    '',
    `${e(w.position)}: ${blank}`,
    '',
    `${e(w.placeAndDate)}: ${blank}`,
    '',
    `*${e(sheet.disclaimer)}*`,
    '',
    `## ${e(w.appendix)}`,
    '',
  );
  if (sheet.recommendation.source) out.push(`### ${e(w.recommendation)}`, '', b(rec), '', cite(sheet.recommendation.source, sheet, ''), '');
  if (sheet.routes.length > 0) {
    out.push(`### ${e(w.routes)}`, '');
    for (const route of sheet.routes) {
      out.push(`#### ${e(`${route.name}: ${route.verdictLabel}`)}`, '', `${b(route.heading)}:`, '', ...reasonLines(route.reasons, sheet), '');
      if (route.cautions.length > 0) out.push(`${b(w.cautions)}:`, '', ...reasonLines(route.cautions, sheet), '');
    }
  }
  if (sheet.similar) {
    const s = sheet.similar;
    out.push(`### ${e(s.heading)}`, '', b(s.summary), '');
    if (s.checkedAt) out.push(b(`${sheet.lang === 'sv' ? 'Kontrollerat' : 'Checked'}: ${s.checkedAt}${s.detail ? `. ${sheet.lang === 'sv' ? 'Registrets svar' : "The register's answer"}: ${s.detail}` : ''}`), '');
    for (const i of s.items) out.push(`- **${e(`nr ${i.id}, ${i.date}: ${i.description}`)}** ${e(`(${i.supplier}; ${i.value}; ${i.route}; ${i.match}): ${i.choice}`)}`);
    if (s.items.length > 0) out.push('');
    for (const source of s.sources) out.push(cite(source, sheet, ''), '');
  }
  if (sheet.obligations) {
    out.push(`### ${e(`${w.obligations} (${sheet.obligations.routeName})`)}`, '');
    for (const o of sheet.obligations.items) out.push(`- [${o.checked ? 'x' : ' '}] **${e(o.title)}** (${e(o.legalBasis)}): ${e(o.explanation)}\n${cite(o.source, sheet)}`);
    if (sheet.obligations.possible.length > 0) out.push('', `${b(w.possibleObligations)}:`, '', ...reasonLines(sheet.obligations.possible, sheet));
    out.push('');
  }
  out.push(`### ${e(w.layers)}`, '', `1. ${e(w.lawLayer, '   ')}`);
  sheet.layers.forEach((l, i) => out.push(`${i + 2}. ${e(`${l.name} (${l.owner}${l.shared ? `, ${w.sharedLayer}` : ''}), ${w.version} ${l.version}`, '   ')}`));
  out.push('');
  if (sheet.policyNotes.length > 0) {
    out.push(`### ${e(w.policy)}`, '');
    for (const n of sheet.policyNotes) out.push(`- ${n.layer ? `**${e(n.layer)}:** ` : ''}${e(n.text)}\n${cite(n.source, sheet)}`);
    out.push('');
  }
  out.push(`### ${e(w.limits)}`, '');
  if (sheet.limits.length === 0) out.push(b(w.noLimits));
  for (const p of sheet.limits) {
    out.push(`- ${e(`${p.label}: ${p.value}, ${w.inForceFrom} ${p.from}${p.statusWord ? ` (${p.statusWord})` : ''}${p.note ? `. ${p.note}` : ''}`)}\n${cite(p.source, sheet)}`);
  }
  if (sheet.record?.receiptDetail) out.push('', `### ${e(w.receiptDetail)}`, '', b(sheet.record.receiptDetail));
  out.push('', `### ${e(w.answers)}`, '');
  for (const step of sheet.answers) {
    out.push(`#### ${e(step.step)}`, '', ...step.rows.map((r) => item(r.label, r.value)), '');
  }
  if (sheet.unasked.length > 0) out.push(`#### ${e(w.unasked)}`, '', ...sheet.unasked.map((r) => item(r.label, r.value)), '');
  out.push(b(`${w.printed} ${sheet.printedAt}. ${sheet.disclaimer}`), '');
  return out.join('\n');
}
