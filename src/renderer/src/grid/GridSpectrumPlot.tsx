// dI/dV of the hovered pixel and the pinned ones, overlaid (SVG, axes with units).
import { axisLabels, axisTitle, niceTicks } from '../lib/axisKit.ts';
import type { PixelSpectrum } from '../../../shared/grid/pixelSpectrum.ts';
import { finiteRange, PLOT_WIDTH } from './gridDisplay.ts';

export interface PlottedSpectrum {
  key: string;
  label: string;
  colour: string;
  spectrum: PixelSpectrum;
}

const H = 260;
const M = { left: 80, right: 12, top: 12, bottom: 40 };

export function GridSpectrumPlot({
  curves,
  unit,
  width: W = PLOT_WIDTH,
  noSpectra = false,
}: {
  curves: PlottedSpectrum[];
  unit: string;
  /** The grid has no I–V sweeps with a current (a Z grid): a note instead of an empty frame. */
  noSpectra?: boolean;
  /** CSS px: the column's width. */
  width?: number;
}) {
  if (noSpectra)
    return (
      <p className="note" data-testid="grid-spectrum-unavailable">
        No dI/dV spectra to plot: this grid’s sweeps are not I–V sweeps with a current (e.g. Z spectroscopy).
        Its channels are shown as maps.
      </p>
    );
  const xs = finiteRange(curves.flatMap((c) => Array.from(c.spectrum.bias)));
  const ys = finiteRange(curves.flatMap((c) => Array.from(c.spectrum.didv)));
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const xTicks = xs ? niceTicks(xs.lo, xs.hi, 6) : [];
  const yTicks = ys ? niceTicks(ys.lo, ys.hi, 5) : [];
  const sx = (v: number) =>
    xs && xs.hi > xs.lo ? M.left + ((v - xs.lo) / (xs.hi - xs.lo)) * innerW : M.left;
  const sy = (v: number) =>
    ys && ys.hi > ys.lo ? M.top + innerH - ((v - ys.lo) / (ys.hi - ys.lo)) * innerH : M.top;
  // Bias in V on every bias axis of the app; dI/dV plain numbers under one prefixed title.
  const xLabels = axisLabels(xTicks, '').labels;
  const y = axisLabels(yTicks, unit);
  return (
    <figure className="grid-plot" data-testid="grid-spectrum-plot">
      <svg width={W} height={H} role="img" aria-label="dI/dV of the hovered and pinned pixels">
        <rect x={M.left} y={M.top} width={innerW} height={innerH} className="frame" />
        {xTicks.map((t, i) => (
          <g key={`x${t}`}>
            <line x1={sx(t)} x2={sx(t)} y1={M.top + innerH} y2={M.top + innerH + 4} className="tick" />
            <text x={sx(t)} y={M.top + innerH + 16} textAnchor="middle">
              {xLabels[i]}
            </text>
          </g>
        ))}
        {yTicks.map((t, i) => (
          <g key={`y${t}`}>
            <line x1={M.left - 4} x2={M.left} y1={sy(t)} y2={sy(t)} className="tick" />
            <text x={M.left - 6} y={sy(t) + 4} textAnchor="end">
              {y.labels[i]}
            </text>
          </g>
        ))}
        <text x={M.left + innerW / 2} y={H - 6} textAnchor="middle" className="axis-title">
          Sample bias (V)
        </text>
        <text
          transform={`translate(12 ${M.top + innerH / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-title"
        >
          {axisTitle('dI/dV', y.prefix, unit)}
        </text>
        {curves.map((c) => (
          <polyline
            key={c.key}
            fill="none"
            stroke={c.colour}
            strokeWidth={1.4}
            points={Array.from(
              c.spectrum.bias,
              (v, i) => `${sx(v).toFixed(1)},${sy(c.spectrum.didv[i]!).toFixed(1)}`,
            ).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        {curves.length === 0
          ? 'Hover the map for a pixel’s spectrum; click to pin it.'
          : curves.map((c) => (
              <span key={c.key} className="grid-legend-item">
                <i style={{ background: c.colour }} /> {c.label}
              </span>
            ))}
      </figcaption>
    </figure>
  );
}
