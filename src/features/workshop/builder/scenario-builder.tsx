import { useId, useMemo, useState } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { organisationIds, type SeedOrganisationId } from '../../../engine/answers-schema';
import type { Ruleset } from '../../../engine/ruleset';
import { totalValue } from '../../../guide/form-schema';
import type { VisibleFields } from '../../../guide/relevance';
import type { Scenario } from '../scenarios/scenario-schema';
import { useI18n } from '../workshop-i18n';
import { workshopHash } from '../workshop-route';
import { checkScenario, scenarioFile, withEngineKey, type ScenarioProblem } from './check-scenario';
import { ScenarioStoredStatus } from './scenario-stored-status';
import { saveCustomScenario } from './custom-scenarios';
import { buyerName } from '../../../engine/buyers';
import { downloadText } from '../../../document/download';

type Form = {
  id: string;
  titleSv: string;
  titleEn: string;
  storySv: string;
  storyEn: string;
  organisation: SeedOrganisationId;
  decisionDate: string;
  annualSek: string;
  years: string;
  sharePercent: string;
};

const sek = (n: number | undefined) => (n === undefined ? '' : String(n));
/** "300 000", "300000" or "1,5" as a number; null when it is not one. */
function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function fromScenario(s: Scenario): Form {
  return {
    id: `${s.id}-egen`,
    titleSv: `${s.title.sv} (egen version)`,
    titleEn: `${s.title.en} (own version)`,
    storySv: s.story.sv,
    storyEn: s.story.en,
    organisation: s.organisation,
    decisionDate: s.answers.decisionDate,
    annualSek: sek(s.answers.value?.annualSek ?? s.answers.value?.totalSek),
    years: sek(s.answers.contract?.years ?? 1),
    sharePercent: s.answers.supplier?.disadvantagedShare === undefined ? '' : String(Math.round(s.answers.supplier.disadvantagedShare * 100)),
  };
}

/** The form's scenario, or the fields that are wrong. The answer key and what-ifs come from the engine. */
function toScenario(base: Scenario, form: Form): { scenario: Scenario | null; fieldErrors: Partial<Record<keyof Form, string>> } {
  const fieldErrors: Partial<Record<keyof Form, string>> = {};
  const annual = parseNumber(form.annualSek);
  const years = parseNumber(form.years);
  const share = form.sharePercent === '' ? null : parseNumber(form.sharePercent);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(form.id)) fieldErrors.id = 'Id:t får bara ha små bokstäver a–z, siffror och bindestreck, t.ex. fruktkorgar-motala.';
  if (annual === null) fieldErrors.annualSek = 'Skriv värdet i kronor med siffror, t.ex. 300 000.';
  if (years === null || years <= 0 || years > 50) fieldErrors.years = 'Skriv avtalstiden i år, t.ex. 3 (högst 50).';
  if (form.sharePercent !== '' && (share === null || share > 100)) fieldErrors.sharePercent = 'Skriv andelen i procent, 0–100.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.decisionDate)) fieldErrors.decisionDate = 'Skriv datumet som ÅÅÅÅ-MM-DD.';
  for (const f of ['titleSv', 'titleEn', 'storySv', 'storyEn'] as const) if (form[f].trim() === '') fieldErrors[f] = 'Fältet får inte vara tomt.';
  if (Object.keys(fieldErrors).length > 0) return { scenario: null, fieldErrors };
  const { basedOn: _basedOn, ...rest } = base;
  void _basedOn;
  const contract = { ...base.answers.contract, years: years! };
  const value = { ...base.answers.value, annualSek: annual! };
  const total = totalValue({ annualSek: value.annualSek, years: contract.years, optionsSek: value.optionsSek, similarPurchasesSek: value.similarPurchasesSek })!;
  const supplier = base.answers.supplier && share !== null ? { ...base.answers.supplier, disadvantagedShare: share / 100 } : base.answers.supplier;
  const scenario: Scenario = {
    ...rest,
    id: form.id,
    title: { sv: form.titleSv.trim(), en: form.titleEn.trim() },
    story: { sv: form.storySv.trim(), en: form.storyEn.trim() },
    summary: { sv: form.titleSv.trim(), en: form.titleEn.trim() },
    organisation: form.organisation,
    answers: { ...base.answers, organisation: form.organisation, decisionDate: form.decisionDate, value: { ...value, totalSek: total }, contract, ...(supplier ? { supplier } : {}) },
  };
  return { scenario, fieldErrors };
}

/**
 * The scenario builder: a copy of a scenario with its story, organisation and numbers changed. The answer key is
 * never typed: it is the engine's for the changed answers, checked as the built-in scenarios are, before the
 * trainer saves it in this browser or exports it as a file for a colleague.
 */
export function ScenarioBuilder({ ruleset, visibleFields, base, builtInIds }: { ruleset: Ruleset; visibleFields: VisibleFields; base: Scenario; builtInIds: readonly string[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [form, setForm] = useState<Form>(() => fromScenario(base));
  const [saved, setSaved] = useState<string | null>(null);
  const { scenario, fieldErrors } = useMemo(() => toScenario(base, form), [base, form]);
  const checked = useMemo(() => {
    if (!scenario) return null;
    const keyed = withEngineKey(ruleset, visibleFields, scenario);
    return { keyed, result: checkScenario(ruleset, visibleFields, keyed, builtInIds) };
  }, [ruleset, visibleFields, scenario, builtInIds]);
  const problems: ScenarioProblem[] = checked && !checked.result.ok ? checked.result.problems : [];
  const ready = checked?.result.ok ? checked.result.scenario : null;

  const field = (name: keyof Form, label: string, props: { multiline?: boolean; inputMode?: 'numeric' | 'decimal'; help?: string } = {}) => {
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
            {error}
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
          {field('decisionDate', t({ sv: 'Beslutsdatum (ÅÅÅÅ-MM-DD)', en: 'Decision date (YYYY-MM-DD)' }))}
          {field('annualSek', t({ sv: 'Värde per år exklusive moms (kr)', en: 'Value per year excluding VAT (SEK)' }), { inputMode: 'numeric' })}
          {field('years', t({ sv: 'Avtalstid med förlängningar (år)', en: 'Contract term with extensions (years)' }), { inputMode: 'decimal' })}
          {base.answers.supplier?.disadvantagedShare !== undefined
            ? field('sharePercent', t({ sv: 'Andel som står långt från arbetsmarknaden (%)', en: 'Share far from the labour market (%)' }), { inputMode: 'numeric' })
            : null}
        </form>
        <div className="scenario-builder__result" aria-labelledby={`${id}-key`}>
          <h3 id={`${id}-key`}>{t({ sv: 'Facit enligt reglerna', en: 'The answer key by the rules' })}</h3>
          {checked ? (
            <ul className="scenario-builder__key" data-testid="builder-key">
              {judgeRoutes(checked.keyed).map(([route, verdict]) => (
                <li key={route} data-route={route} data-verdict={verdict}>
                  {t(ruleset.routes[route].name)}: <VerdictBadge verdict={verdict} lang={lang} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t({ sv: 'Rätta fälten till vänster så räknas facit fram.', en: 'Correct the fields on the left and the key is computed.' })}</p>
          )}
          {checked ? (
            <p>
              {t({
                sv: `Värde över hela löptiden: ${checked.keyed.answers.value?.totalSek ?? 0} kr. Tänk om-förslag som fortfarande ändrar en väg: ${checked.keyed.whatIfs?.length ?? 0}.`,
                en: `Value over the whole term: SEK ${checked.keyed.answers.value?.totalSek ?? 0}. What-if suggestions that still change a route: ${checked.keyed.whatIfs?.length ?? 0}.`,
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
