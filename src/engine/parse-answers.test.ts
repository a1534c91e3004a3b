import { describe, expect, it } from 'vitest';
import { parseAnswers } from './parse-answers';

const fieldsOf = (input: unknown) => {
  const result = parseAnswers(input);
  return result.ok ? [] : result.problems.map((p) => p.field);
};

describe('parsing answers from a file or a request', () => {
  it('accepts the organisation and the decision date alone: every other answer may be missing', () => {
    expect(parseAnswers({ organisation: 'lekeberg', decisionDate: '2026-11-22' })).toEqual({
      ok: true,
      answers: { organisation: 'lekeberg', decisionDate: '2026-11-22' },
    });
  });

  it('accepts a full set of answers as given', () => {
    const answers = {
      organisation: 'ljungby',
      decisionDate: '2026-11-22',
      purchase: { description: 'Fruktkorgar', kind: 'goods', annex2Service: false, welfareService: false, reservableServiceCode: false, cpvCode: '03222000-3' },
      value: { totalSek: 450000, annualSek: 150000, optionsSek: 0, similarPurchasesSek: 0 },
      supplier: {
        name: 'Stenbacken',
        kind: 'social-enterprise',
        disadvantagedShare: 0.4,
        mainPurposeIntegration: true,
        publicServiceMission: false,
        reinvestsProfits: true,
        participatoryOwnership: true,
        awardedSameServiceLast3Years: false,
        ideaburenRegistered: false,
        purposeLinkedToService: false,
      },
      contract: { years: 2.5 },
      partnership: { paymentForService: true, ownInitiative: false, ownContribution: false, commonGoal: false, commercialMarket: true },
    };
    expect(parseAnswers(answers)).toEqual({ ok: true, answers });
  });

  it('requires the organisation and the decision date', () => {
    expect(fieldsOf({})).toEqual(['organisation', 'decisionDate']);
  });

  it('names a bad field by its dotted path', () => {
    expect(fieldsOf({ organisation: 'other', decisionDate: '2026-01-01', value: { totalSek: -1 } })).toEqual(['value.totalSek']);
    expect(fieldsOf({ organisation: 'other', decisionDate: '2026-01-01', supplier: { disadvantagedShare: 1.2 } })).toEqual(['supplier.disadvantagedShare']);
    expect(fieldsOf({ organisation: 'other', decisionDate: '2026-01-01', contract: { years: 0 } })).toEqual(['contract.years']);
    expect(fieldsOf({ organisation: 'other', decisionDate: '2026-01-01', purchase: { kind: 'food' } })).toEqual(['purchase.kind']);
  });

  it('names every bad field at once', () => {
    expect(fieldsOf({ organisation: 'stockholm', decisionDate: '2026-02-30', value: { totalSek: '700000' } })).toEqual([
      'organisation',
      'decisionDate',
      'value.totalSek',
    ]);
  });

  it('refuses a date that is not a real day written YYYY-MM-DD', () => {
    for (const decisionDate of ['2026-02-30', '22/11/2026', '2026-11-22T10:00:00Z', '']) {
      const result = parseAnswers({ organisation: 'other', decisionDate });
      expect(result.ok, decisionDate).toBe(false);
      if (!result.ok) expect(result.problems[0]).toEqual({ field: 'decisionDate', message: 'must be a date written YYYY-MM-DD' });
    }
  });

  it('refuses a CPV code that does not look like one', () => {
    const result = parseAnswers({ organisation: 'other', decisionDate: '2026-01-01', purchase: { cpvCode: '8531' } });
    expect(result).toEqual({ ok: false, problems: [{ field: 'purchase.cpvCode', message: 'must be a CPV code of eight digits and a check digit, such as 85311000-2' }] });
  });

  it('says that an answer it does not know is not a known answer, at the top level and inside a group', () => {
    const result = parseAnswers({ organisation: 'other', decisionDate: '2026-01-01', colour: 'red', supplier: { kind: 'any', size: 'big' } });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'supplier.size', message: 'is not a known answer' },
        { field: 'colour', message: 'is not a known answer' },
      ],
    });
  });

  it('refuses something that is not a set of answers at all', () => {
    for (const input of [null, 'answers', 42, []]) {
      const result = parseAnswers(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['(the answers)']);
    }
  });
});
