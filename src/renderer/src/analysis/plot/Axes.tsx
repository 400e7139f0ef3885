// A boxed pair of axes: ticks outward on the left and bottom (optionally right), tick labels in
// display units, axis titles with units. Log axes label whole decades as 10^k.
import type { ReactNode } from 'react';
import { rich } from './rich.tsx';
import type { Scale } from './scale.ts';
import { AXIS_COLOUR, FONT, LABEL_FONT, TICK_FONT, TICK_LENGTH } from './theme.ts';
import type { Frame } from './theme.ts';
import { axisLabels } from '../../lib/axisKit.ts';

export interface AxisSpec {
  scale: Scale;
  label: string;
  /** Data units per displayed unit (SI prefix). */
  factor?: number;
  ticks?: number[];
  format?: (value: number) => string;
}

function decade(value: number): ReactNode {
  const e = Math.round(Math.log10(value));
  return (
    <>
      10
      <tspan baselineShift="super" fontSize={TICK_FONT * 0.75}>
        {String(e).replace('-', '−')}
      </tspan>
    </>
  );
}

/** Tick text of each value: the axis' own format, decades on log axes, else the plot kit's labels
 * (one set of decimals for the whole axis, in display units). */
function tickLabels(axis: AxisSpec, values: number[]): ReactNode[] {
  if (axis.format) return values.map(axis.format);
  if (axis.scale.log) return values.map(decade);
  const factor = axis.factor ?? 1;
  return axisLabels(
    values.map((v) => v / factor),
    '',
  ).labels;
}

export function Axes({ frame, x, y, right }: { frame: Frame; x: AxisSpec; y: AxisSpec; right?: AxisSpec }) {
  const { left, top, width, height } = frame;
  const bottom = top + height;
  const xTicks = (x.ticks ?? x.scale.ticks(Math.max(3, Math.round(width / 90)))).filter(
    (v) => x.scale(v) >= left - 0.5 && x.scale(v) <= left + width + 0.5,
  );
  const yTicks = (y.ticks ?? y.scale.ticks(Math.max(3, Math.round(height / 60)))).filter(
    (v) => y.scale(v) >= top - 0.5 && y.scale(v) <= bottom + 0.5,
  );
  const xLabels = tickLabels(x, xTicks);
  const yLabels = tickLabels(y, yTicks);
  const rTicks = right
    ? (right.ticks ?? right.scale.ticks(Math.max(3, Math.round(height / 60)))).filter(
        (v) => right.scale(v) >= top - 0.5 && right.scale(v) <= bottom + 0.5,
      )
    : [];
  const rLabels = right ? tickLabels(right, rTicks) : [];
  return (
    <g fontFamily={FONT} fill={AXIS_COLOUR}>
      <rect
        x={left}
        y={top}
        width={width}
        height={height}
        fill="none"
        stroke={AXIS_COLOUR}
        strokeWidth={1.2}
      />
      {xTicks.map((v, i) => (
        <g key={`x${v}`} transform={`translate(${x.scale(v)},${bottom})`}>
          <line y2={TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
          <text y={TICK_LENGTH + TICK_FONT + 2} textAnchor="middle" fontSize={TICK_FONT}>
            {xLabels[i]}
          </text>
        </g>
      ))}
      {yTicks.map((v, i) => (
        <g key={`y${v}`} transform={`translate(${left},${y.scale(v)})`}>
          <line x2={-TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
          <text x={-TICK_LENGTH - 4} dy="0.35em" textAnchor="end" fontSize={TICK_FONT}>
            {yLabels[i]}
          </text>
        </g>
      ))}
      {right &&
        rTicks.map((v, i) => (
          <g key={`r${v}`} transform={`translate(${left + width},${right.scale(v)})`}>
            <line x2={TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
            <text x={TICK_LENGTH + 4} dy="0.35em" textAnchor="start" fontSize={TICK_FONT}>
              {rLabels[i]}
            </text>
          </g>
        ))}
      <text
        x={left + width / 2}
        y={bottom + TICK_LENGTH + TICK_FONT + LABEL_FONT + 12}
        textAnchor="middle"
        fontSize={LABEL_FONT}
      >
        {rich(x.label)}
      </text>
      <text
        transform={`translate(${left - 58},${top + height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={LABEL_FONT}
      >
        {rich(y.label)}
      </text>
      {right && (
        <text
          transform={`translate(${left + width + 58},${top + height / 2}) rotate(90)`}
          textAnchor="middle"
          fontSize={LABEL_FONT}
        >
          {rich(right.label)}
        </text>
      )}
    </g>
  );
}
