import { buyerName } from '../engine/buyers';
import type { Lang } from '../engine/format';
import type { Outcome } from '../engine/outcome';
import type { Ruleset } from '../engine/ruleset';
import { answerRows, type Decision } from '../guide/decision';
import type { DecisionRecord } from '../shared/decision-record';
import { decidedByText, decisionMakerFields } from '../shared/decision-maker';
import { buildDecisionSheet, type DecisionSheet, type SheetRecord } from './decision-sheet';
import { citeSource } from '../engine/evaluate';
import type { CitedSource } from '../engine/outcome';
import { similarPurchaseSources } from '../guide/similar-purchase-words';
import { recordedCheck } from '../guide/similar-purchases';

const similarSources = (ruleset: Ruleset): CitedSource[] => similarPurchaseSources.flatMap((ref) => citeSource(ruleset, ref) ?? []);

const organisationName = (ruleset: Ruleset) => (id: string, lang: Lang) => buyerName(ruleset, id, lang);

/** The guide's decision as a document; `record` once it is saved in the register. */
export function sheetForDecision(ruleset: Ruleset, decision: Decision, lang: Lang, record?: SheetRecord | null, now?: Date): DecisionSheet {
  // Only what would be filed: a name without its title, or a diarienummer too long, leaves the line blank on paper.
  const { decidedBy, diarienummer } = decisionMakerFields(decision.draft.decision);
  return buildDecisionSheet({
    lang,
    ruleset: { version: ruleset.version, hash: ruleset.hash, organisationName: organisationName(ruleset) },
    answers: decision.answers,
    outcome: decision.outcome,
    rows: decision.rows,
    unaskedRows: decision.unaskedRows,
    decision: { ...decision.draft.decision, chosenRoute: decision.chosenRoute },
    similar: { check: recordedCheck(decision.draft, decision.answers), sources: similarSources(ruleset) },
    record,
    decidedBy: decidedBy ? decidedByText(decidedBy) : null,
    diarienummer: diarienummer ?? null,
    ...(now ? { now } : {}),
  });
}

/**
 * A saved record as a document: its own rule-set version and hash and the outcome under that rule set (the
 * register's trail); the current rule set only names the organisations and labels the answers.
 */
export function sheetForRecord(ruleset: Ruleset, record: DecisionRecord, outcome: Outcome | null, lang: Lang, now?: Date): DecisionSheet {
  return buildDecisionSheet({
    lang,
    ruleset: { version: record.rulesetVersion, hash: record.rulesetHash, organisationName: organisationName(ruleset) },
    answers: record.answers,
    outcome,
    rows: answerRows(ruleset, record.answers),
    unaskedRows: record.unaskedAnswers ? answerRows(ruleset, record.unaskedAnswers as never) : [],
    decision: { chosenRoute: record.chosenRoute, justification: record.justification, deviationReason: record.deviationReason },
    // A record saved before the check existed says nothing of it; one saved with it keeps what the guide found.
    ...(record.similarPurchases ? { similar: { check: record.similarPurchases, sources: similarSources(ruleset) } } : {}),
    record,
    // A record saved before these fields existed has neither: its page 1 keeps the blank lines.
    decidedBy: record.decidedBy ? decidedByText(record.decidedBy) : null,
    diarienummer: record.diarienummer ?? null,
    ...(now ? { now } : {}),
  });
}
