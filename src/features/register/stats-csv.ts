import type { StatsRow } from '../../shared/decision-record';

const quote = (value: string | number) => {
  const text = String(value);
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The statistics as CSV for the political reporting: one line per organisation, period, route
 * and supplier kind. Comma-separated with a header, values in plain kronor (no spaces), so
 * spreadsheets and scripts read it alike.
 */
export function statsToCsv(rows: StatsRow[]): string {
  const header = ['organisation', 'period', 'route', 'supplier_kind', 'count', 'value_sek'];
  const lines = rows.map((r) => [r.organisation, r.period, r.route, r.supplierKind, r.count, Math.round(r.valueSek)].map(quote).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Totals per group (route or supplier kind) across the rows. */
export function totalsBy(rows: StatsRow[], key: 'route' | 'supplierKind'): Array<{ key: string; count: number; valueSek: number }> {
  const totals = new Map<string, { key: string; count: number; valueSek: number }>();
  for (const row of rows) {
    const entry = totals.get(row[key]) ?? { key: row[key], count: 0, valueSek: 0 };
    entry.count += row.count;
    entry.valueSek += row.valueSek;
    totals.set(row[key], entry);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
