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

  it('gives the statistics Swedish headers and names, counts only a genuine IOP as a partnership, marks choices against the verdict and adds totals rows', () => {
    const text = statsExcelCsv(
      [
        { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 3, valueSek: 250000 },
        { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'allowed', count: 1, valueSek: 400000 },
        // Motala's per-visitor payment: an IOP the engine judged not allowed is a purchase.
        { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'not-allowed', count: 2, valueSek: 120000.5 },
      ],
      names,
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { header, rows } = parseExcelCsv(text);
    expect(header).toEqual(['Organisation', 'Period', 'Väg', 'Leverantörstyp', 'Den valda vägens bedömning', 'Slag', 'Vald mot bedömningen', 'Antal', 'Värde (kr)']);
    expect(rows[0]).toEqual(['Lekebergs kommun', '2026', 'Direktupphandling', 'Socialt företag', 'Tillåten', 'Köp', 'Nej', '3', '250000']);
    expect(rows[1]).toEqual(['Lekebergs kommun', '2026', 'Idéburet offentligt partnerskap (IOP)', 'Idéburen organisation', 'Tillåten', 'Partnerskap (IOP, inte köp)', 'Nej', '1', '400000']);
    expect(rows[2]).toEqual(['Lekebergs kommun', '2026', 'Idéburet offentligt partnerskap (IOP)', 'Idéburen organisation', 'Inte tillåten', 'Köp', 'Ja', '2', '120000,50']);
    expect(rows.slice(3).map((r) => [r[0], r[7], r[8]])).toEqual([
      ['Summa köp', '5', '370000,50'],
      ['Summa partnerskap (IOP)', '1', '400000'],
      ['Summa totalt', '6', '770000,50'],
      ['Varav vald mot bedömningen (inte tillåten eller behöver fler svar)', '2', '120000,50'],
    ]);
  });
});
