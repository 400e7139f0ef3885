// Fig. 3c as small multiples: one row per group, one column per quantity (VBM, CBM, Eg), each
// column on one energy axis; bars of width `binWidth`, the averaged spectrum's edge dashed on top.
// Bars are clickable (selects those spectra).
import type { AnalysisGroupSummary } from '../../../../shared/api/contract.ts';
import type { Histogram } from '../../../../shared/analysis/index.ts';
import { Axes } from '../plot/Axes.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { niceTicks } from '../../lib/axisKit.ts';
import { extent, linearScale } from '../plot/scale.ts';
import { FONT, TICK_FONT, withAlpha } from '../plot/theme.ts';
import { fixed } from '../plot/units.ts';
import type { BinSelection, EdgeQuantity } from './quantities.ts';
import { EDGE_QUANTITIES, QUANTITY_AXES, QUANTITY_TITLES, averagedEdge } from './quantities.ts';

/** Cell width outside a measured panel, viewBox units. */
const CELL_W = 290;
const CELL_H = 128;
const LEFT = 74;
const GAP_X = 26;
/** Above the first row: the dashed-line key and the first group's title. */
const TOP = 44;
/** Between rows: the next group's title sits here, outside every plot frame, never under a bar. */
const GAP_Y = 28;
/** Baseline of a group's title above its row's frames. */
const TITLE_RISE = 7;
const BOTTOM = 62;

export function histogramSize(
  rows: number,
  width = LEFT + 3 * CELL_W + 2 * GAP_X + 16,
): {
  width: number;
  height: number;
  cellWidth: number;
} {
  return {
    width,
    cellWidth: (width - LEFT - 2 * GAP_X - 16) / 3,
    height: TOP + rows * CELL_H + (rows - 1) * GAP_Y + BOTTOM,
  };
}

export function HistogramFigure({
  groups,
  histograms,
  colourOf,
  selected,
  onSelect,
}: {
  groups: AnalysisGroupSummary[];
  /** By label then quantity. */
  histograms: Map<string, Record<EdgeQuantity, Histogram>>;
  colourOf(label: string): string;
  selected: BinSelection | null;
  onSelect(bin: BinSelection): void;
}) {
  const { width, height, cellWidth } = histogramSize(groups.length, useFigureWidth(histogramSize(0).width));
  const xScales = EDGE_QUANTITIES.map((q, c) => {
    const edges = groups.flatMap((g) => [
      Array.from(histograms.get(g.label)![q].edges),
      [averagedEdge(g, q) ?? Number.NaN],
    ]);
    const left = LEFT + c * (cellWidth + GAP_X);
    return linearScale(extent(edges, 0.06), [left, left + cellWidth]);
  });
  const maxCount = Math.max(
    1,
    ...groups.flatMap((g) => EDGE_QUANTITIES.flatMap((q) => Array.from(histograms.get(g.label)![q].counts))),
  );
  const countTicks = niceTicks(0, maxCount, 3).filter((t) => Number.isInteger(t));
  /** A quantity no group has a value of: its columns' 0 … 1 axis would be made up, so no ticks. */
  const emptyColumn = EDGE_QUANTITIES.map((q) =>
    groups.every(
      (g) => !histograms.get(g.label)![q].counts.some((n) => n > 0) && averagedEdge(g, q) === null,
    ),
  );
  return (
    <FigureSvg width={width} height={height} label="Band-edge histograms per group">
      {groups.map((g, r) => {
        const top = TOP + r * (CELL_H + GAP_Y);
        const sy = linearScale([0, maxCount * 1.12], [top + CELL_H, top]);
        const colour = colourOf(g.label);
        const lastRow = r === groups.length - 1;
        return EDGE_QUANTITIES.map((q, c) => {
          const sx = xScales[c]!;
          const h = histograms.get(g.label)![q];
          const edge = averagedEdge(g, q);
          const frame = { left: sx.range[0], top, width: cellWidth, height: CELL_H };
          return (
            <g key={`${g.label}-${q}`}>
              {Array.from(h.counts, (count, i) => {
                const lo = h.edges[i]!;
                const hi = h.edges[i + 1]!;
                const isSelected =
                  selected?.label === g.label && selected.quantity === q && Math.abs(selected.lo - lo) < 1e-9;
                return (
                  <rect
                    key={i}
                    x={sx(lo)}
                    y={sy(count)}
                    width={Math.max(0.5, sx(hi) - sx(lo))}
                    height={sy(0) - sy(count)}
                    fill={withAlpha(colour, isSelected ? 0.95 : 0.55)}
                    stroke={isSelected ? '#000' : colour}
                    strokeWidth={isSelected ? 1.6 : 0.8}
                    style={{ cursor: count > 0 ? 'pointer' : 'default' }}
                    data-testid={count > 0 ? `bar-${g.label}-${q}` : undefined}
                    onClick={() =>
                      count > 0 &&
                      onSelect({ label: g.label, quantity: q, lo, hi, last: i === h.counts.length - 1 })
                    }
                  >
                    <title>{`${g.label} ${q}: ${fixed(lo, 3)} … ${fixed(hi, 3)} eV, ${count} spectra`}</title>
                  </rect>
                );
              })}
              {edge !== null && (
                <g>
                  <line
                    x1={sx(edge)}
                    x2={sx(edge)}
                    y1={top}
                    y2={top + CELL_H}
                    stroke="#111"
                    strokeWidth={1.4}
                    strokeDasharray="5 3"
                  />
                </g>
              )}
              <Axes
                frame={frame}
                x={{
                  scale: sx,
                  label: lastRow ? QUANTITY_AXES[q] : '',
                  ticks: emptyColumn[c] ? [] : sx.ticks(4),
                  format: lastRow ? undefined : () => '',
                }}
                y={{
                  scale: sy,
                  label: c === 0 ? 'Count' : '',
                  ticks: countTicks,
                  format: c === 0 ? undefined : () => '',
                }}
              />
              {!h.counts.some((n) => n > 0) && (
                <text
                  x={frame.left + cellWidth / 2}
                  y={top + CELL_H / 2}
                  textAnchor="middle"
                  fontFamily={FONT}
                  fontSize={TICK_FONT}
                  fill="#777"
                  data-testid={`histogram-none-${g.label}-${q}`}
                >
                  no {QUANTITY_TITLES[q]} found
                </text>
              )}
              {c === 0 && (
                <text
                  x={frame.left}
                  y={top - TITLE_RISE}
                  data-testid={`histogram-title-${g.label}`}
                  fontFamily={FONT}
                  fontSize={TICK_FONT}
                  fontWeight={600}
                  fill={colour}
                >
                  {g.label} (n = {g.counted}
                  {g.excluded > 0 ? `, ${g.excluded} excluded` : ''})
                </text>
              )}
            </g>
          );
        });
      })}
      <g fontFamily={FONT} fontSize={TICK_FONT - 1} fill="#333">
        <line
          x1={width - 250}
          x2={width - 226}
          y1={16}
          y2={16}
          stroke="#111"
          strokeWidth={1.4}
          strokeDasharray="5 3"
        />
        <text x={width - 220} y={20}>
          edge of the averaged spectrum
        </text>
      </g>
    </FigureSvg>
  );
}
