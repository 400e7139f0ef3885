// Fig. 3e: band alignment per group relative to E_F = 0: valence band below its VBM and
// conduction band above its CBM (mean, bold line; mean ± s.d. darker band), Eg annotated; an
// optional column from UPS VBM + optical gap, and an E − E_vac axis when a work function is given.
import type { AnalysisGroupSummary } from '../../../../shared/api/contract.ts';
import { Axes } from '../plot/Axes.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { linearScale } from '../plot/scale.ts';
import { FONT, TICK_FONT, withAlpha } from '../plot/theme.ts';
import { fixed } from '../plot/units.ts';
import { rich } from '../plot/rich.tsx';

export interface ExternalLevels {
  /** UPS valence-band maximum, eV vs E_F (negative). */
  upsVbm: number | null;
  /** Work function Φ, eV (E_vac = E_F + Φ). */
  workFunction: number | null;
  /** Optical gap, eV. */
  opticalGap: number | null;
}

export interface Column {
  key: string;
  title: string;
  colour: string;
  vbm: number;
  vbmStd: number;
  cbm: number;
  cbmStd: number;
  gapText: string;
  dashed?: boolean;
}

export const DIAGRAM_SIZE = { width: 820, height: 520 };

/** A group gets a column when it has a mean VBM and a mean CBM. */
export function drawnInDiagram(g: AnalysisGroupSummary): boolean {
  return g.stats.vbm.mean !== null && g.stats.cbm.mean !== null;
}

export function columnsOf(
  groups: AnalysisGroupSummary[],
  colourOf: (l: string) => string,
  external: ExternalLevels,
): Column[] {
  const cols: Column[] = groups.flatMap((g) => {
    const { vbm, cbm, gap } = g.stats;
    if (!drawnInDiagram(g)) return [];
    return [
      {
        key: g.label,
        title: `${g.label} (n = ${g.counted})`,
        colour: colourOf(g.label),
        vbm: vbm.mean!,
        vbmStd: vbm.std ?? 0,
        cbm: cbm.mean!,
        cbmStd: cbm.std ?? 0,
        gapText: `E_g = ${fixed(gap.mean, 2)} ± ${fixed(gap.std, 2)} eV`,
      },
    ];
  });
  if (external.upsVbm !== null && external.opticalGap !== null)
    cols.push({
      key: '__external',
      title: 'UPS + optical',
      colour: '#555555',
      vbm: external.upsVbm,
      vbmStd: 0,
      cbm: external.upsVbm + external.opticalGap,
      cbmStd: 0,
      gapText: `E_{g,opt} = ${fixed(external.opticalGap, 2)} eV`,
      dashed: true,
    });
  else if (external.upsVbm !== null)
    cols.push({
      key: '__external',
      title: 'UPS',
      colour: '#555555',
      vbm: external.upsVbm,
      vbmStd: 0,
      cbm: Number.NaN,
      cbmStd: 0,
      gapText: '',
      dashed: true,
    });
  return cols;
}

export function BandDiagramFigure({
  columns,
  workFunction,
}: {
  columns: Column[];
  workFunction: number | null;
}) {
  const width = useFigureWidth(DIAGRAM_SIZE.width);
  const height = DIAGRAM_SIZE.height;
  const frame = {
    left: 78,
    top: 20,
    width: width - 78 - (workFunction !== null ? 90 : 24),
    height: height - 76,
  };
  const lows = columns.map((c) => c.vbm - c.vbmStd);
  const highs = columns.map((c) => (Number.isFinite(c.cbm) ? c.cbm + c.cbmStd : c.vbm));
  const sy = linearScale(
    [Math.min(-0.5, ...lows) - 0.6, Math.max(0.5, ...highs) + 0.6],
    [frame.top + frame.height, frame.top],
  );
  const slot = frame.width / Math.max(1, columns.length);
  const fx = linearScale([0, 1], [frame.left, frame.left + frame.width]);
  const right =
    workFunction !== null
      ? {
          scale: linearScale(
            [sy.domain[0] - workFunction, sy.domain[1] - workFunction],
            sy.range as [number, number],
          ),
          label: 'E − E_vac (eV)',
        }
      : undefined;
  const [yBottom, yTop] = [frame.top + frame.height, frame.top];
  // Gap label halfway between CBM and E_F (or the gap's middle when E_F is outside it).
  const gapTextY = (c: Column): number =>
    c.vbm < 0 && c.cbm > 0 ? (sy(c.cbm) + sy(0)) / 2 : (sy(c.cbm) + sy(c.vbm)) / 2;
  return (
    <FigureSvg width={width} height={height} label="Band diagram">
      {columns.map((c, i) => {
        const x0 = frame.left + i * slot + slot * 0.18;
        const w = slot * 0.64;
        const dash = c.dashed ? '6 4' : undefined;
        const mid = x0 + w / 2;
        const hasCbm = Number.isFinite(c.cbm);
        return (
          <g key={c.key} fontFamily={FONT} fontSize={TICK_FONT}>
            <rect
              x={x0}
              y={sy(c.vbm)}
              width={w}
              height={yBottom - sy(c.vbm)}
              fill={withAlpha(c.colour, 0.16)}
            />
            <rect
              x={x0}
              y={sy(c.vbm + c.vbmStd)}
              width={w}
              height={sy(c.vbm - c.vbmStd) - sy(c.vbm + c.vbmStd)}
              fill={withAlpha(c.colour, 0.38)}
            />
            <line
              x1={x0}
              x2={x0 + w}
              y1={sy(c.vbm)}
              y2={sy(c.vbm)}
              stroke={c.colour}
              strokeWidth={2.6}
              strokeDasharray={dash}
            />
            <text x={x0 + w / 2} y={sy(c.vbm) + 18} textAnchor="middle" fill="#111">
              VBM {fixed(c.vbm, 2)}
              {c.vbmStd ? ` ± ${fixed(c.vbmStd, 2)}` : ''}
            </text>
            {hasCbm && (
              <>
                <rect x={x0} y={yTop} width={w} height={sy(c.cbm) - yTop} fill={withAlpha(c.colour, 0.16)} />
                <rect
                  x={x0}
                  y={sy(c.cbm + c.cbmStd)}
                  width={w}
                  height={sy(c.cbm - c.cbmStd) - sy(c.cbm + c.cbmStd)}
                  fill={withAlpha(c.colour, 0.38)}
                />
                <line
                  x1={x0}
                  x2={x0 + w}
                  y1={sy(c.cbm)}
                  y2={sy(c.cbm)}
                  stroke={c.colour}
                  strokeWidth={2.6}
                  strokeDasharray={dash}
                />
                <text x={mid} y={sy(c.cbm) - 8} textAnchor="middle" fill="#111">
                  CBM {fixed(c.cbm, 2)}
                  {c.cbmStd ? ` ± ${fixed(c.cbmStd, 2)}` : ''}
                </text>
                {/* The gap arrow runs from level to level: its tips touch the VBM and CBM lines. */}
                <line
                  x1={mid}
                  x2={mid}
                  y1={sy(c.cbm) + 9}
                  y2={sy(c.vbm) - 9}
                  stroke="#111"
                  strokeWidth={1.2}
                />
                <path
                  d={`M${mid},${sy(c.cbm) + 1.3}l-4,9h8z M${mid},${sy(c.vbm) - 1.3}l-4,-9h8z`}
                  fill="#111"
                />
                <text
                  x={mid}
                  y={gapTextY(c)}
                  textAnchor="middle"
                  fill="#111"
                  stroke="#fff"
                  strokeWidth={5}
                  paintOrder="stroke"
                >
                  {rich(c.gapText)}
                </text>
              </>
            )}
            <text
              x={mid}
              y={yBottom + 22}
              textAnchor="middle"
              fontSize={TICK_FONT + 1}
              fill={c.colour}
              fontWeight={600}
            >
              {c.title}
            </text>
          </g>
        );
      })}
      <line
        x1={frame.left}
        x2={frame.left + frame.width}
        y1={sy(0)}
        y2={sy(0)}
        stroke="#111"
        strokeWidth={1.2}
        strokeDasharray="7 4"
      />
      {/* Above its dashed line with room for the subscript, haloed against the bands. */}
      <text
        x={frame.left + 6}
        y={sy(0) - 11}
        fontFamily={FONT}
        fontSize={TICK_FONT}
        fill="#111"
        stroke="#fff"
        strokeWidth={4}
        paintOrder="stroke"
      >
        {rich('E_F = 0')}
      </text>
      <Axes
        frame={frame}
        x={{ scale: fx, label: '', ticks: [] }}
        y={{ scale: sy, label: 'E − E_F (eV)' }}
        right={right}
      />
    </FigureSvg>
  );
}
