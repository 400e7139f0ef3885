// Scales and ticks for the analysis figures: data units (V, A, A/V, dimensionless) to SVG user
// units (px of the figure's viewBox), linear or base-10 logarithmic.

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

/** Round numbers (1, 2, 5 × 10^k) from lo to hi, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Scale;
  return Object.assign(scale, {
    domain,
    range,
    log: false,
    invert: (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k),
    ticks: (count?: number) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}

/** Domain must be positive; ticks at whole decades. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const l0 = Math.log10(domain[0]);
  const l1 = Math.log10(domain[1]);
  const inner = linearScale([l0, l1], range);
  const scale = ((v: number) => (v > 0 ? inner(Math.log10(v)) : Number.NaN)) as Scale;
  return Object.assign(scale, {
    domain,
    range,
    log: true,
    invert: (px: number) => Math.pow(10, inner.invert(px)),
    ticks: () => {
      const out: number[] = [];
      for (let e = Math.ceil(l0 - 1e-9); e <= Math.floor(l1 + 1e-9); e++) out.push(Math.pow(10, e));
      return out;
    },
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
