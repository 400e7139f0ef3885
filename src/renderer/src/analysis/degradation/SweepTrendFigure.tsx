// Fig. 5b-like: band gap Eg and in-gap DOS (∫ of VB-peak-normalised dI/dV over the first sweep's
// gap) against sweep number for every series, coloured by label; metallic sweeps as open markers.
import type { AnalysisSeriesSummary } from '../../../../shared/api/contract.ts';
import type { SweepDegradation } from '../../../../shared/analysis/index.ts';
import { Axes } from '../plot/Axes.tsx';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { Legend } from '../plot/Legend.tsx';
import { extent, linearScale } from '../plot/scale.ts';
import type { Scale } from '../plot/scale.ts';
import type { Frame } from '../plot/theme.ts';

export const TREND_SIZE = { width: 960, height: 380 };

type Metric = 'gap' | 'inGap';

function Panel({
  frame,
  series,
  metric,
  label,
  colourOf,
  selected,
  kMax,
}: {
  frame: Frame;
  series: AnalysisSeriesSummary[];
  metric: Metric;
  label: string;
  colourOf(label: string): string;
  selected: number;
  kMax: number;
}) {
  const values = series.flatMap((s) => s.sweeps.map((w) => w[metric] ?? Number.NaN));
  const yDomain = extent([values, metric === 'inGap' ? [0] : []], 0.08);
  const sx: Scale = linearScale([0.6, kMax + 0.4], [frame.left, frame.left + frame.width]);
  const sy = linearScale(yDomain, [frame.top + frame.height, frame.top]);
  const ticks = Array.from({ length: kMax }, (_, i) => i + 1);
  const point = (w: SweepDegradation) => (w[metric] === null ? null : ([sx(w.k), sy(w[metric]!)] as const));
  return (
    <g>
      {series.map((s, i) => {
        const colour = colourOf(s.label ?? 'unlabelled');
        const pts = s.sweeps.map(point);
        const d = pts.reduce(
          (acc, p, j) => (p ? `${acc}${j > 0 && pts[j - 1] ? 'L' : 'M'}${p[0]},${p[1]}` : acc),
          '',
        );
        return (
          <g key={i} opacity={i === selected ? 1 : 0.75}>
            <path d={d} fill="none" stroke={colour} strokeWidth={i === selected ? 2.6 : 1.4} />
            {s.sweeps.map((w, j) => {
              const p = pts[j];
              return p ? (
                <circle
                  key={j}
                  cx={p[0]}
                  cy={p[1]}
                  r={4.5}
                  fill={w.metallic ? '#fff' : colour}
                  stroke={colour}
                  strokeWidth={1.8}
                />
              ) : null;
            })}
          </g>
        );
      })}
      <Axes frame={frame} x={{ scale: sx, label: 'Sweep number', ticks }} y={{ scale: sy, label }} />
    </g>
  );
}

export function SweepTrendFigure({
  series,
  colourOf,
  selected,
}: {
  series: AnalysisSeriesSummary[];
  colourOf(label: string): string;
  selected: number;
}) {
  const width = useFigureWidth(TREND_SIZE.width);
  const height = TREND_SIZE.height;
  const kMax = Math.max(2, ...series.map((s) => s.sweeps.length));
  const w = (width - 78 - 80 - 180) / 2;
  const left: Frame = { left: 78, top: 20, width: w, height: height - 76 };
  const right: Frame = { ...left, left: 78 + w + 80 };
  const labels = [...new Set(series.map((s) => s.label ?? 'unlabelled'))];
  return (
    <FigureSvg width={width} height={height} label="Band gap and in-gap DOS against sweep">
      <Panel
        frame={left}
        series={series}
        metric="gap"
        label="Band gap E_g (eV)"
        colourOf={colourOf}
        selected={selected}
        kMax={kMax}
      />
      <Panel
        frame={right}
        series={series}
        metric="inGap"
        label="In-gap DOS ∫ dI/dV ÷ VB peak (V)"
        colourOf={colourOf}
        selected={selected}
        kMax={kMax}
      />
      <Legend
        x={right.left + right.width + 16}
        anchor="start"
        y={right.top}
        entries={[
          ...labels.map((l) => ({ key: l, label: l, colour: colourOf(l) })),
          { key: '__metallic', label: 'metallic sweep', colour: '#555', kind: 'open' as const },
        ]}
      />
    </FigureSvg>
  );
}
