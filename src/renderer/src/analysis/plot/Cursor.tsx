// Cursor readout for a figure (interactive only, never exported): a vertical line at the
// pointer's x and a box listing each visible curve's value there.
import { useState } from 'react';
import type { PointerEvent } from 'react';
import type { Scale } from './scale.ts';
import type { Frame } from './theme.ts';
import { FONT, TICK_FONT } from './theme.ts';
import { svgPoint } from './FigureSvg.tsx';

export interface CursorSeries {
  label: string;
  colour: string;
  x: Float64Array;
  y: Float64Array;
}

/** y at the sample nearest to v (x ascending), or null. */
function nearest(x: Float64Array, y: Float64Array, v: number): number | null {
  let lo = 0;
  let hi = x.length - 1;
  if (hi < 0 || v < x[0]! || v > x[hi]!) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= v) lo = mid;
    else hi = mid;
  }
  const i = v - x[lo]! < x[hi]! - v ? lo : hi;
  return Number.isFinite(y[i]!) ? y[i]! : null;
}

export function Cursor({
  frame,
  sx,
  series,
  formatX,
  formatY,
}: {
  frame: Frame;
  sx: Scale;
  series: CursorSeries[];
  formatX(v: number): string;
  formatY(v: number): string;
}) {
  const [at, setAt] = useState<number | null>(null);
  const move = (e: PointerEvent<SVGRectElement>): void => {
    const svg = e.currentTarget.ownerSVGElement;
    if (svg) setAt(sx.invert(svgPoint(svg, e.clientX, e.clientY).x));
  };
  const rows = at === null ? [] : series.map((s) => ({ ...s, value: nearest(s.x, s.y, at) }));
  const px = at === null ? 0 : sx(at);
  const boxWidth = 200;
  const boxX = px + boxWidth + 12 > frame.left + frame.width ? px - boxWidth - 8 : px + 8;
  return (
    <g data-export="skip">
      <rect
        x={frame.left}
        y={frame.top}
        width={frame.width}
        height={frame.height}
        fill="transparent"
        onPointerMove={move}
        onPointerLeave={() => setAt(null)}
        data-testid="cursor-area"
      />
      {at !== null && (
        <g pointerEvents="none" fontFamily={FONT} fontSize={TICK_FONT - 1}>
          <line
            x1={px}
            x2={px}
            y1={frame.top}
            y2={frame.top + frame.height}
            stroke="#888"
            strokeDasharray="3 3"
          />
          <rect
            x={boxX}
            y={frame.top + 6}
            width={boxWidth}
            height={20 + rows.length * 17}
            fill="#fff"
            fillOpacity={0.92}
            stroke="#bbb"
          />
          <text x={boxX + 8} y={frame.top + 21} data-testid="cursor-readout">
            V = {formatX(at)}
          </text>
          {rows.map((r, i) => (
            <text key={r.label} x={boxX + 8} y={frame.top + 38 + i * 17} fill={r.colour}>
              {r.label}: {r.value === null ? '—' : formatY(r.value)}
            </text>
          ))}
        </g>
      )}
    </g>
  );
}
