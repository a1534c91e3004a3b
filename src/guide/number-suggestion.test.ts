import { describe, expect, it } from 'vitest';
import { numberSuggestion, numberWarning, suggestionText } from './number-suggestion';
import { readAmount, readPercent } from './swedish-number';

describe('what a number field asks when a number can be read two ways', () => {
  it('asks "Menade du 225 000 kr?" for "225.000", and each choice fills in a text read without doubt', () => {
    const s = numberSuggestion('sek', '225.000')!;
    expect(s.question.sv).toBe('Menade du 225\u00a0000 kr?');
    expect(s.choices.map((c) => c.label.sv)).toEqual(['Ja, 225\u00a0000 kr', 'Nej, 225 kr']);
    expect(s.choices.map((c) => readAmount(c.text))).toEqual([{ status: 'ok', value: 225_000 }, { status: 'ok', value: 225 }]);
    expect(s.question.en).toBe('Did you mean SEK 225,000?');
  });

  it('asks "Menade du 40 %?" for a share of "0,4", and "Nej" keeps 0,4 % with its sign', () => {
    const s = numberSuggestion('percent', '0,4')!;
    expect(s.question.sv).toBe('Menade du 40 %?');
    expect(s.choices.map((c) => [c.label.sv, readPercent(c.text)])).toEqual([
      ['Ja, 40 %', { status: 'ok', value: 40 }],
      ['Nej, 0,4 %', { status: 'ok', value: 0.4 }],
    ]);
  });

  it('asks nothing about a certain number, nor about fields that are not sums or shares', () => {
    expect(numberSuggestion('sek', '225 000')).toBeNull();
    expect(numberSuggestion('percent', '40')).toBeNull();
    expect(numberSuggestion('years', '2.000')).toBeNull();
    expect(suggestionText('sek', '1,5 mkr')).toBeNull();
  });

  it('warns, without stopping, when the value of the purchase is 0 kr, but not when there are no options', () => {
    expect(numberWarning('value.annualSek', '0')?.sv).toMatch(/^Värdet är 0 kr\. Stämmer det\?/);
    expect(numberWarning('wizard.contractSek', '0 kr')).not.toBeNull();
    expect(numberWarning('value.optionsSek', '0')).toBeNull();
    expect(numberWarning('value.annualSek', '10')).toBeNull();
  });
});
