// uPlot axes whose ticks share one SI prefix that the axis label names: "Tunnelling current (nA)"
// over plain numbers, the prefix following zoom. Also the matching legend/colour-bar formatting.
import type uPlot from 'uplot';
import { siPrefixFor } from './siFormat.ts';

/** Units that read badly with a prefix ("mdeg", "k%"). */
function takesPrefix(unit: string): boolean {
  return unit !== '' && unit !== 'deg' && unit !== '°' && unit !== '%';
}

/** [factor, symbol] for values up to `magnitude` in `unit`. */
export function axisPrefix(magnitude: number, unit: string): [number, string] {
  return takesPrefix(unit) ? siPrefixFor(magnitude) : [1, ''];
}

/** Decimals that show a tick step (in display units) exactly: 0.25 → 2, 5 → 0. */
export function decimalsForStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let decimals = 0; decimals < 8; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return decimals;
  }
  return 8;
}

/** A typographic minus, and no "−0". */
function signed(text: string): string {
  return /^-0?\.?0*$/.test(text) ? text.slice(1) : text.replace(/^-/, '−');
}

/** Tick labels in units of `factor`, all with the decimals the step needs. */
export function tickLabels(splits: number[], factor: number): string[] {
  const step = splits.length > 1 ? Math.abs((splits[1] as number) - (splits[0] as number)) / factor : 1;
  const decimals = decimalsForStep(step);
  return splits.map((value) => signed((value / factor).toFixed(decimals)));
}

/**
 * The two ends of a range written with one prefix and enough decimals to tell them apart:
 * 105.12 nm … 105.84 nm, not 105 nm … 106 nm.
 */
export function formatSiRange(lo: number, hi: number, unit: string): [string, string] {
  const [factor, symbol] = axisPrefix(Math.max(Math.abs(lo), Math.abs(hi)), unit);
  const span = Math.abs(hi - lo) / factor;
  const decimals = span > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(span)) + 1)) : 2;
  const write = (v: number): string => `${signed((v / factor).toFixed(decimals))} ${symbol}${unit}`.trim();
  return [write(lo), write(hi)];
}

function scalePrefix(u: uPlot, scaleKey: string, unit: string): [number, string] {
  const scale = u.scales[scaleKey];
  return axisPrefix(Math.max(Math.abs(scale?.min ?? 0), Math.abs(scale?.max ?? 0)), unit);
}

/** An axis for `quantity` in `unit` on scale `scaleKey`, label "quantity (prefix unit)". */
export function siAxis(scaleKey: string, quantity: string, unit: string, size: number): uPlot.Axis {
  return {
    scale: scaleKey,
    label: (u) => (unit ? `${quantity} (${scalePrefix(u, scaleKey, unit)[1]}${unit})` : quantity),
    values: (u, splits) => tickLabels(splits, scalePrefix(u, scaleKey, unit)[0]),
    size,
  };
}
