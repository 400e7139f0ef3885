// Histogram of the gap map (20 mV bins, as the group statistics), SVG with axes.
import { useMemo } from 'react';
import { PLOT_WIDTH } from './gridDisplay.ts';
import { histogram } from '../../../shared/analysis/histogram.ts';
import { axisLabels, niceTicks } from '../lib/axisKit.ts';

const H = 200;
const M = { right: 12, top: 10, bottom: 40 };
/** Width of one digit of a tick label, CSS px (11 px sans-serif, rounded up). */
const DIGIT_PX = 7;

export function GridHistogram({
  values,
  width: W = PLOT_WIDTH,
}: {
  values: Float64Array;
  /** CSS px: the column's width. */
  width?: number;
}) {
  // Binned once per map, not at every render of the view (hover moves re-render it).
  const { finite, h } = useMemo(() => {
    const kept = Array.from(values).filter(Number.isFinite);
    return { finite: kept, h: kept.length ? histogram(kept, { binWidth: 0.02 }) : null };
  }, [values]);
  if (!h)
    return (
      <p className="note" data-testid="grid-histogram-empty">
        No pixel has a gap.
      </p>
    );
  const lo = h.edges[0]!;
  const hi = h.edges[h.edges.length - 1]!;
  const top = Math.max(...h.counts);
  const yTicks = niceTicks(0, top, 4).filter(Number.isInteger);
  // Room for the widest count (2,000+ pixels a bin on a 256 × 256 grid) beside the axis title.
  const left = 26 + DIGIT_PX * Math.max(...yTicks.map((t) => String(t).length), 1);
  const innerW = W - left - M.right;
  const innerH = H - M.top - M.bottom;
  const sx = (v: number) => left + ((v - lo) / (hi - lo || 1)) * innerW;
  const sy = (n: number) => M.top + innerH - (n / top) * innerH;
  // Volts unprefixed, as on every bias axis of the app; counts are whole numbers.
  const xTicks = niceTicks(lo, hi, 6);
  const xLabels = axisLabels(xTicks, '').labels;
  return (
    <figure className="grid-plot" data-testid="grid-histogram">
      <svg width={W} height={H} role="img" aria-label="Histogram of the gap map">
        {Array.from(h.counts, (n, i) => (
          <rect
            key={i}
            x={sx(h.edges[i]!)}
            y={sy(n)}
            width={Math.max(1, sx(h.edges[i + 1]!) - sx(h.edges[i]!) - 1)}
            height={M.top + innerH - sy(n)}
            className="bar"
          />
        ))}
        <line x1={left} x2={left + innerW} y1={M.top + innerH} y2={M.top + innerH} className="tick" />
        {xTicks.map((t, i) => (
          <text key={t} x={sx(t)} y={M.top + innerH + 16} textAnchor="middle">
            {xLabels[i]}
          </text>
        ))}
        {yTicks.map((t) => (
          <text key={`y${t}`} x={left - 6} y={sy(t) + 4} textAnchor="end">
            {t}
          </text>
        ))}
        <text x={left + innerW / 2} y={H - 6} textAnchor="middle" className="axis-title">
          Gap Eg (eV)
        </text>
        <text
          transform={`translate(12 ${M.top + innerH / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-title"
        >
          Pixels
        </text>
      </svg>
      <figcaption>{finite.length} pixels with a gap</figcaption>
    </figure>
  );
}
