import { whoSaved } from '../shared/who-saved';
import type { Answers, RouteId } from '../engine/answers-schema';
import { formatValue, type Lang } from '../engine/format';
import type { CitedSource, Outcome, ParameterUse, Reason } from '../engine/outcome';
import type { EvidenceStatus, Verdict } from '../engine/ruleset-schema';
import type { AnswerRow } from '../guide/decision';
import type { DraftAnswers } from '../guide/draft';
import { stepTitles } from '../guide/step-titles';
import { questionStepIds } from '../guide/steps';
import { statusWords } from '../components/source-quote';
import { verdictWords } from '../components/verdict-badge';
import { swedishTime } from '../shared/swedish-time';
import { receiptInPlainWords, receiptSchema, receiptShortForm as registerReceiptShortForm } from '../shared/receipt';
import { sheetWords } from './sheet-words';
import type { SimilarCheck } from '../shared/similar-check';
import { sheetSimilar, type SheetSimilar } from './sheet-similar';

/**
 * The decision document as data, in one language: what the printed page, the PDF file and the Markdown and JSON
 * downloads all show. Page 1 is the decision (who decided what, under which rule set, with room for the
 * diarienummer and the signatures); the appendix holds the reasons, the sources and the limits the verdicts read.
 */
export type DecisionSheet = {
  lang: Lang;
  title: string;
  organisation: string;
  decisionDate: string;
  purchase: string;
  supplier: string | null;
  value: string;
  /** The guide's check of the register for similar purchases; null when the input says nothing of it. */
  similar: SheetSimilar | null;
  contractYears: string | null;
  /** `grounds`: for a route judged allowed, the grounds that hold, each with its legal basis, for page 1. */
  chosen: { route: RouteId; name: string; verdict: Verdict | null; verdictLabel: string | null; grounds: string[]; judgedBecause: string | null } | null;
  recommendation: { route: RouteId | null; name: string | null; rationale: string; source: SheetSource | null };
  /** The first line of the document when the chosen route departs from the engine's judgement. */
  deviationFlag: string | null;
  deviationReason: string | null;
  justification: string | null;
  ruleset: { version: string; hash: string };
  /**
   * `receipt`: what the receipt proves, in plain words (shared with the register's pages, src/shared/receipt.ts);
   * `receiptDetail`: its technical line (index, leaf hash, checkpoint), for the appendix and the auditor.
   */
  record: { number: number; savedBy: string; recordedAt: string; hash: string; receipt: string | null; receiptDetail: string | null } | null;
  decidedBy: string | null;
  diarienummer: string | null;
  routes: SheetRoute[];
  obligations: { routeName: string; items: Array<SheetReason & { checked: boolean }>; possible: SheetReason[] } | null;
  /** Each note with the layer that says it, so a reader sees whether the law or their own organisation asks it. */
  policyNotes: Array<{ id: string; text: string; layer: string | null; source: SheetSource }>;
  /** The buyer's layers applied on the decision date, shared first and its own on top (the law is beneath them). */
  layers: Array<{ name: string; owner: string; version: string; shared: boolean }>;
  /** Only the limits the verdicts (and the chosen route's obligations) read: the ones that bear on this purchase. */
  limits: SheetLimit[];
  answers: Array<{ step: string; rows: Array<{ path: string; label: string; value: string }> }>;
  /** Every answer given that a later answer made irrelevant, with its label: the record shows all that was said. */
  unasked: Array<{ path: string; label: string; value: string }>;
  disclaimer: string;
  printedAt: string;
};

/** A source as the document cites it: its own words (a quote) or a paraphrase (a summary), never confused. */
export type SheetSource = {
  kind: 'quote' | 'summary';
  text: string;
  title: string;
  issuer: string;
  section: string;
  url: string | null;
  status: EvidenceStatus;
  /** "ej verifierad", "andrahandskälla" …, or null for a verified source. */
  statusWord: string | null;
};

export type SheetReason = { ruleId: string; title: string; legalBasis: string; explanation: string; source: SheetSource };
export type SheetRoute = { route: RouteId; name: string; verdict: Verdict; verdictLabel: string; heading: string; reasons: SheetReason[]; cautions: SheetReason[] };
export type SheetLimit = { id: string; label: string; value: string; from: string; statusWord: string | null; note: string | null; source: SheetSource };

/** What a saved record adds: its number in the register, who saved it, and (once the register issues them) a receipt. */
export type SheetRecord = { id: number; savedBy: { user: string; role: string }; recordedAt: string; hash: string; receipt?: unknown };

export type SheetInput = {
  lang: Lang;
  ruleset: { version: string; hash: string; organisationName: (id: Answers['organisation'], lang: Lang) => string };
  answers: DraftAnswers;
  outcome: Outcome | null;
  rows: readonly AnswerRow[];
  unaskedRows?: readonly AnswerRow[] | undefined;
  decision: { chosenRoute?: RouteId | null | undefined; justification?: string | undefined; deviationReason?: string | null | undefined; checked?: readonly string[] | undefined };
  record?: SheetRecord | null | undefined;
  decidedBy?: string | null | undefined;
  diarienummer?: string | null | undefined;
  /** The similar-purchase check (null: still to be made) and the sources on valuing similar purchases it cites. */
  similar?: { check: SimilarCheck | null; sources: CitedSource[] } | undefined;
  now?: Date;
};

const statusWord = (status: string, lang: Lang) => statusWords[status]?.[lang] ?? null;
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

export function sheetSource(source: CitedSource, lang: Lang): SheetSource {
  return {
    kind: source.textKind,
    // A summary has its own Swedish wording; a quote stays in the document's own words.
    text: clean(lang === 'sv' && source.textSv ? source.textSv : source.text),
    title: source.title,
    issuer: source.issuer,
    section: source.section,
    url: source.url,
    status: source.status,
    statusWord: statusWord(source.status, lang),
  };
}

const sheetReason = (r: Reason, lang: Lang): SheetReason => ({
  ruleId: r.ruleId,
  title: r.title[lang],
  legalBasis: r.legalBasis,
  explanation: r.explanation[lang],
  source: sheetSource(r.source, lang),
});

/** The limits the verdicts read: each route's deciding reasons, and what the chosen route obliges or warns of. */
export function limitsThatBear(outcome: Outcome, chosenRoute: RouteId | null): ParameterUse[] {
  const read = new Set<string>();
  for (const route of outcome.routes) {
    const own = route.route === chosenRoute ? [...route.reasons, ...route.obligations, ...route.cautions] : route.reasons;
    for (const reason of own) for (const p of reason.parameters) read.add(p.id);
  }
  return outcome.parametersUsed.filter((p) => read.has(p.id));
}

function receiptTexts(receipt: unknown, lang: Lang): { receipt: string | null; receiptDetail: string | null } {
  const registers = receiptSchema.safeParse(receipt);
  if (!registers.success) return { receipt: receiptShortForm(receipt, lang), receiptDetail: null };
  const { summary, technical } = receiptInPlainWords(registers.data, lang);
  return { receipt: summary, receiptDetail: technical };
}

/** A receipt the register issued (a string, or an object of hashes and counts) in a line a reader can compare. */
export function receiptShortForm(receipt: unknown, lang: Lang = 'sv'): string | null {
  if (typeof receipt === 'string') return receipt || null;
  // The register's own receipts (src/shared/receipt.ts) have their short form: index, leaf, checkpoint size and root.
  const registers = receiptSchema.safeParse(receipt);
  if (registers.success) return registerReceiptShortForm(registers.data, lang);
  if (receipt === null || typeof receipt !== 'object') return null;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(receipt)) {
    if (typeof value === 'number') parts.push(`${key} ${value}`);
    else if (typeof value === 'string') parts.push(`${key} ${/^[0-9a-f]{16,}$/i.test(value) ? `${value.slice(0, 16)}…` : value}`);
    else if (value && typeof value === 'object') {
      const inner = receiptShortForm(value);
      if (inner) parts.push(`${key}: ${inner}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function valueText(answers: DraftAnswers, lang: Lang): string {
  const v = answers.value;
  if (v?.totalSek === undefined) return sheetWords[lang].notGiven;
  const sek = (n: number) => formatValue(n, 'sek', lang);
  const parts: string[] = [];
  const years = answers.contract?.years;
  if (v.annualSek !== undefined && years !== undefined) parts.push(`${sek(v.annualSek)} ${sheetWords[lang].perYear} × ${formatValue(years, 'years', lang)}`);
  if (v.optionsSek) parts.push(`${sheetWords[lang].options} ${sek(v.optionsSek)}`);
  if (v.similarPurchasesSek) parts.push(`${sheetWords[lang].similar} ${sek(v.similarPurchasesSek)}`);
  return `${sek(v.totalSek)}${sheetWords[lang].exVat}${parts.length > 0 ? ` (${parts.join(' + ')})` : ''}`;
}

function rowValue(rows: readonly AnswerRow[], path: string, lang: Lang): string | null {
  return rows.find((r) => r.path === path)?.value[lang] ?? null;
}

function judgedBecause(reasons: readonly Reason[], lang: Lang): string | null {
  const deciding = reasons.find((r) => r.result !== 'held') ?? reasons[0];
  if (!deciding) return null;
  const more = reasons.length - 1;
  const rest = more > 0 ? (lang === 'sv' ? ` (och ${more} skäl till i bilagan)` : ` (and ${more} more in the appendix)`) : '';
  return `${deciding.title[lang]} – ${deciding.legalBasis}: ${clean(deciding.explanation[lang])}${rest}`;
}

function deviationFlag(chosen: DecisionSheet['chosen'], recommended: RouteId | null, lang: Lang): string | null {
  if (!chosen) return null;
  const w = sheetWords[lang];
  if (chosen.verdict === 'not-allowed') return w.deviatesNotAllowed;
  if (chosen.verdict === 'needs-info') return w.deviatesNeedsInfo;
  if (recommended !== null && chosen.route !== recommended) return w.deviatesFromRecommendation;
  return null;
}

export function buildDecisionSheet(input: SheetInput): DecisionSheet {
  const { lang, outcome, answers, rows, decision } = input;
  const w = sheetWords[lang];
  const chosenRoute = decision.chosenRoute ?? outcome?.recommendation.route ?? null;
  const chosenOutcome = outcome?.routes.find((r) => r.route === chosenRoute);
  const chosen = chosenRoute
    ? {
        route: chosenRoute,
        name: chosenOutcome?.name[lang] ?? chosenRoute,
        verdict: chosenOutcome?.verdict ?? null,
        verdictLabel: chosenOutcome ? verdictWords[chosenOutcome.verdict][lang] : null,
        // What the decision rests on in law, on the page that is signed: "Reservation för vissa välfärdstjänster
        // – LOU 19 kap. 25 §". A route judged not allowed or open has none; its first line says it deviates.
        grounds:
          chosenOutcome && (chosenOutcome.verdict === 'allowed' || chosenOutcome.verdict === 'recommended')
            ? chosenOutcome.reasons.filter((r) => r.result === 'held').map((r) => `${r.title[lang]} – ${r.legalBasis}`)
            : [],
        // A route chosen against its verdict: page 1 says in one line, with its rule, why Vägval judged it so, so
        // that the signer reads the reason beside their own reason for deviating.
        judgedBecause: chosenOutcome && (chosenOutcome.verdict === 'not-allowed' || chosenOutcome.verdict === 'needs-info') ? judgedBecause(chosenOutcome.reasons, lang) : null,
      }
    : null;
  const rec = outcome?.recommendation;
  const recRoute = outcome?.routes.find((r) => r.route === rec?.route);
  const description = answers.purchase?.description?.trim();
  const kind = rowValue(rows, 'purchase.kind', lang);
  const supplierName = answers.supplier?.name?.trim();
  const supplierKind = rowValue(rows, 'supplier.kind', lang);
  const checked = new Set(decision.checked ?? []);
  const record = input.record
    ? {
        number: input.record.id,
        savedBy: whoSaved(input.record.savedBy.user, w.roles[input.record.savedBy.role] ?? input.record.savedBy.role),
        recordedAt: recordedAtText(input.record.recordedAt, lang),
        hash: input.record.hash,
        ...receiptTexts(input.record.receipt, lang),
      }
    : null;
  const now = input.now ?? new Date();
  return {
    lang,
    title: w.title,
    organisation: answers.organisation ? input.ruleset.organisationName(answers.organisation, lang) : w.notGiven,
    decisionDate: answers.decisionDate ?? w.notGiven,
    purchase: [description, kind ? `(${kind})` : null].filter(Boolean).join(' ') || w.notGiven,
    supplier: [supplierName, supplierKind].filter(Boolean).join(', ') || null,
    value: valueText(answers, lang),
    similar: input.similar
      ? sheetSimilar(input.similar.check, lang, (route) => outcome?.routes.find((r) => r.route === route)?.name[lang] ?? route, input.similar.sources.map((s) => sheetSource(s, lang)), answers)
      : null,
    contractYears: answers.contract?.years !== undefined ? formatValue(answers.contract.years, 'years', lang) : null,
    chosen,
    recommendation: {
      route: rec?.route ?? null,
      name: recRoute?.name[lang] ?? null,
      rationale: rec ? rec.rationale[lang] : w.noOutcome,
      source: rec?.source ? sheetSource(rec.source, lang) : null,
    },
    deviationFlag: deviationFlag(chosen, rec?.route ?? null, lang),
    deviationReason: decision.deviationReason?.trim() || null,
    justification: decision.justification?.trim() || null,
    ruleset: { version: input.ruleset.version, hash: input.ruleset.hash },
    record,
    // Who saved the record is not necessarily who decided (delegation): left to write unless the input names them.
    decidedBy: input.decidedBy?.trim() || null,
    diarienummer: input.diarienummer?.trim() || null,
    routes: (outcome?.routes ?? []).map((r) => ({
      route: r.route,
      name: r.name[lang],
      verdict: r.verdict,
      verdictLabel: verdictWords[r.verdict][lang],
      heading: r.verdict === 'not-allowed' ? w.whyNot : r.verdict === 'needs-info' ? w.open : w.why,
      reasons: r.reasons.map((x) => sheetReason(x, lang)),
      cautions: r.cautions.map((x) => sheetReason(x, lang)),
    })),
    obligations:
      chosenOutcome && (chosenOutcome.obligations.length > 0 || chosenOutcome.possibleObligations.length > 0)
        ? {
            routeName: chosenOutcome.name[lang],
            items: chosenOutcome.obligations.map((o) => ({ ...sheetReason(o, lang), checked: checked.has(o.ruleId) })),
            possible: chosenOutcome.possibleObligations.map((o) => sheetReason(o, lang)),
          }
        : null,
    policyNotes: [...(outcome?.policyNotes ?? []), ...(chosenOutcome?.policyNotes ?? [])].map((n) => ({ id: n.id, text: n.text[lang], layer: n.layer?.name[lang] ?? null, source: sheetSource(n.source, lang) })),
    layers: (outcome?.layers ?? []).map((l) => ({ name: l.name[lang], owner: l.owner, version: l.version, shared: l.shared })),
    limits: outcome
      ? limitsThatBear(outcome, chosenRoute).map((p) => ({
          id: p.id,
          label: p.label[lang],
          value: formatValue(p.value, p.unit, lang),
          from: p.from,
          statusWord: statusWord(p.status, lang),
          note: p.note?.[lang] ?? null,
          source: sheetSource(p.source, lang),
        }))
      : [],
    answers: questionStepIds
      .map((step) => ({
        step: stepTitles[step][lang],
        rows: rows.filter((r) => r.step === step).map((r) => ({ path: r.path, label: r.label[lang], value: r.value[lang] })),
      }))
      .filter((s) => s.rows.length > 0),
    unasked: (input.unaskedRows ?? []).map((r) => ({ path: r.path, label: r.label[lang], value: r.value[lang] })),
    disclaimer: w.disclaimer,
    printedAt: printedAt(now, lang),
  };
}

/** When the record was saved, for page 1: Swedish local time, never UTC. */
export function recordedAtText(iso: string, lang: Lang): string {
  return swedishTime(iso, lang);
}

/** When it was printed, in the same Swedish time as every other moment on the page (whatever the machine's zone). */
export function printedAt(now: Date, lang: Lang = 'sv'): string {
  return swedishTime(now.toISOString(), lang);
}

/** "Källa: titel, utgivare, avsnitt (ej verifierad)": where a source stands, in one line. */
export function sourceLine(source: SheetSource, lang: Lang): string {
  return `${sheetWords[lang].source}: ${source.title}, ${source.issuer}, ${source.section}${source.statusWord ? ` (${source.statusWord})` : ''}`;
}
