import type { Localized } from '../../../engine/ruleset-schema';
import { formatNumber } from '../../../engine/format';
import { organisationSchema, type SeedOrganisationId } from '../../../engine/answers-schema';
import type { Ruleset } from '../../../engine/ruleset';
import { totalValue, toText } from '../../../guide/form-schema';
import type { Scenario } from '../../../scenarios/scenario-schema';
import { parseWhatIfInput } from '../what-if/what-if';

/**
 * What the trainer types in the scenario builder, as text, and how it becomes a scenario: dates and numbers
 * are read by the guide's own readers with the guide's messages and limits (Swedish number forms, a date that
 * exists and that the rule set covers), so that the builder cannot judge a scenario the guide would refuse.
 */
export type BuilderForm = {
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

export type FieldErrors = Partial<Record<keyof BuilderForm, Localized>>;

const formKeys = ['id', 'titleSv', 'titleEn', 'storySv', 'storyEn', 'organisation', 'decisionDate', 'annualSek', 'years', 'sharePercent'] as const;

export function formFromScenario(s: Scenario): BuilderForm {
  const annual = s.answers.value?.annualSek ?? s.answers.value?.totalSek;
  const share = s.answers.supplier?.disadvantagedShare;
  return {
    id: `${s.id}-egen`,
    titleSv: `${s.title.sv} (egen version)`,
    titleEn: `${s.title.en} (own version)`,
    storySv: s.story.sv,
    storyEn: s.story.en,
    organisation: s.organisation,
    decisionDate: s.answers.decisionDate,
    annualSek: annual === undefined ? '' : formatNumber(annual, 'sv').replace(/\u00a0/g, ' '),
    years: toText('years', s.answers.contract?.years ?? 1),
    sharePercent: share === undefined ? '' : toText('percent', share),
  };
}

const idMessage: Localized = {
  sv: 'Id:t får bara ha små bokstäver a–z, siffror och bindestreck, t.ex. fruktkorgar-motala.',
  en: 'The id may only have small letters a–z, digits and hyphens, e.g. fruktkorgar-motala.',
};
const emptyMessage: Localized = { sv: 'Fältet får inte vara tomt.', en: 'The field must not be empty.' };
const tooLong = (max: number): Localized => ({ sv: `Texten är för lång: högst ${max} tecken.`, en: `The text is too long: at most ${max} characters.` });

/**
 * The form's scenario, or what is wrong at each field. The answer key and what-ifs are filled in by the engine
 * afterwards (check-scenario.ts); here only the trainer's own text is read.
 */
export function readBuilderForm(ruleset: Ruleset, base: Scenario, form: BuilderForm): { scenario: Scenario | null; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(form.id) || form.id.length > 80) fieldErrors.id = idMessage;
  for (const f of ['titleSv', 'titleEn'] as const) {
    if (form[f].trim() === '') fieldErrors[f] = emptyMessage;
    else if (form[f].length > 200) fieldErrors[f] = tooLong(200);
  }
  for (const f of ['storySv', 'storyEn'] as const) {
    if (form[f].trim() === '') fieldErrors[f] = emptyMessage;
    else if (form[f].length > 4000) fieldErrors[f] = tooLong(4000);
  }
  if (!organisationSchema.safeParse(form.organisation).success) fieldErrors.organisation = { sv: 'Välj en organisation.', en: 'Choose an organisation.' };
  const date = parseWhatIfInput(ruleset, 'decisionDate', form.decisionDate);
  if (!date.ok) fieldErrors.decisionDate = date.error;
  const annual = parseWhatIfInput(ruleset, 'value.totalSek', form.annualSek);
  if (!annual.ok) fieldErrors.annualSek = annual.error;
  const years = parseWhatIfInput(ruleset, 'contract.years', form.years);
  if (!years.ok) fieldErrors.years = years.error;
  const hasShare = base.answers.supplier?.disadvantagedShare !== undefined;
  const share = hasShare ? parseWhatIfInput(ruleset, 'supplier.disadvantagedShare', form.sharePercent) : null;
  if (share && !share.ok) fieldErrors.sharePercent = share.error;
  if (Object.keys(fieldErrors).length > 0 || !date.ok || !annual.ok || !years.ok || (share && !share.ok)) return { scenario: null, fieldErrors };

  const { basedOn: _basedOn, ...rest } = base;
  void _basedOn;
  const contract = { ...base.answers.contract, years: years.value as number };
  const value = { ...base.answers.value, annualSek: annual.value as number };
  const total = totalValue({ annualSek: value.annualSek, years: contract.years, optionsSek: value.optionsSek, similarPurchasesSek: value.similarPurchasesSek })!;
  const supplier = base.answers.supplier && share?.ok ? { ...base.answers.supplier, disadvantagedShare: share.value as number } : base.answers.supplier;
  const scenario: Scenario = {
    ...rest,
    id: form.id,
    title: { sv: form.titleSv.trim(), en: form.titleEn.trim() },
    story: { sv: form.storySv.trim(), en: form.storyEn.trim() },
    summary: { sv: form.titleSv.trim(), en: form.titleEn.trim() },
    organisation: form.organisation,
    answers: { ...base.answers, organisation: form.organisation, decisionDate: date.value as string, value: { ...value, totalSek: total }, contract, ...(supplier ? { supplier } : {}) },
  };
  return { scenario, fieldErrors };
}

/**
 * What the trainer has typed, kept in this browser per scenario copied while typing, so that a reload or a
 * closed tab does not lose it. Read back only if it has the form's shape; a draft is text, never a scenario.
 */
const draftKey = (baseId: string) => `vagval.workshop.builder-draft.${baseId}`;

export function loadBuilderDraft(baseId: string, storage: Pick<Storage, 'getItem'> = localStorage): BuilderForm | null {
  try {
    const raw = storage.getItem(draftKey(baseId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    if (!formKeys.every((k) => typeof record[k] === 'string')) return null;
    return Object.fromEntries(formKeys.map((k) => [k, record[k]])) as BuilderForm;
  } catch {
    return null;
  }
}

export function saveBuilderDraft(baseId: string, form: BuilderForm, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(draftKey(baseId), JSON.stringify(form));
  } catch {
    // A full or blocked storage only loses the draft, never what is on screen.
  }
}

export function clearBuilderDraft(baseId: string, storage: Pick<Storage, 'removeItem'> = localStorage): void {
  try {
    storage.removeItem(draftKey(baseId));
  } catch {
    // As above.
  }
}
