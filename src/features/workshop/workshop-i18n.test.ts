import { describe, expect, it } from 'vitest';
import { keepAmountsTogether } from './workshop-i18n';

describe('amounts in the workshop', () => {
  it('never break across lines: digit groups and their unit are joined by no-break spaces', () => {
    expect(keepAmountsTogether('Frukten kostar 300 000 kronor om året')).toBe('Frukten kostar 300\u00a0000\u00a0kronor om året');
    expect(keepAmountsTogether('värdet (900\u00a0000 kr) är över gränsen (700\u00a0000 kr)')).toBe('värdet (900\u00a0000\u00a0kr) är över gränsen (700\u00a0000\u00a0kr)');
    expect(keepAmountsTogether('SEK 700,000 and 1 200 000 SEK')).toBe('SEK\u00a0700,000 and 1\u00a0200\u00a0000\u00a0SEK');
    expect(keepAmountsTogether('minst 30 % av de anställda')).toBe('minst 30\u00a0% av de anställda');
  });

  it('leaves words after a number alone', () => {
    expect(keepAmountsTogether('3 kap. 18 § och 2 år')).toBe('3 kap. 18 § och 2 år');
    expect(keepAmountsTogether('fall 3 och 5')).toBe('fall 3 och 5');
  });
});
