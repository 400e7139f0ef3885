// uPlot axes from the plot kit (axisKit): d3's round ticks, one SI prefix per axis named in the
// title ("Tunnelling current (nA)") over plain numbers, the prefix following zoom.
import type uPlot from 'uplot';
import { axisLabels, niceTicks } from './axisKit.ts';

/** The ticks uPlot draws on `scaleKey` for `count` wanted. */
function ticksOf(u: uPlot, scaleKey: string, count: number): number[] {
  const scale = u.scales[scaleKey];
  return niceTicks(scale?.min ?? 0, scale?.max ?? 0, count);
}

/** An axis for `quantity` in `unit` on scale `scaleKey`, label "quantity (prefix unit)". */
export function siAxis(
  scaleKey: string,
  quantity: string,
  unit: string,
  size: number,
  count = 6,
): uPlot.Axis {
  return {
    scale: scaleKey,
    splits: (_u, _axis, min, max) => niceTicks(min, max, count),
    label: (u) =>
      unit ? `${quantity} (${axisLabels(ticksOf(u, scaleKey, count), unit).prefix.symbol}${unit})` : quantity,
    values: (_u, splits) => axisLabels(splits, unit).labels,
    size,
  };
}
