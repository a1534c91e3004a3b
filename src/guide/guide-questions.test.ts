import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { paymentBasisOptions, paymentForService, shownPaymentBasis } from './guide-questions';
import { paymentCues } from './payment-cues';

describe('how the idéburen organisation is paid, asked instead of yes or no', () => {
  it('counts payment per visitor, place, hour or participant as payment for a service, like a service the authority specifies', () => {
    expect(paymentBasisOptions.map((o) => [o.label.sv, paymentForService(o.value)])).toEqual([
      ['Ett fast bidrag till organisationens egen verksamhet', false],
      ['Per besökare, plats, timme eller deltagare', true],
      ['För en tjänst som myndigheten bestämmer och kan kräva', true],
    ]);
    expect(paymentForService(undefined)).toBeUndefined();
  });

  it('makes the Motala per-visitor "IOP" not allowed, through the fact the rules already read', () => {
    const iop = (basis: 'grant' | 'per-unit') =>
      evaluate(nodeRuleset(), {
        organisation: 'motala',
        decisionDate: '2026-11-22',
        purchase: { kind: 'services', description: 'Träffpunkt, 150 kr per besökare' },
        value: { totalSek: 300_000 },
        supplier: { kind: 'ideaburen' },
        partnership: { paymentForService: paymentForService(basis)!, ownInitiative: true, ownContribution: true, commonGoal: true, commercialMarket: false },
      }).routes.find((r) => r.route === 'iop')!.verdict;
    expect(iop('per-unit')).toBe('not-allowed');
    expect(iop('grant')).not.toBe('not-allowed');
  });

  it('shows a draft from before the question with the choice its yes or no implies, and a choice made as made', () => {
    expect(shownPaymentBasis(undefined, true)).toBe('specified-service');
    expect(shownPaymentBasis(undefined, false)).toBe('grant');
    expect(shownPaymentBasis('per-unit', true)).toBe('per-unit');
    expect(shownPaymentBasis('per-unit', false)).toBe('grant');
    expect(shownPaymentBasis(undefined, undefined)).toBeUndefined();
  });

  it('finds the words of a description that speak of payment per unit or by invoice, as written', () => {
    expect(paymentCues('Kommunen betalar 150 kr per besökare och föreningen skickar Faktura varje månad')).toEqual(['per besökare', 'Faktura']);
    expect(paymentCues('Ersättning per deltagare och timme')).toEqual(['Ersättning per deltagare']);
    expect(paymentCues('Fakturering per timme, 10 kr per plats')).toEqual(['Fakturering', 'per timme', 'per plats']);
    expect(paymentCues('Ett bidrag till föreningens verksamhet')).toEqual([]);
    expect(paymentCues(undefined)).toEqual([]);
  });
});
