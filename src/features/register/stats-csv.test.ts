import { describe, expect, it } from 'vitest';
import { statsToCsv } from './stats-csv';
import { totalsBy } from './figures';
import type { StatsRow } from '../../shared/decision-record';

const rows: StatsRow[] = [
  { organisation: 'lekeberg', period: '2026', route: 'reserved-contract', supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 3, valueSek: 1_200_000 },
  { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 2, valueSek: 300_000.4 },
  { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'any', chosenVerdict: 'allowed', count: 5, valueSek: 90_000 },
  { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'allowed', count: 1, valueSek: 400_000 },
  { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'needs-info', count: 1, valueSek: 50_000 },
];

describe('statistics export', () => {
  it('writes one CSV line per group with a header, whole kronor, and a genuine IOP alone as a partnership', () => {
    expect(statsToCsv(rows)).toBe(
      'organisation,period,route,supplier_kind,chosen_verdict,kind,count,value_sek\r\n' +
        'lekeberg,2026,reserved-contract,social-enterprise,allowed,purchase,3,1200000\r\n' +
        'lekeberg,2026,direct-award,social-enterprise,allowed,purchase,2,300000\r\n' +
        'lekeberg,2026,direct-award,any,allowed,purchase,5,90000\r\n' +
        'lekeberg,2026,iop,ideaburen,allowed,partnership,1,400000\r\n' +
        'lekeberg,2026,iop,ideaburen,needs-info,purchase,1,50000\r\n',
    );
  });

  it('totals the rows by route and by supplier kind, largest count first and ties by key', () => {
    expect(totalsBy(rows, (r) => r.route)).toEqual([
      { key: 'direct-award', count: 7, valueSek: 390_000.4 },
      { key: 'reserved-contract', count: 3, valueSek: 1_200_000 },
      { key: 'iop', count: 2, valueSek: 450_000 },
    ]);
    expect(totalsBy(rows, (r) => r.supplierKind).map((t) => [t.key, t.count])).toEqual([
      ['any', 5],
      ['social-enterprise', 5],
      ['ideaburen', 2],
    ]);
  });
});
