import { useI18n } from './workshop-i18n';
import { DecisionTree } from './decision-tree';
import { RoomTree } from './room-tree/room-tree';
import type { JudgedScenario } from './scenario-outcome';
import { workshopHash } from './workshop-route';

/** The decision tree for the room (one decisive question per node), then the full tree drawn from the rules with the scenario's path marked. */
export function TreePart({ judged }: { judged: JudgedScenario }) {
  const { t } = useI18n();
  return (
    <div className="tree-part" data-scenario={judged.scenario.id}>
      <RoomTree outcome={judged.outcome} headingLevel={4} />
      <p className="no-print">
        <a href={workshopHash({ view: 'wall', id: judged.scenario.id })}>{t({ sv: 'De avgörande frågorna på ett A3-ark för väggen', en: 'The decisive questions on one A3 sheet for the wall' })}</a>
      </p>
      <h4>{t({ sv: 'Hela trädet', en: 'The whole tree' })}</h4>
      <p>
        {t({
          sv: 'Trädet visar guidens frågor och varje vägs regler, ritat ur reglerna själva. Scenariots svar är markerade: vilka steg de går igenom och vilka regler som håller eller inte.',
          en: "The tree shows the guide's questions and each route's rules, drawn from the rules themselves. The scenario's answers are marked: the steps they pass through and which rules hold or not.",
        })}
      </p>
      <DecisionTree answers={judged.scenario.answers} headingLevel={5} />
    </div>
  );
}
