// Fig. 5a-like: dI/dV of each sweep of one series, offset vertically (sweep 1 at the bottom),
// VBM and CBM of each sweep marked, metallic sweeps flagged at the right.
import { interpolateViridis } from 'd3-scale-chromatic';
import type { SweepDegradation } from '../../../../shared/analysis/index.ts';
import { Axes } from '../plot/Axes.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { linePath } from '../plot/paths.ts';
import { extent, linearScale } from '../plot/scale.ts';
import { FONT, TICK_FONT, frameFor } from '../plot/theme.ts';
import { axisUnit } from '../plot/units.ts';
import type { SweepCurve } from './useSweepCurves.ts';

export const STACK_SIZE = { width: 700, height: 520 };

export function sweepColour(k: number, n: number): string {
  return interpolateViridis(n <= 1 ? 0 : ((k - 1) / (n - 1)) * 0.85);
}

/** Vertical offset between sweeps, A/V: 60 % of the largest dI/dV shown. */
export function offsetStep(curves: SweepCurve[]): number {
  return 0.6 * Math.max(1e-15, ...curves.map((c) => extent([c.didv], 0)[1]));
}

function valueAt(c: SweepCurve, v: number): number {
  let best = 0;
  c.bias.forEach((b, i) => {
    if (Math.abs(b - v) < Math.abs(c.bias[best]! - v)) best = i;
  });
  return c.didv[best]!;
}

export function StackedSweepsFigure({
  curves,
  sweeps,
}: {
  curves: SweepCurve[];
  sweeps: SweepDegradation[];
}) {
  const width = useFigureWidth(STACK_SIZE.width);
  const height = Math.round(Math.min(640, Math.max(STACK_SIZE.height, width * 0.4)));
  const frame = frameFor(width, height, { l: 78, r: 170, t: 20, b: 56 });
  const step = offsetStep(curves);
  const shifted = curves.map((c) => ({ ...c, y: c.didv.map((v) => v + (c.k - 1) * step) }));
  const xDomain = extent(
    curves.map((c) => c.bias),
    0,
  );
  const yDomain = extent(
    shifted.map((c) => c.y),
    0.03,
  );
  const sx = linearScale(xDomain, [frame.left, frame.left + frame.width]);
  const sy = linearScale(yDomain, [frame.top + frame.height, frame.top]);
  const unit = axisUnit(yDomain, 'A/V');
  const n = curves.length;
  return (
    <FigureSvg width={width} height={height} label="dI/dV per sweep, offset">
      {shifted.map((c) => {
        const colour = sweepColour(c.k, n);
        const s = sweeps[c.k - 1];
        return (
          <g key={c.k}>
            <line
              x1={frame.left}
              x2={frame.left + frame.width}
              y1={sy((c.k - 1) * step)}
              y2={sy((c.k - 1) * step)}
              stroke="#bbb"
              strokeDasharray="2 3"
            />
            <path d={linePath(c.bias, c.y, sx, sy)} fill="none" stroke={colour} strokeWidth={2} />
            {s &&
              [s.vbm, s.cbm].map((e, i) =>
                e === null ? null : (
                  <line
                    key={i}
                    x1={sx(e)}
                    x2={sx(e)}
                    y1={sy(valueAt(c, e) + (c.k - 1) * step) - 9}
                    y2={sy(valueAt(c, e) + (c.k - 1) * step) + 9}
                    stroke="#000"
                    strokeWidth={1.8}
                  />
                ),
              )}
            <text
              x={frame.left + frame.width + 8}
              y={sy((c.k - 0.75) * step)}
              dy="0.35em"
              fontFamily={FONT}
              fontSize={TICK_FONT}
              fill={s?.metallic ? '#b3261e' : colour}
              fontWeight={600}
            >
              sweep {c.k}
              {s?.metallic ? ' · metallic' : ''}
            </text>
          </g>
        );
      })}
      <Axes
        frame={frame}
        x={{ scale: sx, label: 'Sample bias (V)' }}
        y={{ scale: sy, label: `dI/dV (${unit.unit}), offset`, factor: unit.factor }}
      />
      <g fontFamily={FONT} fontSize={TICK_FONT - 1} fill="#333">
        <line
          x1={frame.left + frame.width + 10}
          x2={frame.left + frame.width + 10}
          y1={frame.top + frame.height - 16}
          y2={frame.top + frame.height}
          stroke="#000"
          strokeWidth={1.8}
        />
        <text x={frame.left + frame.width + 18} y={frame.top + frame.height - 4}>
          VBM / CBM of each sweep
        </text>
      </g>
    </FigureSvg>
  );
}
