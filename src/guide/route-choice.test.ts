import { describe, expect, it } from 'vitest';
import type { Answers } from '../engine/answers-schema';
import { evaluate } from '../engine/evaluate';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { recommendationStatus, shownVerdict } from './recommendation-status';
import { chosenDeviation, decisionProblems, routeOptions } from './route-choice';
import { checkedFrom, choose } from './similar-purchases';

const ruleset = nodeRuleset();
/** Motala's "IOP" paying 150 kr per visitor: payment for a service, so IOP is not allowed. */
const motala: Answers = {
  organisation: 'motala',
  decisionDate: '2026-11-22',
  purchase: { kind: 'services', annex2Service: true, reservableServiceCode: false },
  value: { totalSek: 300000 },
  supplier: { kind: 'ideaburen', mainPurposeIntegration: false },
  contract: { years: 2 },
  partnership: { paymentForService: true, ownInitiative: true, ownContribution: false, commonGoal: true, commercialMarket: false },
};
const outcome = evaluate(ruleset, motala);

describe('choosing a route', () => {
  it('names every option with its verdict, so "IOP – inte tillåten" is seen before it is picked', () => {
    const labels = routeOptions(outcome, 'final').map((o) => o.label.sv);
    expect(labels).toContain('Idéburet offentligt partnerskap (IOP) – inte tillåten');
    expect(labels.find((l) => l.startsWith('Direktupphandling'))).toMatch(/– rekommenderas$/);
    expect(routeOptions(outcome, 'preliminary').find((o) => o.route === 'direct-award')!.label.sv).toMatch(/– preliminärt rekommenderad$/);
  });

  it('asks for an acknowledgement and a reason for a route judged not allowed, and a reason for one not recommended', () => {
    expect(chosenDeviation(outcome, 'iop')).toBe('not-allowed');
    expect(chosenDeviation(outcome, 'social-considerations')).toBe('not-recommended');
    expect(chosenDeviation(outcome, 'direct-award')).toBeNull();
    expect(Object.keys(decisionProblems(outcome, { justification: 'Skäl.' }, 'iop')).sort()).toEqual(['acknowledgedVerdict', 'deviationReason']);
    expect(decisionProblems(outcome, { justification: 'Skäl.', acknowledgedVerdict: 'not-allowed', deviationReason: 'Politiskt beslut.' }, 'iop')).toEqual({});
    // An acknowledgement of another verdict does not count.
    expect(Object.keys(decisionProblems(outcome, { justification: 'Skäl.', acknowledgedVerdict: 'needs-info', deviationReason: 'x' }, 'iop'))).toEqual(['acknowledgedVerdict']);
    expect(Object.keys(decisionProblems(outcome, { justification: 'Skäl.' }, 'social-considerations'))).toEqual(['deviationReason']);
    expect(Object.keys(decisionProblems(outcome, {}, null)).sort()).toEqual(['chosenRoute', 'justification']);
  });

  it('treats a route that needs more answers like one not allowed', () => {
    const open = evaluate(ruleset, { ...motala, partnership: { ...motala.partnership, ownContribution: true, paymentForService: undefined } });
    expect(open.routes.find((r) => r.route === 'iop')!.verdict).toBe('needs-info');
    expect(chosenDeviation(open, 'iop')).toBe('needs-info');
    expect(decisionProblems(open, { justification: 'x', deviationReason: 'y' }, 'iop').acknowledgedVerdict?.sv).toMatch(/inte kunnat bedömas/);
  });
});

describe('a recommendation that is only preliminary', () => {
  it('is preliminary while the value is unknown, and final once the deciding answers are in', () => {
    const { value: _value, ...withoutValue } = motala;
    const noValue = evaluate(ruleset, withoutValue);
    if (noValue.recommendation.route !== null) expect(recommendationStatus(noValue, withoutValue)).toBe('preliminary');
    else expect(recommendationStatus(noValue, withoutValue)).toBe('none');
    expect(recommendationStatus(outcome, motala)).toBe('final');
  });

  it('is preliminary, never "Rekommenderas", while the register check for similar purchases is under way or one it found is undecided', () => {
    const lookup = { organisation: 'motala' as const, decisionDate: '2026-11-22' };
    const found = { id: 3, decisionDate: '2026-05-01', description: 'Städning', supplier: 'Glimten', valueSek: 200_000, route: 'direct-award' as const, match: ['orgNumber' as const] };
    const check = checkedFrom(undefined, lookup, { from: '2025-11-22', to: '2027-11-22' }, [found], new Date('2026-11-22T10:00:00Z'));
    expect(recommendationStatus(outcome, motala, null)).toBe('preliminary');
    expect(recommendationStatus(outcome, motala, check)).toBe('preliminary');
    expect(shownVerdict('recommended', recommendationStatus(outcome, motala, check))).toBe('preliminary');
    const decided = check.status === 'checked' ? choose(check, 3, { add: true }) : check;
    expect(recommendationStatus(outcome, motala, decided)).toBe('final');
  });

  it('is preliminary while a route preferred before it could still open', () => {
    const answers: Answers = { organisation: 'ljungby', decisionDate: '2026-11-22', purchase: { kind: 'services', annex2Service: false, reservableServiceCode: false }, value: { totalSek: 450000 }, contract: { years: 2 } };
    const open = evaluate(ruleset, answers);
    expect(open.recommendation.couldChange.some((c) => c.missing.length > 0)).toBe(true);
    expect(recommendationStatus(open, answers)).toBe('preliminary');
    expect(shownVerdict('recommended', 'preliminary')).toBe('preliminary');
    expect(shownVerdict('allowed', 'preliminary')).toBe('allowed');
  });

  it('says at the justification and the reason for deviating which character cannot be saved or printed', () => {
    const problems = decisionProblems(outcome, { justification: 'Skäl \u202eIOP', deviationReason: 'Bra 👍', chosenRoute: 'iop' }, 'iop');
    expect(problems.justification?.sv).toContain('vänder läsriktningen (U+202E)');
    expect(problems.deviationReason?.sv).toContain('som beslutsunderlaget inte kan skriva ut');
    expect(decisionProblems(outcome, { justification: 'Skäl', diarienummer: 'KS\u00852026' }, 'direct-award').diarienummer?.sv).toMatch(/^Diarienumret innehåller ett styrtecken \(U\+0085\)/);
  });
});

