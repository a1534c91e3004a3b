import { useCallback, useMemo } from 'react';
import type { DecisionSheet, SheetRecord } from '../../document/decision-sheet';
import { sheetForDecision } from '../../document/sheet-for';
import { contentHash } from '../../engine/canonical-hash';
import type { Decision } from '../../guide/decision';
import type { SavedRecord } from '../../guide/draft';
import { receiptSchema } from '../../shared/receipt';
import { decisionMakerFields } from '../../shared/decision-maker';
import { useI18n } from '../../i18n/i18n';
import { useDecision, useWizard } from './wizard-provider';

/** What a saved record was saved from: once an answer or the decision changes, the document is no longer that record. */
export const savedFrom = (decision: Decision): string =>
  contentHash([
    decision.answers,
    decision.chosenRoute,
    decision.draft.decision.justification ?? '',
    decision.draft.decision.deviationReason ?? '',
    decisionMakerFields(decision.draft.decision),
    decision.draft.wizard.similarCheck ?? null,
  ]);

/** The register's answer as the draft keeps it: only what the document prints, with a receipt the guide can read. */
export function toSavedRecord(record: SheetRecord, from: string): SavedRecord {
  const receipt = receiptSchema.safeParse(record.receipt);
  const role = record.savedBy.role as SavedRecord['savedBy']['role'];
  return { from, id: record.id, savedBy: { user: record.savedBy.user, role }, recordedAt: record.recordedAt, hash: record.hash, ...(receipt.success ? { receipt: receipt.data } : {}) };
}

/**
 * The record the register made of this decision, while the decision is still the one that was saved. It is kept in
 * the draft (local storage), so a reload or the next day's visit prints the same number and receipt as before it.
 * `onRead` takes the register's current copy of that record (a receipt that has since been signed into a checkpoint).
 */
export function useSavedRecord(): { record: SavedRecord | null; onSaved: (record: SheetRecord) => void; onRead: (record: SheetRecord) => void } {
  const { actor } = useWizard();
  const decision = useDecision();
  const from = savedFrom(decision);
  const kept = decision.draft.wizard.savedRecord;
  const record = kept && kept.from === from ? kept : null;
  const onSaved = useCallback(
    (saved: SheetRecord) => {
      const wizard = actor.getSnapshot().context.draft.wizard;
      const savedAs = wizard.savedAs ?? [];
      actor.send({ type: 'EDIT', values: {}, wizard: { savedRecord: toSavedRecord(saved, from), savedAs: savedAs.includes(saved.id) ? savedAs : [...savedAs, saved.id] } });
    },
    [actor, from],
  );
  const onRead = useCallback(
    (read: SheetRecord) => {
      const current = actor.getSnapshot().context.draft.wizard.savedRecord;
      // Only the same record (same number and hash) replaces the kept one; anything else is not this decision.
      if (!current || current.from !== from || current.id !== read.id || current.hash !== read.hash) return;
      const fresh = toSavedRecord(read, from);
      if (JSON.stringify(fresh) !== JSON.stringify(current)) actor.send({ type: 'EDIT', values: {}, wizard: { savedRecord: fresh } });
    },
    [actor, from],
  );
  return { record, onSaved, onRead };
}

/** The guide's decision as the document, in the reader's language. */
export function useDecisionSheet(record: SheetRecord | null): DecisionSheet {
  const { ruleset } = useWizard();
  const { lang } = useI18n();
  const decision = useDecision();
  return useMemo(() => sheetForDecision(ruleset, decision, lang, record), [ruleset, decision, lang, record]);
}
