import { useId } from 'react';

export type Bar = { label: string; value: number; text: string };

/**
 * A plain horizontal bar chart in SVG. The numbers are also written beside each bar and the
 * full data stands in a table next to it, so nothing depends on seeing the bars.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const labelWidth = 220;
  const barWidth = 360;
  const height = Math.max(row, bars.length * row);
  return (
    <figure className="bar-chart">
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${labelWidth + barWidth + 160} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{`${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}`}</title>
        {bars.map((b, i) => {
          const width = Math.max(2, (b.value / max) * barWidth);
          const y = i * row;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + row / 2} textAnchor="end" dominantBaseline="middle" fill="#1a1a1a" fontSize="14">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 6} width={width} height={row - 12} fill="#1d4f91" />
              <text x={labelWidth + width + 8} y={y + row / 2} dominantBaseline="middle" fill="#1a1a1a" fontSize="14">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
