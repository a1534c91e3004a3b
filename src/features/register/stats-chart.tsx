import { useId } from 'react';

export type Bar = { label: string; value: number; text: string };

/**
 * A plain horizontal bar chart of HTML boxes rather than a scaled SVG: its labels keep the page's font size
 * at any width (an SVG of 740 units drew them about 5 px high on a 390 px phone), and on a phone each label
 * stands above its bar. The numbers are written beside each bar and the full data stands in a table next
 * to it, so nothing depends on seeing the bars.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart">
      <div role="img" aria-labelledby={`${id}-title`} className="bar-chart__bars">
        <span id={`${id}-title`} hidden>{`${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}`}</span>
        {bars.map((b) => (
          <div key={b.label} className="bar-chart__row">
            <span className="bar-chart__label">{b.label}</span>
            <span className="bar-chart__track">
              <span className="bar-chart__bar" style={{ width: b.value === 0 ? 0 : `${Math.max(0.5, (b.value / max) * 100)}%` }} />
              <span className="bar-chart__value">{b.text}</span>
            </span>
          </div>
        ))}
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
