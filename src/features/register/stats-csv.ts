import type { StatsRow } from '../../shared/decision-record';
import { figureKind } from '../../shared/partnership';

const quote = (value: string | number) => {
  const text = String(value);
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The statistics as CSV for the political reporting: one line per organisation, period, route,
 * supplier kind and the chosen route's verdict, with whether the line counts as a purchase or a
 * partnership. Comma-separated with a header, values in plain kronor (no spaces), so spreadsheets
 * and scripts read it alike.
 */
export function statsToCsv(rows: StatsRow[]): string {
  const header = ['organisation', 'period', 'route', 'supplier_kind', 'chosen_verdict', 'kind', 'count', 'value_sek'];
  const lines = rows.map((r) => [r.organisation, r.period, r.route, r.supplierKind, r.chosenVerdict, figureKind(r.route, r.chosenVerdict), r.count, Math.round(r.valueSek)].map(quote).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
