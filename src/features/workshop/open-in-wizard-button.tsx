import { browserRuleset } from '../../rules-data/browser-ruleset';
import { useI18n } from './workshop-i18n';
import type { VisibleFields } from '../../guide/relevance';
import { hasDraftInProgress, scenarioDraft, storeScenarioDraft } from './scenarios/scenario-draft';
import type { Scenario } from '../../scenarios/scenario-schema';

/**
 * Opens the scenario in the guide, pre-filled: it becomes the guide's saved draft (what the guide resumes from,
 * as after an import), and the guide opens on the review with the live verdicts.
 */
export function OpenInWizardButton({ scenario, visibleFields }: { scenario: Scenario; visibleFields: VisibleFields }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        if (
          hasDraftInProgress() &&
          !window.confirm(
            t({
              sv: 'Guiden har redan ett utkast i den här webbläsaren. Ersätta det med scenariot?',
              en: 'The guide already holds a draft in this browser. Replace it with the scenario?',
            }),
          )
        ) {
          return;
        }
        storeScenarioDraft(scenarioDraft(browserRuleset, scenario, visibleFields));
        window.location.hash = '#/';
      }}
    >
      {t({ sv: 'Öppna i guiden', en: 'Open in the guide' })}
    </button>
  );
}
