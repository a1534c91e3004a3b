/** Count and value, the two figures every statistic and report row carries. */
export type Figures = { count: number; valueSek: number };

export const sumFigures = (rows: Figures[]): Figures => rows.reduce((t, r) => ({ count: t.count + r.count, valueSek: t.valueSek + r.valueSek }), { count: 0, valueSek: 0 });

/** Totals per group across the rows, largest count first and ties by key. */
export function totalsBy<R extends Figures>(rows: R[], key: (row: R) => string): Array<Figures & { key: string }> {
  const totals = new Map<string, Figures & { key: string }>();
  for (const row of rows) {
    const k = key(row);
    const entry = totals.get(k) ?? { key: k, count: 0, valueSek: 0 };
    entry.count += row.count;
    entry.valueSek += row.valueSek;
    totals.set(k, entry);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
