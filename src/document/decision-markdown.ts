import { sourceLine, type DecisionSheet, type SheetReason, type SheetSource } from './decision-sheet';
import { sheetWords } from './sheet-words';

/**
 * A source in Markdown. A quote is a block quote (the document's own words); a summary is plain text
 * that says "Sammanfattning:", so a reader never takes a paraphrase for the source's wording.
 */
function cite(source: SheetSource, sheet: DecisionSheet, indent = '   '): string {
  const w = sheetWords[sheet.lang];
  const where = `${sourceLine(source, sheet.lang)}${source.url ? ` <${source.url}>` : ''}`;
  if (source.kind === 'summary') return `${indent}*${w.summary}:* ${source.text}\n${indent}— ${where}`;
  return `${indent}> ${source.text}\n${indent}>\n${indent}> — ${where}`;
}

function reasonLines(reasons: SheetReason[], sheet: DecisionSheet): string[] {
  return reasons.map((r) => `- **${r.title}** (${r.legalBasis}): ${r.explanation}\n${cite(r.source, sheet)}`);
}

const blank = '________________________________';

/** The decision document as Markdown, for the diarium or an e-mail: the decision first, then the appendix. */
export function decisionToMarkdown(sheet: DecisionSheet): string {
  const w = sheetWords[sheet.lang];
  const out: string[] = [`# ${sheet.title}`, ''];
  if (sheet.deviationFlag) out.push(`**${sheet.deviationFlag}**`, '');
  const chosen = sheet.chosen ? `${sheet.chosen.name}${sheet.chosen.verdictLabel ? ` (${sheet.chosen.verdictLabel})` : ''}` : w.notGiven;
  const rec = sheet.recommendation.name ? `${sheet.recommendation.name}. ${sheet.recommendation.rationale}` : sheet.recommendation.rationale;
  const registered = sheet.record ? `nr ${sheet.record.number}` : w.notSaved;
  out.push(
    `- ${w.organisation}: ${sheet.organisation}`,
    `- ${w.purchase}: ${sheet.purchase}`,
    ...(sheet.supplier ? [`- ${w.supplier}: ${sheet.supplier}`] : []),
    `- ${w.value}: ${sheet.value}`,
    ...(sheet.similar ? [`- ${sheet.similar.heading}: ${sheet.similar.summary}`] : []),
    ...(sheet.contractYears ? [`- ${w.contractYears}: ${sheet.contractYears}`] : []),
    `- **${w.chosen}: ${chosen}**`,
    ...(sheet.chosen && sheet.chosen.grounds.length > 0 ? [`- ${w.legalGround}: ${sheet.chosen.grounds.join('; ')}`] : []),
    `- ${w.recommendation}: ${rec}`,
    ...(sheet.deviationReason ? [`- ${w.deviationReason}: ${sheet.deviationReason}`] : []),
    `- ${w.justification}: ${sheet.justification ?? w.notGiven}`,
    `- ${w.ruleset}: ${sheet.ruleset.version} (${sheet.ruleset.hash})`,
    `- ${w.registerNumber}: ${registered}`,
    ...(sheet.record ? [`- ${w.savedBy}: ${sheet.record.savedBy}, ${sheet.record.recordedAt}`, `- ${w.receipt}: ${sheet.record.receipt ?? `${w.recordHash} ${sheet.record.hash}`}`] : []),
    `- ${w.decidedBy}: ${sheet.decidedBy ?? blank}`,
    `- ${w.decisionDate}: ${sheet.decisionDate}`,
    `- ${w.diarienummer}: ${sheet.diarienummer ?? blank}`,
    '',
    `${w.signature}: ${blank}`,
    '',
    `${w.nameClarification}: ${blank}`,
    '',
    `${w.position}: ${blank}`,
    '',
    `${w.placeAndDate}: ${blank}`,
    '',
    `*${sheet.disclaimer}*`,
    '',
    `## ${w.appendix}`,
    '',
  );
  if (sheet.recommendation.source) out.push(`### ${w.recommendation}`, '', rec, '', cite(sheet.recommendation.source, sheet, ''), '');
  if (sheet.routes.length > 0) {
    out.push(`### ${w.routes}`, '');
    for (const route of sheet.routes) {
      out.push(`#### ${route.name}: ${route.verdictLabel}`, '', `${route.heading}:`, '', ...reasonLines(route.reasons, sheet), '');
      if (route.cautions.length > 0) out.push(`${w.cautions}:`, '', ...reasonLines(route.cautions, sheet), '');
    }
  }
  if (sheet.similar) {
    const s = sheet.similar;
    out.push(`### ${s.heading}`, '', s.summary, '');
    if (s.checkedAt) out.push(`${sheet.lang === 'sv' ? 'Kontrollerat' : 'Checked'}: ${s.checkedAt}${s.detail ? `. ${sheet.lang === 'sv' ? 'Registrets svar' : "The register's answer"}: ${s.detail}` : ''}`, '');
    for (const i of s.items) out.push(`- **nr ${i.id}, ${i.date}: ${i.description}** (${i.supplier}; ${i.value}; ${i.route}; ${i.match}): ${i.choice}`);
    if (s.items.length > 0) out.push('');
    for (const source of s.sources) out.push(cite(source, sheet, ''), '');
  }
  if (sheet.obligations) {
    out.push(`### ${w.obligations} (${sheet.obligations.routeName})`, '');
    for (const o of sheet.obligations.items) out.push(`- [${o.checked ? 'x' : ' '}] **${o.title}** (${o.legalBasis}): ${o.explanation}\n${cite(o.source, sheet)}`);
    if (sheet.obligations.possible.length > 0) out.push('', `${w.possibleObligations}:`, '', ...reasonLines(sheet.obligations.possible, sheet));
    out.push('');
  }
  out.push(`### ${w.layers}`, '', `1. ${w.lawLayer}`);
  sheet.layers.forEach((l, i) => out.push(`${i + 2}. ${l.name} (${l.owner}${l.shared ? `, ${w.sharedLayer}` : ''}), ${w.version} ${l.version}`));
  out.push('');
  if (sheet.policyNotes.length > 0) {
    out.push(`### ${w.policy}`, '');
    for (const n of sheet.policyNotes) out.push(`- ${n.layer ? `**${n.layer}:** ` : ''}${n.text}\n${cite(n.source, sheet)}`);
    out.push('');
  }
  out.push(`### ${w.limits}`, '');
  if (sheet.limits.length === 0) out.push(w.noLimits);
  for (const p of sheet.limits) {
    out.push(`- ${p.label}: ${p.value}, ${w.inForceFrom} ${p.from}${p.statusWord ? ` (${p.statusWord})` : ''}${p.note ? `. ${p.note}` : ''}\n${cite(p.source, sheet)}`);
  }
  out.push('', `### ${w.answers}`, '');
  for (const step of sheet.answers) {
    out.push(`#### ${step.step}`, '', ...step.rows.map((r) => `- ${r.label}: ${r.value}`), '');
  }
  if (sheet.unasked.length > 0) out.push(`#### ${w.unasked}`, '', ...sheet.unasked.map((r) => `- ${r.label}: ${r.value}`), '');
  out.push(`${w.printed} ${sheet.printedAt}. ${sheet.disclaimer}`, '');
  return out.join('\n');
}
