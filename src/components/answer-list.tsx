import { useI18n } from '../i18n/i18n';
import type { AnswerRow } from '../guide/decision';

/** Answers as question and answer pairs, as the decision document and the workshop's answer key show them. */
export function AnswerList({ rows }: { rows: readonly AnswerRow[] }) {
  const { t } = useI18n();
  return (
    <dl className="answers">
      {rows.map((r) => (
        <div key={r.path}>
          <dt>{t(r.label)}</dt>
          <dd>{t(r.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
