import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../workshop-i18n';
import { workshopHash } from '../workshop-route';

/** The live line after a scenario was saved or loaded: what happened, and a link to the scenario. */
export function ScenarioStoredStatus({ id, done }: { id: string | null; done: Localized }) {
  const { t } = useI18n();
  return (
    <p role="status">
      {id ? (
        <>
          {t(done)}
          <a href={workshopHash({ view: 'scenario', id, part: 'group' })}>{t({ sv: 'Öppna scenariot', en: 'Open the scenario' })}</a>
        </>
      ) : null}
    </p>
  );
}
