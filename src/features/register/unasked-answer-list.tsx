import { AnswerList } from '../../components/answer-list';
import { answerRows } from '../../guide/decision';
import { useI18n } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import type { UnaskedAnswers } from '../../shared/decision-record';

/** The answers a record keeps that the engine did not judge: given, then made irrelevant by a later answer. */
export function UnaskedAnswerList({ answers }: { answers: UnaskedAnswers }) {
  const { t } = useI18n();
  const rows = answerRows(browserRuleset, answers);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="record-unasked-heading" data-testid="record-unasked">
      <h4 id="record-unasked-heading">{t({ sv: 'Svar på frågor som inte längre behövdes (ingår inte i bedömningen)', en: 'Answers to questions no longer needed (not part of the assessment)' })}</h4>
      <AnswerList rows={rows} />
    </section>
  );
}
