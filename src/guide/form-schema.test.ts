import { describe, expect, it } from 'vitest';
import { errorMessages, formToAnswers, parseNumber, stepFormSchema, textFieldMessage, toText, totalValue } from './form-schema';

const messagesOf = (fields: string[], values: Record<string, unknown>) => {
  const result = stepFormSchema(fields, '2018-01-01', '2030-12-31').safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('step form schemas', () => {
  it('reads Swedish amounts with spaces, a comma and "kr"', () => {
    expect(parseNumber('1 500 000')).toBe(1_500_000);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('150 000 kr')).toBe(150_000);
    expect(parseNumber('hundra')).toBeNull();
  });

  it('holds back "225.000" and a share of "0,4" as questions to confirm, and reads "1,5 mkr" and "40 %"', () => {
    expect(messagesOf(['value.annualSek', 'value.optionsSek'], { value: { annualSek: '225.000', optionsSek: '1,5 mkr' } })).toEqual({ 'value.annualSek': 'sekUnsure' });
    expect(messagesOf(['supplier.disadvantagedShare'], { supplier: { disadvantagedShare: '0,4' } })).toEqual({ 'supplier.disadvantagedShare': 'percentUnsure' });
    expect(messagesOf(['supplier.disadvantagedShare'], { supplier: { disadvantagedShare: '0,4 %' } })).toEqual({});
    expect(formToAnswers({ value: { annualSek: '225.000', optionsSek: '1,5 mkr' } }, ['value.annualSek', 'value.optionsSek'])).toEqual({ 'value.annualSek': undefined, 'value.optionsSek': 1_500_000 });
    expect(formToAnswers({ supplier: { disadvantagedShare: '0,4' } }, ['supplier.disadvantagedShare'])).toEqual({ 'supplier.disadvantagedShare': undefined });
    expect(formToAnswers({ contract: { years: '18 månader' } }, ['contract.years'])).toEqual({ 'contract.years': 1.5 });
  });

  it('names the field and the fault of each invalid answer, with a Swedish message for every key', () => {
    const errors = messagesOf(['organisation', 'decisionDate'], { organisation: '', decisionDate: '2015-02-30' });
    expect(errors).toEqual({ organisation: 'required', decisionDate: 'dateNotReal' });
    expect(messagesOf(['decisionDate'], { decisionDate: '22/11/2026' })).toEqual({ decisionDate: 'date' });
    expect(messagesOf(['decisionDate'], { decisionDate: '2017-12-31' })).toEqual({ decisionDate: 'dateTooEarly' });
    expect(messagesOf(['decisionDate'], { decisionDate: '2031-01-01' })).toEqual({ decisionDate: 'dateTooLate' });
    expect(messagesOf(['decisionDate'], { decisionDate: '2030-12-31' })).toEqual({});
    const value = messagesOf(['value.annualSek', 'contract.years'], { value: { annualSek: '-5' }, contract: { years: '0' } });
    expect(value).toEqual({ 'value.annualSek': 'sekRequired', 'contract.years': 'years' });
    expect(messagesOf(['supplier.disadvantagedShare'], { supplier: { disadvantagedShare: '140' } })).toEqual({ 'supplier.disadvantagedShare': 'percent' });
    expect(messagesOf(['purchase.cpvCode'], { purchase: { cpvCode: '9091' } })).toEqual({ 'purchase.cpvCode': 'cpv' });
    for (const key of ['required', 'date', 'dateNotReal', 'dateTooEarly', 'dateTooLate', 'sekRequired', 'years', 'percent', 'cpv']) expect(errorMessages[key]?.sv).toBeTruthy();
  });

  it('turns form text into answers: percent to a share, "Vet inte" to no answer', () => {
    const answers = formToAnswers(
      { supplier: { disadvantagedShare: '40', mainPurposeIntegration: '', kind: 'social-enterprise' } },
      ['supplier.disadvantagedShare', 'supplier.mainPurposeIntegration', 'supplier.kind'],
    );
    expect(answers).toEqual({ 'supplier.disadvantagedShare': 0.4, 'supplier.mainPurposeIntegration': undefined, 'supplier.kind': 'social-enterprise' });
    expect(toText('percent', 0.4)).toBe('40');
    expect(toText('boolean', false)).toBe('no');
  });

  it('adds up the value as LOU 5 kap. says: yearly value × years + options + similar purchases', () => {
    expect(totalValue({ annualSek: 750_000, years: 2 })).toBe(1_500_000);
    expect(totalValue({ annualSek: 100_000, years: 3, optionsSek: 50_000, similarPurchasesSek: 200_000 })).toBe(550_000);
    expect(totalValue({})).toBeUndefined();
  });

  it('refuses at the field, in Swedish, text with a direction override, an invisible character or a script the document cannot print', () => {
    for (const [text, words] of [
      ['Städ \u202eIOP', 'vänder läsriktningen (U+202E) vid tecken 6'],
      ['Stä\u200bd', 'osynligt tecken (U+200B) vid tecken 4'],
      ['清洁', '”清” (U+6E05) vid tecken 1, som beslutsunderlaget inte kan skriva ut'],
    ] as const) {
      const key = messagesOf(['purchase.description'], { purchase: { description: text } })['purchase.description']!;
      expect(textFieldMessage(key, 'sv')).toContain(words);
      expect(textFieldMessage(key, 'sv')).toMatch(/^Texten innehåller/);
    }
    expect(messagesOf(['purchase.description', 'supplier.name'], { purchase: { description: 'Lokalvård, Ørsted & Čapek' }, supplier: { name: 'Ελληνικά AB' } })).toEqual({});
  });
});
