import { useCallback, useMemo, useState } from 'react';
import type { DecisionSheet, SheetRecord } from '../../document/decision-sheet';
import { sheetForDecision } from '../../document/sheet-for';
import type { Decision } from '../../guide/decision';
import { decisionMakerFields } from '../../shared/decision-maker';
import { useI18n } from '../../i18n/i18n';
import { useDecision, useWizard } from './wizard-provider';

/** What a saved record was saved from: once an answer or the decision changes, the document is no longer that record. */
const savedFrom = (decision: Decision) =>
  JSON.stringify([
    decision.answers,
    decision.chosenRoute,
    decision.draft.decision.justification ?? '',
    decision.draft.decision.deviationReason ?? '',
    decisionMakerFields(decision.draft.decision),
    decision.draft.wizard.similarCheck ?? null,
  ]);

/** The record the register made of this decision, while the decision is still the one that was saved. */
export function useSavedRecord(): { record: SheetRecord | null; onSaved: (record: SheetRecord) => void } {
  const decision = useDecision();
  const [saved, setSaved] = useState<{ record: SheetRecord; from: string } | null>(null);
  const from = savedFrom(decision);
  const onSaved = useCallback((record: SheetRecord) => setSaved({ record, from }), [from]);
  return { record: saved && saved.from === from ? saved.record : null, onSaved };
}

/** The guide's decision as the document, in the reader's language. */
export function useDecisionSheet(record: SheetRecord | null): DecisionSheet {
  const { ruleset } = useWizard();
  const { lang } = useI18n();
  const decision = useDecision();
  return useMemo(() => sheetForDecision(ruleset, decision, lang, record), [ruleset, decision, lang, record]);
}
