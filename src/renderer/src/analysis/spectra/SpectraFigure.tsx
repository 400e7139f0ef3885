// Fig. "averaged spectra": each group's averaged curve (bold) over its ±1 s.d. spread, linear or
// log axis; on dI/dV the band edges of each averaged spectrum (drop lines) and its gap (arrow),
// and the in-gap states of the group's spectra as open circles on its averaged curve.
import { memo, useId, useMemo } from 'react';
import { Axes } from '../plot/Axes.tsx';
import { Cursor } from '../plot/Cursor.tsx';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { Legend, legendWidth } from '../plot/Legend.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { bandPath, linePath } from '../plot/paths.ts';
import { extent, linearScale, logScale, positiveDecades } from '../plot/scale.ts';
import { frameFor, TICK_FONT, withAlpha } from '../plot/theme.ts';
import { axisUnit, fixed } from '../plot/units.ts';
import { rich } from '../plot/rich.tsx';
import { formatSi } from '../../lib/axisKit.ts';
import { anyStateDrawn } from './inGapMarks.ts';
import { InGapMarkers } from './InGapMarkers.tsx';
import type { SpectraMode } from './spectraModes.ts';
import { axisTitle, columnsOf, siUnitOf } from './spectraModes.ts';
import type { GroupSpectra } from './useGroupCurves.ts';

/** Room above the highest band edge (mean + 1 s.d.), as a fraction of the y span: the shading
 * touched the frame's top where a band peaks at the bias range's end. */
const TOP_HEADROOM = 0.06;

function withHeadroom([lo, hi]: [number, number]): [number, number] {
  return [lo, hi + TOP_HEADROOM * (hi - lo)];
}

/** A group without in-gap states. */
const NO_BIASES = new Float64Array(0);

/** A group's legend entry: the sweeps averaged, and those left out for their range (see the note). */
function legendLabel(g: GroupSpectra): string {
  return `${g.label} (n = ${g.n}${g.leftOut > 0 ? `; ${g.leftOut} left out` : ''})`;
}

/** Layout outside a measured panel, viewBox units. */
export const SPECTRA_SIZE = { width: 760, height: 480 };

/** Memoised: the Analysis tab re-renders on every library poll, and this figure is costly to draw. */
/**
 * The bias axis's range: the shown groups' (all groups' while every one is hidden). A group swept
 * over a few mV beside one over ±10 V was a vertical line, even with the wide one hidden.
 */
export function shownBiasDomain(
  groups: ReadonlyArray<{ label: string; bias: ArrayLike<number> }>,
  hidden: ReadonlySet<string>,
): [number, number] {
  const shown = groups.filter((g) => !hidden.has(g.label));
  return extent(
    (shown.length > 0 ? shown : groups).map((g) => g.bias),
    0,
  );
}

export const SpectraFigure = memo(function SpectraFigure({
  groups,
  mode,
  log,
  hidden,
  inGapBiases,
  onToggle,
  colourOf,
}: {
  groups: GroupSpectra[];
  mode: SpectraMode;
  log: boolean;
  hidden: ReadonlySet<string>;
  /** V, ascending, per group label: in-gap states of its counted spectra. */
  inGapBiases: ReadonlyMap<string, Float64Array>;
  onToggle(label: string): void;
  colourOf(label: string): string;
}) {
  const clip = useId();
  const width = useFigureWidth(SPECTRA_SIZE.width);
  const height = Math.round(Math.min(600, Math.max(SPECTRA_SIZE.height, width * 0.4)));
  // Everything but the in-gap markers depends only on the curves, the quantity and the size: kept
  // when just the markers change (the run's per-spectrum rows arriving re-render this figure).
  const { shown, withEdges, cols, frame, sx, sy, yDomain, unit, yUnit, paths } = useMemo(() => {
    const shown = groups.filter((g) => !hidden.has(g.label));
    const withEdges = mode !== 'current';
    const cols = new Map(groups.map((g) => [g.label, columnsOf(g, mode, log)]));
    // Each group's band edges (y ∓ 1 s.d.), once per render (they were recomputed per use).
    const bands = new Map(
      groups.map((g) => {
        const c = cols.get(g.label)!;
        const lower = c.y.map((v, i) => (log ? Math.max(v - c.std[i]!, 0) || Number.NaN : v - c.std[i]!));
        return [g.label, { lower, upper: c.y.map((v, i) => v + c.std[i]!) }] as const;
      }),
    );
    const lo = (label: string): Float64Array => bands.get(label)!.lower;
    const hi = (label: string): Float64Array => bands.get(label)!.upper;
    const xDomain = shownBiasDomain(groups, hidden);
    const yColumns = shown.flatMap((g) => [cols.get(g.label)!.y, hi(g.label), ...(log ? [] : [lo(g.label)])]);
    const yDomain = log ? positiveDecades(yColumns) : withHeadroom(extent(yColumns, 0.04));
    // The legend stands right of the plotting area, clear of the curves and the gap arrows; its
    // width allows for every entry it may list.
    const legendSpace =
      legendWidth([...groups.map((g) => ({ label: legendLabel(g) })), { label: 'In-gap states (spectra)' }]) +
      24;
    const frame = frameFor(width, height, { l: 78, r: legendSpace + 12, t: 20, b: 56 });
    const sx = linearScale(xDomain, [frame.left, frame.left + frame.width]);
    const sy = (log ? logScale : linearScale)(yDomain, [frame.top + frame.height, frame.top]);
    const unit = siUnitOf(mode);
    const yUnit = log ? { factor: 1, unit } : axisUnit(yDomain, unit);
    const floorY = sy.domain[0];
    // Bands and lines as SVG path data, each point scaled once per geometry.
    const paths = new Map(
      shown.map((g) => [
        g.label,
        {
          band: bandPath(
            g.bias,
            lo(g.label).map((v) => (log && !(v > 0) ? floorY : v)),
            hi(g.label),
            sx,
            sy,
          ),
          line: linePath(g.bias, cols.get(g.label)!.y, sx, sy),
        },
      ]),
    );
    return { shown, withEdges, cols, frame, sx, sy, yDomain, unit, yUnit, paths };
  }, [groups, mode, log, hidden, width, height]);
  // Circles on the averaged curve at each in-gap state's bias (outside the curve's range: none),
  // drawn by InGapMarkers.
  const biasesOf = (label: string): Float64Array => inGapBiases.get(label) ?? NO_BIASES;
  const anyInGap =
    withEdges && shown.some((g) => anyStateDrawn(g.bias, cols.get(g.label)!.y, biasesOf(g.label), log));
  const legendEntries = [
    ...groups.map((g) => ({
      key: g.label,
      label: legendLabel(g),
      colour: colourOf(g.label),
      hidden: hidden.has(g.label),
    })),
    { key: '__std', label: '±1 s.d.', colour: withAlpha('#555555', 0.25), kind: 'patch' as const },
    ...(withEdges ? [{ key: '__edges', label: 'VBM / CBM', colour: '#555', kind: 'dashed' as const }] : []),
    ...(anyInGap
      ? [{ key: '__in-gap', label: 'In-gap states (spectra)', colour: '#555', kind: 'open' as const }]
      : []),
  ];

  return (
    <FigureSvg width={width} height={height} label="Averaged spectra per group">
      <defs>
        <clipPath id={clip}>
          <rect x={frame.left} y={frame.top} width={frame.width} height={frame.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {!log && yDomain[0] < 0 && yDomain[1] > 0 && (
          <line
            x1={frame.left}
            x2={frame.left + frame.width}
            y1={sy(0)}
            y2={sy(0)}
            stroke="#999"
            strokeWidth={0.8}
          />
        )}
        {shown.map((g) => (
          <path
            key={`band-${g.label}`}
            data-testid="sd-band"
            d={paths.get(g.label)!.band}
            fill={withAlpha(colourOf(g.label), 0.18)}
            stroke="none"
          />
        ))}
        {shown.map((g) => (
          <path
            key={`line-${g.label}`}
            d={paths.get(g.label)!.line}
            fill="none"
            stroke={colourOf(g.label)}
            strokeWidth={2.4}
            strokeLinejoin="round"
          />
        ))}
        {withEdges &&
          shown.map((g, i) => {
            const { vbm, cbm, gap } = g.edges;
            const colour = colourOf(g.label);
            // Rows clear of the peaks at the band edges; the label sits above its arrow with room for
            // the subscript.
            const arrowY = frame.top + 40 + i * 34;
            const bottom = frame.top + frame.height;
            return (
              <g key={`edges-${g.label}`} stroke={colour} fill={colour} data-testid="edge-markers">
                {[vbm, cbm].map((e, k) =>
                  e === null ? null : (
                    <line
                      key={k}
                      x1={sx(e)}
                      x2={sx(e)}
                      y1={bottom}
                      y2={frame.top}
                      strokeDasharray="5 4"
                      strokeWidth={1.2}
                    />
                  ),
                )}
                {vbm !== null && cbm !== null && gap !== null && (
                  <g>
                    <line x1={sx(vbm) + 2} x2={sx(cbm) - 2} y1={arrowY} y2={arrowY} strokeWidth={1.2} />
                    <path
                      d={`M${sx(vbm)},${arrowY}l7,-3.5v7z M${sx(cbm)},${arrowY}l-7,-3.5v7z`}
                      stroke="none"
                    />
                    <text
                      x={(sx(vbm) + sx(cbm)) / 2}
                      y={arrowY - 11}
                      textAnchor="middle"
                      fontSize={TICK_FONT}
                      stroke="#fff"
                      strokeWidth={4}
                      paintOrder="stroke"
                    >
                      {rich(`E_g = ${fixed(gap, 2)} eV`)}
                    </text>
                  </g>
                )}
              </g>
            );
          })}
        {withEdges &&
          shown.map((g) => (
            <InGapMarkers
              key={`in-gap-${g.label}`}
              bias={g.bias}
              y={cols.get(g.label)!.y}
              biases={biasesOf(g.label)}
              sx={sx}
              sy={sy}
              log={log}
              colour={colourOf(g.label)}
            />
          ))}
      </g>
      <Axes
        frame={frame}
        x={{ scale: sx, label: 'Sample bias (V)' }}
        y={{ scale: sy, label: axisTitle(mode, log, yUnit.unit), factor: yUnit.factor }}
      />
      <Cursor
        frame={frame}
        sx={sx}
        series={shown.map((g) => ({
          label: g.label,
          colour: colourOf(g.label),
          x: g.bias,
          y: cols.get(g.label)!.y,
        }))}
        formatX={(v) => `${fixed(v, 3)} V`}
        formatY={(v) => (unit ? formatSi(v, unit) : fixed(v, 3))}
      />
      <Legend
        x={frame.left + frame.width + 12}
        anchor="start"
        y={frame.top}
        onToggle={onToggle}
        entries={legendEntries}
      />
    </FigureSvg>
  );
});
