import { useId, useState } from 'react';
import type { Answers, RouteId } from '../../engine/answers-schema';
import type { Outcome } from '../../engine/outcome';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import type { DecisionRecord, RouteVerdicts } from '../../shared/decision-record';
import { useSaveDecision } from './api/save-decision';
import { apiErrorText } from './api-error-text';
import { WithQueryClient } from './with-query-client';

export type SaveDecisionButtonProps = {
  answers: Answers;
  outcome: Outcome;
  chosenRoute: RouteId | null;
  justification: string;
  deviationReason?: string | undefined;
  /** The id of an earlier record this decision corrects. */
  corrects?: number | undefined;
  /** Told the record the register made, so the decision document can carry its number. */
  onSaved?: ((record: DecisionRecord) => void) | undefined;
};

/**
 * Saves the decision on the recommendation page to the register. The server evaluates the answers
 * again and refuses the record if its verdicts differ, so what is stored is what the engine said.
 */
export function SaveDecisionButton({ answers, outcome, chosenRoute, justification, deviationReason, corrects, onSaved }: SaveDecisionButtonProps) {
  const { t } = useI18n();
  const id = useId();
  const save = useSaveDecision();
  const [problem, setProblem] = useState<Localized | null>(null);

  const onSave = () => {
    const recommended = outcome.recommendation.route;
    if (!chosenRoute) return setProblem({ sv: 'Vald väg saknas: välj väg innan du sparar.', en: 'Chosen route is missing: choose a route before saving.' });
    if (!justification.trim()) return setProblem({ sv: 'Motivering saknas: skriv varför vägen valdes.', en: 'Justification is missing: write why the route was chosen.' });
    if (recommended && chosenRoute !== recommended && !deviationReason?.trim()) {
      return setProblem({ sv: 'Skäl att avvika saknas: du har valt en annan väg än den rekommenderade.', en: 'Reason for deviating is missing: you chose another route than the recommended one.' });
    }
    setProblem(null);
    save.mutate({
      answers,
      rulesetHash: outcome.rulesetHash,
      verdicts: Object.fromEntries(outcome.routes.map((r) => [r.route, r.verdict])) as RouteVerdicts,
      recommendedRoute: recommended,
      chosenRoute,
      justification,
      ...(deviationReason?.trim() ? { deviationReason } : {}),
      ...(corrects ? { corrects } : {}),
    }, { onSuccess: (record) => onSaved?.(record) });
  };

  const error = problem ?? (save.isError ? apiErrorText(save.error) : null);
  return (
    <div className="save-decision">
      <button type="button" onClick={onSave} disabled={save.isPending} aria-describedby={`${id}-status`}>
        {save.isPending ? t({ sv: 'Sparar…', en: 'Saving…' }) : t({ sv: 'Spara i beslutsregistret', en: 'Save to the decision register' })}
      </button>
      <div id={`${id}-status`} aria-live="polite" className="save-decision__status">
        {error ? (
          <p role="alert" className="field__error">
            {t(error)}
          </p>
        ) : save.isSuccess ? (
          <p>
            {t({ sv: `Sparat som beslut nr ${save.data.id}. `, en: `Saved as decision no. ${save.data.id}. ` })}
            <a href="#/register">{t({ sv: 'Öppna beslutsregistret', en: 'Open the decision register' })}</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The button with the register's query client, for pages outside the register. */
export function SaveDecisionButtonWithClient(props: SaveDecisionButtonProps) {
  return (
    <WithQueryClient>
      <SaveDecisionButton {...props} />
    </WithQueryClient>
  );
}
