// Fig. 3d: VB-peak-normalised dI/dV of each group's averaged spectrum over the gap, the deep-trap
// window shaded (its bounds draggable) and each group's shallow windows [VBM, lo], [hi, CBM] as
// bars along the top.
import { useId } from 'react';
import { Axes } from '../plot/Axes.tsx';
import { Cursor } from '../plot/Cursor.tsx';
import { FigureSvg } from '../plot/FigureSvg.tsx';
import { Legend, legendWidth } from '../plot/Legend.tsx';
import { useFigureWidth } from '../plot/figureWidth.ts';
import { linePath } from '../plot/paths.ts';
import { linearScale } from '../plot/scale.ts';
import { FONT, TICK_FONT, frameFor } from '../plot/theme.ts';
import { fixed } from '../plot/units.ts';
import { WindowHandle } from './WindowHandle.tsx';

export interface TrapCurve {
  label: string;
  /** V. */
  bias: Float64Array;
  /** dI/dV divided by the principal VB peak, dimensionless. */
  normalised: Float64Array;
  vbm: number | null;
  cbm: number | null;
}

export const TRAP_SIZE = { width: 760, height: 480 };

function maxWithin(c: TrapCurve, lo: number, hi: number): number {
  let m = 0;
  c.bias.forEach((v, i) => {
    if (v >= lo && v <= hi && Number.isFinite(c.normalised[i]!)) m = Math.max(m, c.normalised[i]!);
  });
  return m;
}

export function TrapFigure({
  curves,
  deep,
  onDeep,
  colourOf,
  zoom,
}: {
  curves: TrapCurve[];
  deep: [number, number];
  onDeep(deep: [number, number]): void;
  colourOf(label: string): string;
  /** 'gap': y axis fitted to the in-gap signal; 'full': up to the VB peak (1). */
  zoom: 'gap' | 'full';
}) {
  const clip = useId();
  const width = useFigureWidth(TRAP_SIZE.width);
  const height = Math.round(Math.min(600, Math.max(TRAP_SIZE.height, width * 0.4)));
  const legendEntries = [
    ...curves.map((c) => ({ key: c.label, label: c.label, colour: colourOf(c.label) })),
    { key: '__deep', label: 'deep-trap window', colour: '#cfcfcf', kind: 'patch' as const },
    { key: '__shallow', label: 'shallow windows (bars)', colour: '#666' },
  ];
  // The legend stands right of the plotting area, never over the deep window it explains.
  const frame = frameFor(width, height, { l: 78, r: legendWidth(legendEntries) + 36, t: 30, b: 56 });
  const vbms = curves.map((c) => c.vbm).filter((v): v is number => v !== null);
  const cbms = curves.map((c) => c.cbm).filter((v): v is number => v !== null);
  const x0 = Math.min(deep[0], ...vbms) - 0.35;
  const x1 = Math.max(deep[1], ...cbms) + 0.35;
  const sx = linearScale([x0, x1], [frame.left, frame.left + frame.width]);
  const inGap = Math.max(...curves.map((c) => maxWithin(c, deep[0], deep[1])), 0.01);
  const yMax = zoom === 'full' ? 1.1 : Math.min(1.1, inGap * 3);
  const sy = linearScale([0, yMax], [frame.top + frame.height, frame.top + 28 + curves.length * 9]);
  const setLo = (v: number): void => onDeep([Math.min(v, deep[1] - 0.05), deep[1]]);
  const setHi = (v: number): void => onDeep([deep[0], Math.max(v, deep[0] + 0.05)]);
  return (
    <FigureSvg width={width} height={height} label="Trap windows on normalised dI/dV">
      <defs>
        <clipPath id={clip}>
          <rect x={frame.left} y={frame.top} width={frame.width} height={frame.height} />
        </clipPath>
      </defs>
      <rect
        x={sx(deep[0])}
        y={frame.top}
        width={sx(deep[1]) - sx(deep[0])}
        height={frame.height}
        fill="#d9d9d9"
        fillOpacity={0.6}
      />
      <text
        x={(sx(deep[0]) + sx(deep[1])) / 2}
        y={frame.top + 30 + curves.length * 9}
        textAnchor="middle"
        fontFamily={FONT}
        fontSize={TICK_FONT}
        fill="#333"
      >
        deep window {fixed(deep[0], 2)} … {fixed(deep[1], 2)} V
      </text>
      <g clipPath={`url(#${clip})`}>
        {curves.map((c) => (
          <path
            key={c.label}
            d={linePath(c.bias, c.normalised, sx, sy)}
            fill="none"
            stroke={colourOf(c.label)}
            strokeWidth={2.4}
          />
        ))}
      </g>
      {curves.map((c, i) => {
        const y = frame.top + 12 + i * 9;
        const colour = colourOf(c.label);
        const segments: Array<[number, number]> = [];
        if (c.vbm !== null && c.vbm < deep[0]) segments.push([c.vbm, deep[0]]);
        if (c.cbm !== null && c.cbm > deep[1]) segments.push([deep[1], c.cbm]);
        return segments.map(([a, b]) => (
          <g key={`${c.label}${a}`} stroke={colour} strokeWidth={3}>
            <line x1={sx(a)} x2={sx(b)} y1={y} y2={y} />
            <line x1={sx(a)} x2={sx(a)} y1={y - 3} y2={y + 3} strokeWidth={1.5} />
            <line x1={sx(b)} x2={sx(b)} y1={y - 3} y2={y + 3} strokeWidth={1.5} />
          </g>
        ));
      })}
      <Axes
        frame={frame}
        x={{ scale: sx, label: 'Sample bias (V)' }}
        y={{ scale: sy, label: 'dI/dV ÷ VB peak' }}
      />
      <Cursor
        frame={frame}
        sx={sx}
        series={curves.map((c) => ({
          label: c.label,
          colour: colourOf(c.label),
          x: c.bias,
          y: c.normalised,
        }))}
        formatX={(v) => `${fixed(v, 3)} V`}
        formatY={(v) => fixed(v, 4)}
      />
      <WindowHandle
        value={deep[0]}
        sx={sx}
        frame={frame}
        onChange={setLo}
        testId="trap-window-lo"
        label="Deep window lower bound"
      />
      <WindowHandle
        value={deep[1]}
        sx={sx}
        frame={frame}
        onChange={setHi}
        testId="trap-window-hi"
        label="Deep window upper bound"
      />
      <Legend x={frame.left + frame.width + 12} anchor="start" y={frame.top} entries={legendEntries} />
    </FigureSvg>
  );
}
