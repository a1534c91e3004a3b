import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { fieldExplanation, missingExplanations } from './field-explanation';
import { guideOnlyQuestions } from './guide-questions';
import { ownFieldExplanations } from './own-field-explanations';
import { questionStepIds, stepFields } from './steps';

const ruleset = nodeRuleset();
const asked = questionStepIds.flatMap((step) => stepFields[step]).filter((path) => path !== 'value.totalSek' || ruleset.facts[path]);

describe('every question the guide asks explains itself in one plain line and an example', () => {
  it('has a plain line and an example in Swedish and English for every question of every step and the guide’s own', () => {
    expect(missingExplanations(ruleset, [...asked, ...guideOnlyQuestions], ownFieldExplanations)).toEqual([]);
  });

  it('takes the rule facts’ texts from rules/facts.yaml, and fails for a fact that has none', () => {
    expect(fieldExplanation(ruleset, 'supplier.kind')?.plain.sv).toMatch(/socialt företag.*idéburen organisation/);
    const stripped = { ...ruleset, facts: { ...ruleset.facts, 'supplier.kind': { ...ruleset.facts['supplier.kind']!, plain: undefined } } };
    expect(missingExplanations(stripped, asked, ownFieldExplanations)).toEqual(['supplier.kind']);
    expect(missingExplanations(ruleset, ['supplier.name'])).toEqual(['supplier.name']);
  });
});
