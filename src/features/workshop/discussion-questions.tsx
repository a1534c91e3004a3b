import { useI18n } from './workshop-i18n';
import type { Scenario } from '../../scenarios/scenario-schema';

/** A scenario's questions for the group to discuss, if it has any. */
export function DiscussionQuestions({ scenario }: { scenario: Pick<Scenario, 'discussion'> }) {
  const { t } = useI18n();
  if (!scenario.discussion || scenario.discussion.length === 0) return null;
  return (
    <>
      <h6>{t({ sv: 'Att diskutera', en: 'To discuss' })}</h6>
      <ul>
        {scenario.discussion.map((q, i) => (
          <li key={i}>{t(q)}</li>
        ))}
      </ul>
    </>
  );
}
