import { describe, expect, it } from 'vitest';
import { statsToCsv, totalsBy } from './stats-csv';
import type { StatsRow } from '../../shared/decision-record';

const rows: StatsRow[] = [
  { organisation: 'lekeberg', period: '2026', route: 'reserved-contract', supplierKind: 'social-enterprise', count: 3, valueSek: 1_200_000 },
  { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'social-enterprise', count: 2, valueSek: 300_000.4 },
  { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'any', count: 5, valueSek: 90_000 },
];

describe('statistics export', () => {
  it('writes one CSV line per group with a header and whole kronor', () => {
    expect(statsToCsv(rows)).toBe(
      'organisation,period,route,supplier_kind,count,value_sek\r\n' +
        'lekeberg,2026,reserved-contract,social-enterprise,3,1200000\r\n' +
        'lekeberg,2026,direct-award,social-enterprise,2,300000\r\n' +
        'lekeberg,2026,direct-award,any,5,90000\r\n',
    );
  });

  it('totals the rows by route and by supplier kind, largest count first and ties by key', () => {
    expect(totalsBy(rows, 'route')).toEqual([
      { key: 'direct-award', count: 7, valueSek: 390_000.4 },
      { key: 'reserved-contract', count: 3, valueSek: 1_200_000 },
    ]);
    expect(totalsBy(rows, 'supplierKind').map((t) => [t.key, t.count])).toEqual([
      ['any', 5],
      ['social-enterprise', 5],
    ]);
  });
});
