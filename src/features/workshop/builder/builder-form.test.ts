import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { readRulesDir } from '../../../rules-data/read-rules-dir';
import { coveredDates } from '../../../engine/covered-dates';
import { loadScenarios } from '../../../scenarios/load-scenarios';
import { clearBuilderDraft, formFromScenario, loadBuilderDraft, readBuilderForm, saveBuilderDraft } from './builder-form';

const ruleset = nodeRuleset();
const fruit = loadScenarios(readRulesDir()).find((s) => s.id === 'fruktkorgar-reserverad')!;
const form = formFromScenario(fruit);
const read = (change: Partial<typeof form>) => readBuilderForm(ruleset, fruit, { ...form, ...change });

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

describe("the scenario builder's fields, read as the guide reads them", () => {
  it('turns the copy of a scenario back into the same answers', () => {
    const { scenario, fieldErrors } = read({});
    expect(fieldErrors).toEqual({});
    expect(scenario!.answers.value).toEqual(fruit.answers.value);
    expect(scenario!.answers.supplier?.disadvantagedShare).toBe(fruit.answers.supplier?.disadvantagedShare);
    expect(scenario!.answers.decisionDate).toBe(fruit.answers.decisionDate);
  });

  it('says at the field that 2026-02-30 and 2026-13-01 do not exist, and that 1999 is before the rules', () => {
    expect(read({ decisionDate: '2026-02-30' }).fieldErrors.decisionDate?.sv).toMatch(/^Datumet finns inte/);
    expect(read({ decisionDate: '2026-13-01' }).fieldErrors.decisionDate?.sv).toMatch(/^Datumet finns inte/);
    expect(read({ decisionDate: '1999-05-05' }).fieldErrors.decisionDate?.sv).toContain(`från och med ${coveredDates(ruleset).from}`);
    expect(read({ decisionDate: '5 maj' }).fieldErrors.decisionDate?.sv).toContain('ÅÅÅÅ-MM-DD');
    expect(read({ decisionDate: '2026-02-30' }).scenario).toBeNull();
  });

  it('stops at the last covered date when the rules know no limit after it', () => {
    const { to } = coveredDates(ruleset);
    if (to === null) return expect(read({ decisionDate: '2099-01-01' }).fieldErrors.decisionDate).toBeUndefined();
    const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(read({ decisionDate: after }).fieldErrors.decisionDate?.sv).toContain(`till och med ${to}`);
    expect(read({ decisionDate: to }).fieldErrors.decisionDate).toBeUndefined();
  });

  it('asks about "225.000" and "0,4" instead of reading 225 kr or 0,4 %', () => {
    expect(read({ annualSek: '225.000' }).fieldErrors.annualSek?.sv).toMatch(/^Menade du 225\s000 kr\? Skriv 225 000\./);
    expect(read({ annualSek: '225.000' }).scenario).toBeNull();
    expect(read({ sharePercent: '0,4' }).fieldErrors.sharePercent?.sv).toMatch(/^Menade du 40\s%\?/);
    expect(read({ annualSek: '225 000', years: '3' }).scenario!.answers.value?.totalSek).toBe(675_000);
    expect(read({ annualSek: '1,5 mkr', years: '1' }).scenario!.answers.value?.annualSek).toBe(1_500_000);
    expect(read({ sharePercent: '40 %' }).scenario!.answers.supplier?.disadvantagedShare).toBe(0.4);
  });

  it('refuses a term of 0 or over 50 years and an empty title, each at its field', () => {
    expect(read({ years: '0' }).fieldErrors.years?.sv).toContain('högst 50');
    expect(read({ years: '51' }).fieldErrors.years).toBeDefined();
    expect(read({ titleSv: '  ' }).fieldErrors.titleSv?.sv).toBe('Fältet får inte vara tomt.');
  });

  it('keeps a draft of what was typed, wrong fields included, and reads back only a draft of the right shape', () => {
    const storage = memoryStorage();
    saveBuilderDraft(fruit.id, { ...form, decisionDate: '2026-02-30' }, storage);
    expect(loadBuilderDraft(fruit.id, storage)?.decisionDate).toBe('2026-02-30');
    storage.setItem(`vagval.workshop.builder-draft.${fruit.id}`, '{"id": 3}');
    expect(loadBuilderDraft(fruit.id, storage)).toBeNull();
    storage.setItem(`vagval.workshop.builder-draft.${fruit.id}`, 'not json');
    expect(loadBuilderDraft(fruit.id, storage)).toBeNull();
    saveBuilderDraft(fruit.id, form, storage);
    clearBuilderDraft(fruit.id, storage);
    expect(loadBuilderDraft(fruit.id, storage)).toBeNull();
  });
});
