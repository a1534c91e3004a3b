import type { Lang } from '../../engine/format';
import type { CitedSource, Reason } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import { statusWords } from '../../components/source-quote';
import { verdictLabel } from '../../components/verdict-badge';
import { buyerName } from '../../engine/buyers';
import { formatValue } from '../../engine/format';
import type { Decision } from '../../guide/decision';
import { stepTitles } from '../../guide/step-titles';

const words = {
  sv: {
    title: 'Beslutsunderlag: val av upphandlingsväg',
    organisation: 'Organisation',
    date: 'Beslutsdatum',
    ruleset: 'Regelverk',
    answers: 'Svar',
    recommendation: 'Rekommendation',
    none: 'Ingen väg kan rekommenderas ännu.',
    routes: 'Bedömning av varje väg',
    why: 'Varför',
    whyNot: 'Varför inte',
    open: 'Inte avgjort',
    obligations: 'Skyldigheter',
    policy: 'Organisationens riktlinjer',
    decision: 'Beslut',
    chosen: 'Vald väg',
    deviation: 'Skäl att avvika från rekommendationen',
    justification: 'Motivering',
    source: 'Källa',
    limits: 'Gränsvärden som bedömningen bygger på',
    inForceFrom: 'gäller från',
  },
  en: {
    title: 'Decision document: choice of procurement route',
    organisation: 'Organisation',
    date: 'Decision date',
    ruleset: 'Rule set',
    answers: 'Answers',
    recommendation: 'Recommendation',
    none: 'No route can be recommended yet.',
    routes: 'Assessment of each route',
    why: 'Why',
    whyNot: 'Why not',
    open: 'Not decided',
    obligations: 'Obligations',
    policy: "The organisation's guidelines",
    decision: 'Decision',
    chosen: 'Chosen route',
    deviation: 'Reason to depart from the recommendation',
    justification: 'Justification',
    source: 'Source',
    limits: 'Limits the assessment rests on',
    inForceFrom: 'in force from',
  },
};

const flag = (status: string, lang: Lang) => (statusWords[status] ? ` (${statusWords[status][lang]})` : '');

function cite(source: CitedSource, lang: Lang): string {
  const quote = (lang === 'sv' && source.textSv ? source.textSv : source.text).replace(/\s+/g, ' ').trim();
  return `   > ${quote}\n   >\n   > — ${words[lang].source}: ${source.title}, ${source.issuer}, ${source.section}${source.url ? ` <${source.url}>` : ''}${flag(source.status, lang)}`;
}

function reasonLines(reasons: Reason[], lang: Lang): string[] {
  return reasons.map((r) => `- **${r.title[lang]}** (${r.legalBasis}): ${r.explanation[lang]}\n${cite(r.source, lang)}`);
}

/** The decision document as Markdown, for the diarium or an e-mail. */
export function decisionToMarkdown(ruleset: Ruleset, decision: Decision, lang: Lang): string {
  const w = words[lang];
  const { outcome, draft } = decision;
  const out: string[] = [`# ${w.title}`, ''];
  const org = draft.answers.organisation ? buyerName(ruleset, draft.answers.organisation, lang) : '–';
  out.push(`- ${w.organisation}: ${org}`, `- ${w.date}: ${draft.answers.decisionDate ?? '–'}`, `- ${w.ruleset}: ${ruleset.version} (${ruleset.hash.slice(0, 12)})`, '');
  out.push(`## ${w.answers}`, '');
  let step = '';
  for (const row of decision.rows) {
    if (row.step !== step) {
      step = row.step;
      out.push(`### ${stepTitles[row.step][lang]}`, '');
    }
    out.push(`- ${row.label[lang]}: ${row.value[lang]}`);
  }
  out.push('');
  if (outcome) {
    const rec = outcome.recommendation;
    const recRoute = outcome.routes.find((r) => r.route === rec.route);
    out.push(`## ${w.recommendation}`, '', recRoute ? `**${recRoute.name[lang]}.** ${rec.rationale[lang]}` : w.none);
    if (rec.source) out.push('', cite(rec.source, lang).replace(/^ {3}/gm, ''));
    out.push('', `## ${w.routes}`, '');
    for (const route of outcome.routes) {
      out.push(`### ${route.name[lang]}: ${verdictLabel(route.verdict, lang)}`, '');
      const heading = route.verdict === 'not-allowed' ? w.whyNot : route.verdict === 'needs-info' ? w.open : w.why;
      out.push(`${heading}:`, '', ...reasonLines(route.reasons, lang), '');
    }
    const chosen = outcome.routes.find((r) => r.route === decision.chosenRoute);
    if (chosen && chosen.obligations.length > 0) {
      const checked = new Set(draft.decision.checked ?? []);
      out.push(`## ${w.obligations} (${chosen.name[lang]})`, '');
      for (const o of chosen.obligations) out.push(`- [${checked.has(o.ruleId) ? 'x' : ' '}] **${o.title[lang]}** (${o.legalBasis}): ${o.explanation[lang]}`);
      out.push('');
    }
    const notes = [...outcome.policyNotes, ...(chosen?.policyNotes ?? [])];
    if (notes.length > 0) {
      out.push(`## ${w.policy}`, '');
      for (const n of notes) out.push(`- ${n.text[lang]}\n${cite(n.source, lang)}`);
      out.push('');
    }
  }
  if (outcome && outcome.parametersUsed.length > 0) {
    out.push(`## ${w.limits}`, '');
    for (const p of outcome.parametersUsed) {
      out.push(`- ${p.label[lang]}: ${formatValue(p.value, p.unit, lang)}, ${w.inForceFrom} ${p.from}${flag(p.status, lang)}${p.note ? `. ${p.note[lang]}` : ''}\n${cite(p.source, lang)}`);
    }
    out.push('');
  }
  out.push(`## ${w.decision}`, '');
  const chosenName = outcome?.routes.find((r) => r.route === decision.chosenRoute)?.name[lang] ?? '–';
  out.push(`- ${w.chosen}: ${chosenName}`);
  if (draft.decision.deviationReason) out.push(`- ${w.deviation}: ${draft.decision.deviationReason}`);
  out.push(`- ${w.justification}: ${draft.decision.justification ?? '–'}`, '');
  return out.join('\n');
}
