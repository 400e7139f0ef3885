// Scales and ticks for the analysis figures: data units (V, A, A/V, dimensionless) to SVG user
// units (px of the figure's viewBox), linear or base-10 logarithmic: d3-scale behind one small
// interface, ticks from the plot kit (lib/axisKit.ts).
import { scaleLinear, scaleLog } from 'd3-scale';
import { niceTicks } from '../../lib/axisKit.ts';

export interface Scale {
  (value: number): number;
  /** Data range shown, in data units. */
  readonly domain: readonly [number, number];
  /** Pixel range, in viewBox units. */
  readonly range: readonly [number, number];
  readonly log: boolean;
  invert(px: number): number;
  ticks(count?: number): number[];
}

/** A d3 linear scale behind the figures' Scale interface. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const d3 = scaleLinear().domain(domain).range(range);
  const scale = ((v: number) => d3(v)) as Scale;
  return Object.assign(scale, {
    domain,
    range,
    log: false,
    invert: (px: number) => d3.invert(px),
    ticks: (count?: number) => {
      const [lo, hi] = [Math.min(...domain), Math.max(...domain)];
      return niceTicks(lo, hi, count ?? 6);
    },
  });
}

/** A d3 log scale (domain positive); ticks at whole decades only. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const d3 = scaleLog().domain(domain).range(range);
  const scale = ((v: number) => (v > 0 ? d3(v) : Number.NaN)) as Scale;
  return Object.assign(scale, {
    domain,
    range,
    log: true,
    invert: (px: number) => d3.invert(px),
    ticks: () => d3.ticks().filter((t) => Number.isInteger(Math.round(Math.log10(t) * 1e9) / 1e9)),
  });
}

/** [min, max] of the finite values, widened by `pad` (fraction of the span) on both sides. */
export function extent(columns: ReadonlyArray<ArrayLike<number>>, pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of columns)
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi === lo) return [lo - 0.5, hi + 0.5];
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

/** Like extent, over positive values only, widened to whole decades (log axes). */
export function positiveDecades(columns: ReadonlyArray<ArrayLike<number>>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of columns)
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v > 0 && Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  if (!Number.isFinite(lo)) return [1e-12, 1e-9];
  return [Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))];
}
