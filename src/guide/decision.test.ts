import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { buildDecision, fieldLabel, questionLabel, wizardRows } from './decision';
import { emptyDraft, type Draft } from './draft';
import { createVisibleFields } from './relevance';
import { stepFields } from './steps';

const ruleset = nodeRuleset();
const visibleFields = createVisibleFields(ruleset);

describe('the answers a decision shows', () => {
  it('keeps an answer that became irrelevant, with its label, apart from the judged answers', () => {
    const draft: Draft = {
      ...emptyDraft(),
      answers: {
        organisation: 'ljungby',
        decisionDate: '2026-11-22',
        purchase: { kind: 'goods' },
        value: { annualSek: 150000, totalSek: 150000 },
        contract: { years: 1 },
        // Answered while the purchase was services from an idéburen organisation, then the procurer changed both.
        supplier: { kind: 'any', publicServiceMission: false },
        partnership: { paymentForService: false },
      },
    };
    const decision = buildDecision(ruleset, visibleFields, draft);
    expect(decision.answers.supplier).toEqual({ kind: 'any' });
    expect(decision.unaskedAnswers).toEqual({ supplier: { publicServiceMission: false }, partnership: { paymentForService: false } });
    const unasked = decision.unaskedRows.map((r) => [r.label.sv, r.value.sv]);
    expect(unasked).toHaveLength(2);
    for (const [label, value] of unasked) {
      expect(label).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(value).toBe('nej');
    }
    expect(decision.rows.map((r) => r.path)).not.toContain('supplier.publicServiceMission');
  });

  it('has a label for every question, never a raw key such as value.annualSek', () => {
    for (const path of Object.values(stepFields).flat()) {
      expect(fieldLabel(ruleset, path).sv, path).not.toBe(path);
      expect(fieldLabel(ruleset, path).en, path).not.toBe(path);
    }
  });
});

describe('what decides a route, in the words of the question asked', () => {
  it('names the IOP payment fact by the question the procurer answers, and every other fact by its label', () => {
    expect(questionLabel(ruleset, 'partnership.paymentForService').sv).toBe('Hur får organisationen betalt?');
    for (const path of ['supplier.kind', 'value.totalSek', 'partnership.ownContribution']) expect(questionLabel(ruleset, path)).toEqual(fieldLabel(ruleset, path));
  });

  it("lists the guide's own questions as answered, for the review: similar purchases, the price's basis, the payment", () => {
    const rows = wizardRows({ ...emptyDraft(), wizard: { hasSimilarPurchases: false, valueBasis: 'total', contractSek: 450_000, paymentBasis: 'per-unit' } });
    expect(rows.map((r) => [r.step, r.label.sv, r.value.sv])).toEqual([
      ['value', 'Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', 'Nej'],
      ['value', 'Hur anges priset i avtalet eller offerten?', 'Som en summa för hela avtalstiden'],
      ['value', 'Avtalets värde för hela avtalstiden exklusive moms, utan optioner', '450\u00a0000 kr'],
      ['partnership', 'Hur får organisationen betalt?', 'Per besökare, plats, timme eller deltagare'],
    ]);
    expect(wizardRows(emptyDraft())).toEqual([]);
  });
});
