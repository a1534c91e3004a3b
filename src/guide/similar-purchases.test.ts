import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from './draft';
import { addedSek, checkedFrom, choose, recordedCheck, similarCheckEdit, similarLookup, typedSimilarSek, undecided, uncheckedFrom, type FoundPurchase } from './similar-purchases';
import { applyValues } from './wizard-machine';
import type { SimilarCheck } from '../shared/similar-check';

const now = new Date('2026-11-22T10:00:00Z');
const answers: Draft['answers'] = {
  organisation: 'motala',
  decisionDate: '2026-11-22',
  purchase: { kind: 'services', description: 'Städning av fritidsgården' },
  value: { annualSek: 300_000, totalSek: 380_000, similarPurchasesSek: 80_000 },
  supplier: { name: 'Städkooperativet Glimten', orgNumber: '556012-5790' },
};
const lookup = similarLookup(answers)!;
const window = { from: '2025-11-22', to: '2027-11-22' };
const found = (id: number, valueSek: number | null): FoundPurchase => ({ id, decisionDate: '2026-05-01', description: 'Städning', supplier: 'Städkooperativet Glimten', valueSek, route: 'direct-award', match: ['orgNumber'] });
const draftWith = (a: Draft['answers'] = answers): Draft => ({ ...emptyDraft(), answers: a });
const checked = (check: SimilarCheck) => check as SimilarCheck & { status: 'checked' };

describe('when the guide asks the register for similar purchases (LOU 5 kap.)', () => {
  it('asks once the organisation, the date, what is bought and the supplier are known, and not before', () => {
    expect(lookup).toEqual({ organisation: 'motala', decisionDate: '2026-11-22', orgNumber: '556012-5790', supplierName: 'Städkooperativet Glimten' });
    expect(similarLookup({ ...answers, supplier: {} })).toBeNull();
    expect(similarLookup({ ...answers, purchase: { kind: 'services' } })).toBeNull();
    expect(similarLookup({ ...answers, purchase: { cpvCode: '90911200-8' } })).toMatchObject({ cpvCode: '90911200-8' });
    expect(similarLookup({ ...answers, organisation: undefined })).toBeNull();
  });
});

describe('what the procurer adds to the estimated value', () => {
  it('adds a found purchase to the similar purchases and the total, and keeps what was typed apart', () => {
    const draft = draftWith();
    const check = choose(checked(checkedFrom(undefined, lookup, window, [found(4, 100_000), found(7, 50_000)], now)), 4, { add: true });
    const edit = similarCheckEdit(draft, check);
    expect(edit.values).toEqual({ 'value.similarPurchasesSek': 180_000, 'value.totalSek': 480_000 });
    const after = applyValues(draft, edit.values, edit.wizard);
    expect(addedSek(after.wizard.similarCheck)).toBe(100_000);
    expect(typedSimilarSek(after)).toBe(80_000);
    // Taking it out again gives back the value as it was.
    const undone = similarCheckEdit(after, choose(checked(after.wizard.similarCheck!), 4, { add: false, reason: 'not-same-need' }));
    expect(undone.values).toEqual({ 'value.similarPurchasesSek': 80_000, 'value.totalSek': 380_000 });
  });

  it('leaves the total unset while the price is not known, and the similar purchases unset when nothing is counted', () => {
    const draft = draftWith({ ...answers, value: {} });
    const check = checkedFrom(undefined, lookup, window, [found(4, 100_000)], now);
    expect(similarCheckEdit(draft, check).values).toEqual({ 'value.similarPurchasesSek': undefined, 'value.totalSek': undefined });
  });

  it('keeps the choices already made when the register is asked again, and drops a purchase no longer found', () => {
    const first = choose(checked(checkedFrom(undefined, lookup, window, [found(4, 100_000), found(7, 50_000)], now)), 7, { add: false, reason: 'already-counted' });
    const again = checked(checkedFrom(first, lookup, window, [found(7, 50_000), found(9, 20_000)], now));
    expect(again.found.map((f) => [f.id, f.choice])).toEqual([[7, { add: false, reason: 'already-counted' }], [9, undefined]]);
  });

  it('counts a purchase as decided only when added or left out with a reason, "annat skäl" with its words', () => {
    let check = checkedFrom(undefined, lookup, window, [found(4, 100_000), found(7, 50_000)], now);
    expect(undecided(check).map((f) => f.id)).toEqual([4, 7]);
    check = choose(checked(check), 4, { add: true });
    check = choose(checked(check), 7, { add: false, reason: 'other' });
    expect(undecided(check).map((f) => f.id)).toEqual([7]);
    check = choose(checked(check), 7, { add: false, reason: 'other', note: 'Annan förvaltning och budget' });
    expect(undecided(check)).toEqual([]);
  });
});

describe('what the record and the document keep', () => {
  it('keeps the check made for these answers, and nothing while one for changed answers is still to be made', () => {
    const check = checkedFrom(undefined, lookup, window, [], now);
    const draft = { ...draftWith(), wizard: { similarCheck: check } };
    expect(recordedCheck(draft, answers)).toBe(check);
    expect(recordedCheck(draft, { ...answers, supplier: { name: 'Annan leverantör' } })).toBeNull();
  });

  it('says the register could not be asked when the answers do not say what is bought or from whom', () => {
    const incomplete = recordedCheck(draftWith(), { ...answers, supplier: {} });
    expect(incomplete).toEqual({ status: 'unchecked', reason: 'incomplete', lookup: null, detail: '' });
    // The same answers make the same record, whenever asked: a reload does not make the saved decision look unsaved.
    expect(recordedCheck(draftWith(), { ...answers, supplier: {} })).toEqual(incomplete);
  });

  it('keeps why the register could not be checked, with what it said', () => {
    const check = uncheckedFrom(lookup, 'offline', 'the server could not be reached', now);
    const draft = { ...draftWith(), wizard: { similarCheck: check } };
    expect(recordedCheck(draft, answers)).toMatchObject({ status: 'unchecked', reason: 'offline', detail: 'the server could not be reached' });
    expect(addedSek(check)).toBe(0);
  });
});
