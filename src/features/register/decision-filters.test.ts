import { describe, expect, it } from 'vitest';
import { checkFilter } from './decision-filters';

const draft = (minValue: string, maxValue = '') => ({ organisation: '', route: '', supplierKind: '', from: '', to: '', minValue, maxValue });

describe('the register filter reads sums the way the guide does', () => {
  it('takes "500 000", "1,5 mkr" and "225 tkr" as kronor', () => {
    expect(checkFilter(draft('500 000', '1,5 mkr'))).toEqual({ filter: { minValue: 500_000, maxValue: 1_500_000 }, problems: {} });
    expect(checkFilter(draft('225 tkr')).filter).toEqual({ minValue: 225_000 });
  });

  it('asks about "225.000" at the field instead of filtering on 225 kr', () => {
    const { filter, problems } = checkFilter(draft('225.000'));
    expect(filter).toEqual({});
    expect(problems.minValue?.sv).toBe('Menade du 225\u00a0000 kr? Skriv 225 000. Menade du 225 kr, skriv 225.');
  });

  it('names a sum it cannot read', () => {
    expect(checkFilter(draft('', 'mycket')).problems.maxValue?.sv).toMatch(/Skriv ett belopp i kronor/);
  });
});
