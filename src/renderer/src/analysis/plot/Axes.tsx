// A boxed pair of axes: ticks outward on the left and bottom (optionally right), tick labels in
// display units, axis titles with units. Log axes label whole decades as 10^k.
import type { ReactNode } from 'react';
import { rich } from './rich.tsx';
import type { Scale } from './scale.ts';
import { AXIS_COLOUR, FONT, LABEL_FONT, TICK_FONT, TICK_LENGTH } from './theme.ts';
import type { Frame } from './theme.ts';
import { tickText } from './units.ts';

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

function tickLabel(axis: AxisSpec, value: number): ReactNode {
  if (axis.format) return axis.format(value);
  if (axis.scale.log) return decade(value);
  return tickText(value, axis.factor);
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
  const rTicks = right
    ? (right.ticks ?? right.scale.ticks(Math.max(3, Math.round(height / 60)))).filter(
        (v) => right.scale(v) >= top - 0.5 && right.scale(v) <= bottom + 0.5,
      )
    : [];
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
      {xTicks.map((v) => (
        <g key={`x${v}`} transform={`translate(${x.scale(v)},${bottom})`}>
          <line y2={TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
          <text y={TICK_LENGTH + TICK_FONT + 2} textAnchor="middle" fontSize={TICK_FONT}>
            {tickLabel(x, v)}
          </text>
        </g>
      ))}
      {yTicks.map((v) => (
        <g key={`y${v}`} transform={`translate(${left},${y.scale(v)})`}>
          <line x2={-TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
          <text x={-TICK_LENGTH - 4} dy="0.35em" textAnchor="end" fontSize={TICK_FONT}>
            {tickLabel(y, v)}
          </text>
        </g>
      ))}
      {right &&
        rTicks.map((v) => (
          <g key={`r${v}`} transform={`translate(${left + width},${right.scale(v)})`}>
            <line x2={TICK_LENGTH} stroke={AXIS_COLOUR} strokeWidth={1.2} />
            <text x={TICK_LENGTH + 4} dy="0.35em" textAnchor="start" fontSize={TICK_FONT}>
              {tickLabel(right, v)}
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
