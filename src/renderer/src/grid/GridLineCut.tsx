// A line cut: dI/dV(bias, distance) of the pixels along a drawn line, as an image with axes.
import { PLOT_WIDTH } from './gridDisplay.ts';
import { useEffect, useRef } from 'react';
import type { PixelSpectrum } from '../../../shared/grid/pixelSpectrum.ts';
import { colourise } from '../lib/contrast.ts';
import { percentileRange } from '../lib/contrast.ts';
import { axisLabels, niceTicks } from '../lib/axisKit.ts';

const H = 240;
const M = { left: 54, right: 12, top: 10, bottom: 40 };

export function GridLineCut({
  spectra,
  lengthNm,
  table,
  width: W = PLOT_WIDTH,
}: {
  /** One per pixel along the cut, in order; null where a pixel was not measured. */
  spectra: Array<PixelSpectrum | null>;
  /** Length of the cut, nm. */
  lengthNm: number;
  table: Uint8Array;
  /** CSS px: the column's width. */
  width?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const first = spectra.find((s) => s !== null) ?? null;
  const columns = first?.bias.length ?? 0;
  const rows = spectra.length;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || columns === 0) return;
    const image = new Float32Array(rows * columns).fill(NaN);
    // Row 0 (start of the cut) at the top.
    spectra.forEach((s, r) => s && s.didv.length === columns && image.set(s.didv, r * columns));
    const rgba = colourise(image, percentileRange(image, 1, 99) ?? { lo: 0, hi: 1 }, table);
    context.putImageData(new ImageData(rgba, columns, rows), 0, 0);
  }, [spectra, rows, columns, table]);
  if (!first) return <p className="note">The cut crosses no measured pixel.</p>;
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const lo = first.bias[0]!;
  const hi = first.bias[columns - 1]!;
  // Bias in V and distance in nm, as plain numbers under their titles.
  const biasTicks = niceTicks(Math.min(lo, hi), Math.max(lo, hi), 6);
  const biasLabels = axisLabels(biasTicks, '').labels;
  const distanceTicks = niceTicks(0, lengthNm, 4);
  const distanceLabels = axisLabels(distanceTicks, '').labels;
  return (
    <figure className="grid-plot" data-testid="grid-line-cut">
      <div className="grid-cut-image" style={{ width: W, height: H }}>
        <canvas
          ref={canvas}
          width={columns}
          height={rows}
          style={{ left: M.left, top: M.top, width: innerW, height: innerH }}
        />
        <svg width={W} height={H}>
          <rect x={M.left} y={M.top} width={innerW} height={innerH} className="frame" />
          {biasTicks.map((t, i) => (
            <text
              key={t}
              x={M.left + ((t - lo) / (hi - lo)) * innerW}
              y={M.top + innerH + 16}
              textAnchor="middle"
            >
              {biasLabels[i]}
            </text>
          ))}
          {distanceTicks.map((t, i) => (
            <text
              key={`d${t}`}
              x={M.left - 6}
              y={M.top + (t / (lengthNm || 1)) * innerH + 4}
              textAnchor="end"
            >
              {distanceLabels[i]}
            </text>
          ))}
          <text x={M.left + innerW / 2} y={H - 6} textAnchor="middle" className="axis-title">
            Sample bias (V)
          </text>
          <text
            transform={`translate(12 ${M.top + innerH / 2}) rotate(-90)`}
            textAnchor="middle"
            className="axis-title"
          >
            Distance (nm)
          </text>
        </svg>
      </div>
      <figcaption>dI/dV along the cut ({rows} pixels, colour: 1–99 % range)</figcaption>
    </figure>
  );
}
