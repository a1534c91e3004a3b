import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate';
import { nodeRuleset } from '../rules-data/node-ruleset';
import type { DraftAnswers } from './draft';
import { askedAnswers, createVisibleFields } from './relevance';

const visibleFields = createVisibleFields(nodeRuleset());
const base = { organisation: 'ljungby', decisionDate: '2026-11-22' } as const;
const reservation = ['supplier.publicServiceMission', 'supplier.reinvestsProfits', 'supplier.participatoryOwnership'];
const shown = (step: Parameters<typeof visibleFields>[0], answers: DraftAnswers, partnershipIntended = false) =>
  visibleFields(step, { answers, wizard: { partnershipIntended } });

describe('question relevance read from the engine', () => {
  it('shows every question before the organisation and decision date are known', () => {
    expect(shown('partnership', {})).toHaveLength(5);
    expect(shown('supplier', {})).toContain('supplier.disadvantagedShare');
  });

  it('asks the 19 kap. 25 § questions for services with a reservable CPV code, not for goods', () => {
    const services = { ...base, purchase: { kind: 'services', reservableServiceCode: true }, value: { totalSek: 1_500_000 }, supplier: { kind: 'social-enterprise' } } as const;
    expect(shown('supplier', services)).toEqual(expect.arrayContaining(reservation));
    const goods = { ...services, purchase: { kind: 'goods' } } as const;
    expect(shown('supplier', goods)).not.toEqual(expect.arrayContaining(reservation));
  });

  it('asks the kind of authority only for a buyer the rule set does not know, and only where a threshold turns on it', () => {
    const goods = { purchase: { kind: 'goods' }, value: { totalSek: 2_000_000 }, supplier: { kind: 'any' } } as const;
    expect(shown('organisation', { ...base, ...goods })).not.toContain('authorityKind');
    expect(shown('organisation', { ...base, organisation: 'other', ...goods })).toContain('authorityKind');
    expect(shown('organisation', { ...base, organisation: 'other', ...goods, value: { totalSek: 1_000_000 } })).not.toContain('authorityKind');
  });

  it('asks about value transfers and public influence only for an idéburen organisation that is not registered', () => {
    const answers = { ...base, purchase: { kind: 'services', ideaburenReservationCode: true }, value: { totalSek: 9_000_000 }, supplier: { kind: 'ideaburen', purposeLinkedToService: true } } as const;
    const conditions = ['supplier.noValueTransfers', 'supplier.noPublicControl'];
    expect(shown('supplier', { ...answers, supplier: { ...answers.supplier, ideaburenRegistered: false } })).toEqual(expect.arrayContaining(conditions));
    expect(shown('supplier', { ...answers, supplier: { ...answers.supplier, ideaburenRegistered: true } })).not.toContain('supplier.noValueTransfers');
  });

  it('asks for the disadvantaged share only for a social enterprise or an idéburen supplier', () => {
    const purchase = { ...base, purchase: { kind: 'services' }, value: { totalSek: 1_500_000 } } as const;
    expect(shown('supplier', { ...purchase, supplier: { kind: 'any' } })).not.toContain('supplier.disadvantagedShare');
    expect(shown('supplier', { ...purchase, supplier: { kind: 'social-enterprise' } })).toContain('supplier.disadvantagedShare');
  });

  it('asks the partnership questions only while IOP is in question or a partnership is intended', () => {
    const answers = { ...base, purchase: { kind: 'services' }, value: { totalSek: 500_000 } } as const;
    expect(shown('partnership', { ...answers, supplier: { kind: 'any' } })).toEqual([]);
    // The market decides no verdict since rule set 2026.12.1 (HFD 2020 ref. 15): it is asked when a partnership is intended.
    expect(shown('partnership', { ...answers, supplier: { kind: 'ideaburen' } })).toEqual([
      'partnership.paymentForService',
      'partnership.ownInitiative',
      'partnership.ownContribution',
      'partnership.commonGoal',
    ]);
    expect(shown('partnership', { ...answers, supplier: { kind: 'any' } }, true)).toHaveLength(5);
  });

  it('keeps a question on screen once answered while its answer still decides a verdict', () => {
    const answers = { ...base, purchase: { kind: 'services' }, value: { totalSek: 1_500_000 }, supplier: { kind: 'social-enterprise', disadvantagedShare: 0.4 } } as const;
    expect(shown('supplier', answers)).toContain('supplier.disadvantagedShare');
  });

  it('leaves the answers to hidden questions out of what is judged, but only there', () => {
    const answers = { ...base, purchase: { kind: 'goods' }, value: { totalSek: 150_000 }, supplier: { kind: 'any' }, partnership: { commonGoal: true } } as const;
    const asked = askedAnswers(visibleFields, { answers, wizard: {} });
    expect(asked.partnership).toBeUndefined();
    expect(asked.value).toEqual({ totalSek: 150_000 });
  });
});

describe('an answer that shuts a route', () => {
  it('stays on screen, so the route stays "not allowed" rather than turning "needs more answers"', () => {
    // Motala's "IOP" paying per visitor, with no own contribution from the association. Since the
    // second legal reading (rules 2026.12.1, HFD 2020 ref. 15) only the payment for a service the authority
    // specifies makes it a purchase; the missing own contribution is a guidance indicator, no longer a closing
    // requirement, so it no longer needs to be kept on screen for the verdict.
    const answers = {
      organisation: 'motala',
      decisionDate: '2026-11-22',
      purchase: { kind: 'services', annex2Service: true, reservableServiceCode: false },
      value: { totalSek: 300000 },
      supplier: { kind: 'ideaburen', mainPurposeIntegration: false },
      partnership: { paymentForService: true, ownInitiative: true, ownContribution: false, commonGoal: true, commercialMarket: false },
    } as const;
    const partnership = shown('partnership', answers);
    expect(partnership).toContain('partnership.paymentForService');
    const judged = askedAnswers(visibleFields, { answers, wizard: {} });
    expect(judged.partnership).toMatchObject({ paymentForService: true });
    expect(evaluate(nodeRuleset(), { ...answers, ...judged } as never).routes.find((r) => r.route === 'iop')?.verdict).toBe('not-allowed');
  });
});
