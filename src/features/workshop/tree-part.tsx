import { useI18n } from '../../i18n/i18n';
import { DecisionTree } from './decision-tree';
import type { JudgedScenario } from './scenario-outcome';

/** The decision tree drawn from the rules, with the scenario's path through it marked. */
export function TreePart({ judged }: { judged: JudgedScenario }) {
  const { t } = useI18n();
  return (
    <div className="tree-part" data-scenario={judged.scenario.id}>
      <p>
        {t({
          sv: 'Trädet visar guidens frågor och varje vägs regler, ritat ur reglerna själva. Scenariots svar är markerade: vilka steg de går igenom och vilka regler som håller eller inte.',
          en: "The tree shows the guide's questions and each route's rules, drawn from the rules themselves. The scenario's answers are marked: the steps they pass through and which rules hold or not.",
        })}
      </p>
      <DecisionTree answers={judged.scenario.answers} headingLevel={4} />
    </div>
  );
}
