import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { coveredDates } from './covered-dates';
import { evaluate, EvaluationError } from './evaluate';

const ruleset = nodeRuleset();

describe('the decision dates the rule set covers', () => {
  it('runs from coversFrom to the last day of the de minimis ceiling, which the IOP rules read', () => {
    expect(coveredDates(ruleset)).toEqual({ from: '2018-01-01', to: '2030-12-31' });
  });

  it('is not ended by the welfare-service limit, whose rules end with it in 2022', () => {
    expect(ruleset.parameters['welfare-direct-award-limit']?.validTo).toBe('2022-01-31');
    expect(coveredDates(ruleset).to).not.toBe('2022-01-31');
  });

  it('ends where evaluating an idéburen partnership stops being possible', () => {
    const answers = { organisation: 'other', purchase: { kind: 'services' }, supplier: { kind: 'ideaburen' } } as const;
    const { to } = coveredDates(ruleset);
    expect(() => evaluate(ruleset, { ...answers, decisionDate: to! })).not.toThrow();
    expect(() => evaluate(ruleset, { ...answers, decisionDate: '2031-01-01' })).toThrow(EvaluationError);
  });

  it('has no end when no parameter read by a rule in force ends', () => {
    const parameters = Object.fromEntries(Object.entries(ruleset.parameters).map(([id, p]) => [id, { ...p, validTo: null }]));
    expect(coveredDates({ ...ruleset, parameters }).to).toBeNull();
  });
});
