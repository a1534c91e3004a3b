import { describe, expect, it } from 'vitest';
import { statsExcelCsv } from './audit-csv';
import { parseExcelCsv, toExcelCsv } from './excel-csv';

const names = { route: (r: string) => ({ iop: 'Idéburet offentligt partnerskap (IOP)', 'direct-award': 'Direktupphandling' })[r] ?? r, organisation: () => 'Lekebergs kommun' };

describe('CSV for Swedish Excel', () => {
  it('starts with a byte-order mark, separates with semicolons, writes a decimal comma and quotes what needs it', () => {
    const text = toExcelCsv(['Namn', 'Värde (kr)'], [['Frukt; grönt "AB"', 1234.5], ['=SUMMA(A1)', 7]]);
    expect(text.startsWith('\uFEFFNamn;Värde (kr)\r\n')).toBe(true);
    expect(text).toContain('"Frukt; grönt ""AB""";1234,50\r\n');
    // A cell that would run as a formula is kept as text.
    expect(text).toContain("'=SUMMA(A1);7\r\n");
    expect(parseExcelCsv(text)).toEqual({ header: ['Namn', 'Värde (kr)'], rows: [['Frukt; grönt "AB"', '1234,50'], ["'=SUMMA(A1)", '7']] });
  });

  it('gives the statistics Swedish headers and names, counts IOP as a partnership and adds totals rows', () => {
    const text = statsExcelCsv(
      [
        { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'social-enterprise', count: 3, valueSek: 250000 },
        { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', count: 1, valueSek: 400000 },
      ],
      names,
    );
    const { header, rows } = parseExcelCsv(text);
    expect(header).toEqual(['Organisation', 'Period', 'Väg', 'Leverantörstyp', 'Slag', 'Antal', 'Värde (kr)']);
    expect(rows[0]).toEqual(['Lekebergs kommun', '2026', 'Direktupphandling', 'Socialt företag', 'Köp', '3', '250000']);
    expect(rows[1]).toEqual(['Lekebergs kommun', '2026', 'Idéburet offentligt partnerskap (IOP)', 'Idéburen organisation', 'Partnerskap (IOP, inte köp)', '1', '400000']);
    expect(rows.slice(2).map((r) => [r[0], r[5], r[6]])).toEqual([
      ['Summa köp', '3', '250000'],
      ['Summa partnerskap (IOP)', '1', '400000'],
      ['Summa totalt', '4', '650000'],
    ]);
  });
});
