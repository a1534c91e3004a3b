import { useId, useState } from 'react';
import type { Ruleset } from '../../../engine/ruleset';
import type { VisibleFields } from '../../../guide/relevance';
import type { Scenario } from '../../../scenarios/scenario-schema';
import { useI18n } from '../workshop-i18n';
import { workshopHash } from '../workshop-route';
import { readScenarioFile, type ScenarioProblem } from './check-scenario';
import { removeCustomScenario, saveCustomScenario } from './custom-scenarios';
import { ScenarioStoredStatus } from './scenario-stored-status';
import { buyerName } from '../../../engine/buyers';

/** The trainer's own scenarios in the library, and importing one from a colleague's file (checked before it is kept). */
export function CustomLibrary({ ruleset, visibleFields, custom, builtInIds }: { ruleset: Ruleset; visibleFields: VisibleFields; custom: readonly Scenario[]; builtInIds: readonly string[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [problems, setProblems] = useState<{ file: string; list: ScenarioProblem[] } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  return (
    <section className="scenario-library__group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t({ sv: 'Egna scenarier', en: 'Your own scenarios' })}</h3>
      <p>
        {t({
          sv: 'Gör en egen version av ett scenario med knappen "Gör en egen version" i scenariot, eller läs in en fil från en kollega. Egna scenarier sparas bara i den här webbläsaren.',
          en: 'Make your own version of a scenario with "Make your own version" in the scenario, or load a file from a colleague. Your own scenarios are kept in this browser only.',
        })}
      </p>
      {custom.length > 0 ? (
        <ul className="scenario-list">
          {custom.map((s) => (
            <li key={s.id} className="scenario-card" data-scenario={s.id}>
              <h4 className="scenario-card__title">
                <a href={workshopHash({ view: 'scenario', id: s.id, part: 'group' })}>{t(s.title)}</a>
              </h4>
              <p className="scenario-card__meta">
                {buyerName(ruleset, s.organisation, lang)} · {s.answers.decisionDate}
              </p>
              <button type="button" className="button button--small button--secondary" onClick={() => removeCustomScenario(s.id)}>
                {t({ sv: `Ta bort ${s.title.sv}`, en: `Remove ${s.title.en}` })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-file`} className="field__label">
          {t({ sv: 'Läs in ett scenario från en fil (.yaml)', en: 'Load a scenario from a file (.yaml)' })}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,.json,application/yaml,application/json"
          aria-describedby={problems ? `${id}-problems` : undefined}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            setImported(null);
            const result = readScenarioFile(ruleset, visibleFields, await file.text(), builtInIds);
            if (result.ok) {
              saveCustomScenario(result.scenario);
              setProblems(null);
              setImported(result.scenario.id);
            } else setProblems({ file: file.name, list: result.problems });
          }}
        />
      </div>
      {problems ? (
        <div id={`${id}-problems`} role="alert" className="notice notice--warning">
          <p>{t({ sv: `${problems.file} kunde inte läsas in – inget sparades:`, en: `${problems.file} could not be loaded – nothing was saved:` })}</p>
          <ul>
            {problems.list.map((p, i) => (
              <li key={i}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScenarioStoredStatus id={imported} done={{ sv: 'Inläst. ', en: 'Loaded. ' }} />
    </section>
  );
}
