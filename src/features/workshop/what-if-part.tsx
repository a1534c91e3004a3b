import type { Ruleset } from '../../engine/ruleset';
import { useI18n } from './workshop-i18n';
import type { JudgedScenario } from './scenario-outcome';
import { WhatIfPanel } from './what-if';
import { WhatIfSuggestions } from './what-if-suggestions';

/** What-if for a scenario: its own suggestions to guess at, then the what-if panel starting from the scenario's answers. */
export function WhatIfPart({ ruleset, judged, organisationLabel }: { ruleset: Ruleset; judged: JudgedScenario; organisationLabel: string }) {
  const { t } = useI18n();
  return (
    <div className="what-if-part">
      <p>
        {t({
          sv: 'Ändra ett svar och se vilka vägar som öppnas eller stängs, och varför. Låt gruppen gissa först.',
          en: 'Change one answer and see which routes open or close, and why. Let the group guess first.',
        })}
      </p>
      <WhatIfSuggestions ruleset={ruleset} judged={judged} />
      <WhatIfPanel baseAnswers={judged.scenario.answers} organisationLabel={organisationLabel} headingLevel={4} />
    </div>
  );
}
