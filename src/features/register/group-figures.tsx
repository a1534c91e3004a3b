import { useI18n } from '../../i18n/i18n';
import type { Figures } from './figures';
import { formatSek } from './labels';
import { BarChart } from './stats-chart';
import { TableHead } from './table-head';

export type FigureGroup = Figures & { key: string; label: string };

/**
 * Groups as charts (count, value or both) with the same figures in a table beneath, which is also
 * the charts' text alternative, and total rows at its foot: the statistics view and the report
 * pages for kommunfullmäktige and regionfullmäktige show their figures through this one piece.
 */
export function GroupFigures({ title, keyHeader, groups, totals = [], charts }: { title: string; keyHeader: string; groups: FigureGroup[]; totals?: Array<Figures & { label: string }>; charts: Array<'count' | 'value'> }) {
  const { t, lang } = useI18n();
  const count = t({ sv: 'Antal', en: 'Number' });
  const value = t({ sv: 'Värde', en: 'Value' });
  const row = (g: Figures & { key: string; label: string }) => (
    <tr key={g.key}>
      <th scope="row">{g.label}</th>
      <td data-label={count}>{g.count}</td>
      <td data-label={value}>{formatSek(g.valueSek, lang)}</td>
    </tr>
  );
  return (
    <div className="group-figures">
      {charts.includes('count') ? <BarChart title={`${title} (${count.toLowerCase()})`} bars={groups.map((g) => ({ label: g.label, value: g.count, text: String(g.count) }))} /> : null}
      {charts.includes('value') ? <BarChart title={`${title} (${value.toLowerCase()})`} bars={groups.map((g) => ({ label: g.label, value: g.valueSek, text: formatSek(g.valueSek, lang) }))} /> : null}
      <table className="register-table">
        <caption>{title}</caption>
        <TableHead columns={[keyHeader, count, value]} />
        <tbody>{groups.map(row)}</tbody>
        {totals.length > 0 ? <tfoot>{totals.map((s) => row({ ...s, key: s.label }))}</tfoot> : null}
      </table>
    </div>
  );
}
