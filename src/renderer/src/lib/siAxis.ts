// uPlot axes from the plot kit (axisKit): d3's round ticks, one SI prefix per axis named in the
// title ("Tunnelling current (nA)") over plain numbers, the prefix following zoom.
import type uPlot from 'uplot';
import { axisLabels, axisTitle, niceTicks } from './axisKit.ts';

/** The ticks uPlot draws on `scaleKey` for `count` wanted. */
function ticksOf(u: uPlot, scaleKey: string, count: number): number[] {
  const scale = u.scales[scaleKey];
  return niceTicks(scale?.min ?? 0, scale?.max ?? 0, count);
}

/** The title siAxis gives the axis on `scaleKey` as the plot now shows it (e.g. for a legend). */
export function siAxisTitle(
  u: uPlot,
  scaleKey: string,
  quantity: string,
  axisUnit: string,
  count = 6,
): string {
  return axisTitle(quantity, axisLabels(ticksOf(u, scaleKey, count), axisUnit).prefix, axisUnit);
}

/**
 * An axis for `quantity` in `axisUnit` on scale `scaleKey`, label "quantity (prefix unit)". Sample
 * bias passes `prefixed` false: it reads in V on every plot of the app, as in the analysis figures.
 */
export function siAxis(
  scaleKey: string,
  quantity: string,
  axisUnit: string,
  size: number,
  { count = 6, prefixed = true }: { count?: number; prefixed?: boolean } = {},
): uPlot.Axis {
  // The plot kit gives no prefix for the unit ''.
  const unit = prefixed ? axisUnit : '';
  return {
    scale: scaleKey,
    splits: (_u, _axis, min, max) => niceTicks(min, max, count),
    label: (u) => axisTitle(quantity, axisLabels(ticksOf(u, scaleKey, count), unit).prefix, axisUnit),
    values: (_u, splits) => axisLabels(splits, unit).labels,
    size,
  };
}
