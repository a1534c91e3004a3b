import { useI18n } from '../../i18n/i18n';
import type { JudgedScenario } from './scenario-outcome';

/** The decision tree drawn from the rules, with the scenario's path through it. */
export function TreePart({ judged }: { judged: JudgedScenario }) {
  const { t } = useI18n();
  return (
    <div className="tree-part" data-scenario={judged.scenario.id}>
      <p>{t({ sv: 'Beslutsträdet visar de frågor som avgör varje väg, ritat ur reglerna själva.', en: 'The decision tree shows the questions that decide each route, drawn from the rules themselves.' })}</p>
    </div>
  );
}
