import { describe, expect, it } from 'vitest';
import { totalValue } from './form-schema';
import { valueSum } from './value-sum';
import { valueSumLines } from './value-sum-lines';

describe('the value as contracts state it (LOU 5 kap.)', () => {
  it('adds per year × years, options and similar purchases', () => {
    const sum = valueSum({ basis: 'per-year', annualSek: 225_000, years: 2, optionsSek: 50_000, similarPurchasesSek: 80_000 })!;
    expect(sum).toMatchObject({ contractSek: 450_000, totalSek: 580_000 });
    expect(valueSumLines(sum, true).map((l) => l.sv)).toEqual([
      '225\u00a0000 kr per år × 2 år = 450\u00a0000 kr',
      '+ optioner: 50\u00a0000 kr',
      '+ liknande köp inom 12 månader: 80\u00a0000 kr',
      '= 580\u00a0000 kr exklusive moms',
    ]);
  });

  it('takes one sum for the whole term as it stands, and keeps a value per year that adds up to it in the record', () => {
    const sum = valueSum({ basis: 'total', contractSek: 450_000, years: 2 })!;
    expect(sum).toMatchObject({ annualSek: 225_000, contractSek: 450_000, totalSek: 450_000 });
    expect(valueSumLines(sum, false)[0]!.sv).toBe('Avtalets värde för hela avtalstiden (2 år): 450\u00a0000 kr');
    for (const [contractSek, years] of [[1_000_000, 3], [6_000_000, 3], [999_999, 7], [1, 0.5]] as const) {
      const s = valueSum({ basis: 'total', contractSek, years, optionsSek: 10_000 })!;
      expect(s.totalSek).toBe(contractSek + 10_000);
      expect(totalValue({ annualSek: s.annualSek, years, optionsSek: 10_000 })).toBe(s.totalSek);
    }
  });

  it('has no total before the price is known, whichever way it is stated', () => {
    expect(valueSum({ basis: 'per-year', years: 2 })).toBeUndefined();
    expect(valueSum({ basis: 'total', annualSek: 100, years: 2 })).toBeUndefined();
  });
});

describe('similar purchases found in the register', () => {
  it('counts them in the total beside those typed, each on its own line', () => {
    const sum = valueSum({ basis: 'per-year', annualSek: 225_000, years: 2, similarPurchasesSek: 80_000, registerSimilarSek: 100_000 })!;
    expect(sum).toMatchObject({ similarPurchasesSek: 180_000, registerSimilarSek: 100_000, totalSek: 630_000 });
    expect(valueSumLines(sum, true).map((l) => l.sv)).toEqual([
      '225\u00a0000 kr per år × 2 år = 450\u00a0000 kr',
      '+ optioner: 0 kr',
      '+ liknande köp i beslutsregistret: 100\u00a0000 kr',
      '+ andra liknande köp inom 12 månader: 80\u00a0000 kr',
      '= 630\u00a0000 kr exklusive moms',
    ]);
  });
});
