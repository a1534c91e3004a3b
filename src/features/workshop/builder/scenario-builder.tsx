import { useEffect, useId, useMemo, useState } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { organisationIds, type SeedOrganisationId } from '../../../engine/answers-schema';
import type { Ruleset } from '../../../engine/ruleset';
import type { VisibleFields } from '../../../guide/relevance';
import type { Scenario } from '../../../scenarios/scenario-schema';
import { useI18n } from '../workshop-i18n';
import { workshopHash } from '../workshop-route';
import { checkScenario, scenarioFile, withEngineKey, type ScenarioProblem } from './check-scenario';
import { ScenarioStoredStatus } from './scenario-stored-status';
import { saveCustomScenario } from './custom-scenarios';
import { buyerName } from '../../../engine/buyers';
import { downloadText } from '../../../document/download';
import { formatValue } from '../../../engine/format';
import { coveredDates } from '../../../engine/covered-dates';
import { clearBuilderDraft, formFromScenario, loadBuilderDraft, readBuilderForm, saveBuilderDraft, type BuilderForm } from './builder-form';

/**
 * The scenario builder: a copy of a scenario with its story, organisation and numbers changed. The answer key is
 * never typed: it is the engine's for the changed answers, checked as the built-in scenarios are, before the
 * trainer saves it in this browser or exports it as a file for a colleague.
 */
export function ScenarioBuilder({ ruleset, visibleFields, base, builtInIds }: { ruleset: Ruleset; visibleFields: VisibleFields; base: Scenario; builtInIds: readonly string[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const covered = useMemo(() => coveredDates(ruleset), [ruleset]);
  const original = useMemo(() => formFromScenario(base), [base]);
  const [restored, setRestored] = useState(() => loadBuilderDraft(base.id) !== null);
  const [form, setForm] = useState<BuilderForm>(() => loadBuilderDraft(base.id) ?? original);
  const [saved, setSaved] = useState<string | null>(null);
  // Every keystroke is kept, wrong or not: the draft is what was typed, never a scenario.
  useEffect(() => {
    if (JSON.stringify(form) === JSON.stringify(original)) clearBuilderDraft(base.id);
    else saveBuilderDraft(base.id, form);
  }, [base.id, form, original]);
  const { scenario, fieldErrors } = useMemo(() => readBuilderForm(ruleset, base, form), [ruleset, base, form]);
  const checked = useMemo(() => {
    if (!scenario) return null;
    try {
      const keyed = withEngineKey(ruleset, visibleFields, scenario);
      return { keyed, result: checkScenario(ruleset, visibleFields, keyed, builtInIds) };
    } catch {
      // The fields are read as the guide reads them, so the engine should not refuse them; if it does, the trainer
      // reads why instead of a blank page.
      return { keyed: null, result: { ok: false as const, problems: [{ path: 'answers', message: 'kan inte bedömas med reglerna: kontrollera datumet och siffrorna' }] } };
    }
  }, [ruleset, visibleFields, scenario, builtInIds]);
  const problems: ScenarioProblem[] = checked && !checked.result.ok ? checked.result.problems : [];
  const ready = checked?.result.ok ? checked.result.scenario : null;
  const keyed = checked?.keyed ?? null;

  const field = (name: keyof BuilderForm, label: string, props: { multiline?: boolean; inputMode?: 'numeric' | 'decimal'; help?: string } = {}) => {
    const error = fieldErrors[name];
    const describedBy = [error ? `${id}-${name}-error` : null, props.help ? `${id}-${name}-help` : null].filter(Boolean).join(' ') || undefined;
    const common = {
      id: `${id}-${name}`,
      value: form[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      onChange: (event: { target: { value: string } }) => {
        setSaved(null);
        setForm({ ...form, [name]: event.target.value });
      },
    };
    return (
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-${name}`} className="field__label">
          {label}
        </label>
        {props.multiline ? <textarea rows={6} {...common} /> : <input type="text" inputMode={props.inputMode} {...common} />}
        {error ? (
          <p id={`${id}-${name}-error`} className="field__error">
            {t(error)}
          </p>
        ) : null}
        {props.help ? (
          <p id={`${id}-${name}-help`} className="field__hint">
            {props.help}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="scenario-builder" aria-labelledby={`${id}-heading`}>
      <p>
        <a href={workshopHash({ view: 'scenario', id: base.id, part: 'group' })}>{t({ sv: '← Tillbaka till scenariot', en: '← Back to the scenario' })}</a>
      </p>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t({ sv: 'Bygg ett eget scenario', en: 'Build your own scenario' })}
      </h2>
      <p>
        {t({
          sv: `En kopia av "${base.title.sv}". Ändra berättelsen, organisationen och siffrorna; facit räknas fram av reglerna och kontrolleras som de inbyggda scenariernas.`,
          en: `A copy of "${base.title.en}". Change the story, the organisation and the numbers; the answer key is computed by the rules and checked as the built-in scenarios' are.`,
        })}
      </p>
      {restored ? (
        <div className="notice" data-testid="builder-draft-restored">
          <p>
            {t({
              sv: 'Det du skrev senast i den här webbläsaren är tillbaka. Inget är sparat som scenario förrän du väljer Spara.',
              en: 'What you last typed in this browser is back. Nothing is saved as a scenario until you choose Save.',
            })}
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              clearBuilderDraft(base.id);
              setSaved(null);
              setRestored(false);
              setForm(original);
            }}
          >
            {t({ sv: 'Börja om från scenariot', en: 'Start again from the scenario' })}
          </button>
        </div>
      ) : null}
      <div className="scenario-builder__layout">
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          {field('id', t({ sv: 'Id (filnamn)', en: 'Id (file name)' }))}
          {field('titleSv', 'Titel (svenska)')}
          {field('titleEn', 'Title (English)')}
          {field('storySv', 'Berättelse (svenska)', { multiline: true })}
          {field('storyEn', 'Story (English)', { multiline: true })}
          <div className="field">
            <label htmlFor={`${id}-organisation`} className="field__label">
              {t({ sv: 'Organisation', en: 'Organisation' })}
            </label>
            <select
              id={`${id}-organisation`}
              value={form.organisation}
              onChange={(event) => {
                setSaved(null);
                setForm({ ...form, organisation: event.target.value as SeedOrganisationId });
              }}
            >
              {organisationIds.map((org) => (
                <option key={org} value={org}>
                  {buyerName(ruleset, org, lang)}
                </option>
              ))}
            </select>
          </div>
          {field('decisionDate', t({ sv: 'Beslutsdatum (ÅÅÅÅ-MM-DD)', en: 'Decision date (YYYY-MM-DD)' }), {
            help: covered.to
              ? t({ sv: `Regelverket bedömer beslut från ${covered.from} till och med ${covered.to}.`, en: `The rule set judges decisions from ${covered.from} up to ${covered.to}.` })
              : t({ sv: `Regelverket bedömer beslut från och med ${covered.from}.`, en: `The rule set judges decisions from ${covered.from}.` }),
          })}
          {field('annualSek', t({ sv: 'Värde per år exklusive moms (kr)', en: 'Value per year excluding VAT (SEK)' }), { inputMode: 'numeric' })}
          {field('years', t({ sv: 'Avtalstid med förlängningar (år)', en: 'Contract term with extensions (years)' }), { inputMode: 'decimal' })}
          {base.answers.supplier?.disadvantagedShare !== undefined
            ? field('sharePercent', t({ sv: 'Andel som står långt från arbetsmarknaden (%)', en: 'Share far from the labour market (%)' }), { inputMode: 'numeric' })
            : null}
        </form>
        <div className="scenario-builder__result" aria-labelledby={`${id}-key`}>
          <h3 id={`${id}-key`}>{t({ sv: 'Facit enligt reglerna', en: 'The answer key by the rules' })}</h3>
          {keyed ? (
            <ul className="scenario-builder__key" data-testid="builder-key">
              {judgeRoutes(keyed).map(([route, verdict]) => (
                <li key={route} data-route={route} data-verdict={verdict}>
                  {t(ruleset.routes[route].name)}: <VerdictBadge verdict={verdict} lang={lang} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t({ sv: 'Rätta fälten till vänster så räknas facit fram.', en: 'Correct the fields on the left and the key is computed.' })}</p>
          )}
          {keyed ? (
            <p data-testid="builder-total">
              {t({
                sv: `Värde över hela löptiden: ${formatValue(keyed.answers.value?.totalSek ?? 0, 'sek', 'sv')}. Tänk om-förslag som fortfarande ändrar en väg: ${keyed.whatIfs?.length ?? 0}.`,
                en: `Value over the whole term: ${formatValue(keyed.answers.value?.totalSek ?? 0, 'sek', 'en')}. What-if suggestions that still change a route: ${keyed.whatIfs?.length ?? 0}.`,
              })}
            </p>
          ) : null}
          {problems.length > 0 ? (
            <div role="alert" className="notice notice--warning">
              <p>{t({ sv: 'Scenariot klarar inte kontrollen:', en: 'The scenario does not pass the check:' })}</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.path}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="scenario-builder__actions">
            <button
              type="button"
              className="button"
              disabled={!ready}
              onClick={() => {
                saveCustomScenario(ready!);
                setSaved(ready!.id);
              }}
            >
              {t({ sv: 'Spara i den här webbläsaren', en: 'Save in this browser' })}
            </button>
            <button type="button" className="button button--secondary" disabled={!ready} onClick={() => downloadText(`${ready!.id}.yaml`, scenarioFile(ready!), 'application/yaml')}>
              {t({ sv: 'Exportera som fil', en: 'Export as a file' })}
            </button>
          </div>
          <ScenarioStoredStatus id={saved} done={{ sv: 'Sparat. ', en: 'Saved. ' }} />
        </div>
      </div>
    </section>
  );
}

function judgeRoutes(scenario: Scenario) {
  return Object.entries(scenario.answerKey) as Array<[keyof Scenario['answerKey'] & string, Scenario['answerKey'][keyof Scenario['answerKey']] & string]>;
}
