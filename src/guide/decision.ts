import type { RouteId } from '../engine/answers-schema';
import { evaluate, EvaluationError } from '../engine/evaluate';
import { formatValue, type Lang } from '../engine/format';
import type { Outcome } from '../engine/outcome';
import type { Ruleset } from '../engine/ruleset';
import type { Localized } from '../engine/ruleset-schema';
import { judgeable, pickAnswers, readPath, type Draft, type DraftAnswers } from './draft';
import { fieldKinds, ownFieldTexts } from './field-kinds';
import { askedAnswers, type VisibleFields } from './relevance';
import { questionStepIds, stepFields, type QuestionStepId } from './steps';
import { paymentBasisOptions, valueBasisOptions } from './guide-questions';
import { buyerName } from '../engine/buyers';

export type AnswerRow = { step: QuestionStepId; path: string; label: Localized; value: Localized };

/** Everything the recommendation page, the document and the exports show, from one draft. */
export type Decision = {
  draft: Draft;
  answers: Draft['answers'];
  outcome: Outcome | null;
  rows: AnswerRow[];
  /**
   * Answers given to questions that an answer since has made irrelevant: not judged, but shown in the review, the
   * document and the record, so nothing the procurer said disappears.
   */
  unaskedRows: AnswerRow[];
  unaskedAnswers: DraftAnswers;
  chosenRoute: RouteId | null;
};

export function fieldLabel(ruleset: Ruleset, path: string): Localized {
  return ruleset.facts[path]?.label ?? ownFieldTexts[path]?.label ?? { sv: path, en: path };
}

/** Guide questions that set a fact the rules read, by that fact: the IOP payment question sets paymentForService. */
const askedAs: Readonly<Record<string, string>> = { 'partnership.paymentForService': 'wizard.paymentBasis' };

/**
 * A fact named as the question the procurer sees: where the panel says what decides a route, "Hur får organisationen
 * betalt?" rather than the fact "Myndigheten betalar för en tjänst som den bestämmer och kan kräva", which is asked
 * nowhere in those words.
 */
export function questionLabel(ruleset: Ruleset, path: string): Localized {
  const asked = askedAs[path];
  return asked ? (ownFieldTexts[asked]?.label ?? fieldLabel(ruleset, path)) : fieldLabel(ruleset, path);
}

function shownValue(ruleset: Ruleset, path: string, value: unknown, lang: Lang): string {
  if (path === 'organisation') return buyerName(ruleset, String(value), lang);
  const fact = ruleset.facts[path];
  const kind = fieldKinds[path];
  const unit = fact?.type ?? (kind === 'sek' ? 'sek' : kind === 'years' ? 'years' : kind === 'percent' ? 'share' : 'number');
  return formatValue(value, unit, lang, fact?.options);
}

/** Judges the answers to the questions asked (hidden ones left out) and lists them for the document. */
export function buildDecision(ruleset: Ruleset, visibleFields: VisibleFields, draft: Draft): Decision {
  const answers = askedAnswers(visibleFields, draft);
  const judged = judgeable(answers);
  let outcome: Outcome | null = null;
  if (judged) {
    try {
      outcome = evaluate(ruleset, judged);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
    }
  }
  const unaskedPaths = questionStepIds.flatMap((step) =>
    stepFields[step].filter((path) => readPath(answers, path) === undefined && readPath(draft.answers, path) !== undefined && readPath(draft.answers, path) !== ''),
  );
  const unaskedAnswers = pickAnswers(draft.answers, unaskedPaths);
  const chosenRoute = draft.decision.chosenRoute ?? outcome?.recommendation.route ?? null;
  return { draft, answers, outcome, rows: answerRows(ruleset, answers), unaskedRows: answerRows(ruleset, unaskedAnswers), unaskedAnswers, chosenRoute };
}

/**
 * The guide's own questions the procurer answered (similar purchases, how the price is given, how the organisation
 * is paid): no fact the rules read, but asked, so the review lists them with the answers ("liknande köp: Nej").
 */
export function wizardRows(draft: Draft): AnswerRow[] {
  const w = draft.wizard;
  const rows: AnswerRow[] = [];
  const row = (step: QuestionStepId, path: string, value: Localized) => rows.push({ step, path, label: ownFieldTexts[path]!.label, value });
  if (w.hasSimilarPurchases !== undefined) row('value', 'wizard.hasSimilarPurchases', w.hasSimilarPurchases ? { sv: 'Ja', en: 'Yes' } : { sv: 'Nej', en: 'No' });
  const basis = valueBasisOptions.find((o) => o.value === w.valueBasis);
  if (basis) row('value', 'wizard.valueBasis', basis.label);
  if (w.valueBasis === 'total' && w.contractSek !== undefined) row('value', 'wizard.contractSek', { sv: formatValue(w.contractSek, 'sek', 'sv'), en: formatValue(w.contractSek, 'sek', 'en') });
  const payment = paymentBasisOptions.find((o) => o.value === w.paymentBasis);
  if (payment) row('partnership', 'wizard.paymentBasis', payment.label);
  return rows;
}

/** The answers as labelled rows in the order the guide asks them. */
export function answerRows(ruleset: Ruleset, answers: DraftAnswers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const step of questionStepIds) {
    for (const path of stepFields[step]) {
      const value = readPath(answers, path);
      if (value === undefined || value === '') continue;
      rows.push({
        step,
        path,
        label: fieldLabel(ruleset, path),
        value: { sv: shownValue(ruleset, path, value, 'sv'), en: shownValue(ruleset, path, value, 'en') },
      });
    }
  }
  return rows;
}
