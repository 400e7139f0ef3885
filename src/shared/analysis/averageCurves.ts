// STS-ANALYSIS.md step 3: point-wise average of curves that share one grid (resample them with
// commonGrid + resampleLinear first), with the point-wise spread for the shaded band.
// `std` is the sample standard deviation (ddof = 1) about the mean, whatever the centre mode;
// with a single curve it is NaN (undefined), not 0.
import { medianInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

export type AverageMode = 'mean' | 'median';

export interface AveragedCurve {
  /** Point-wise mean or median, in the curves' unit. */
  centre: Float64Array;
  /** Point-wise sample std (ddof = 1), same unit. */
  std: Float64Array;
  /** Number of curves averaged. */
  n: number;
}

export function averageCurves(curves: ReadonlyArray<NumberArray>, mode: AverageMode = 'mean'): AveragedCurve {
  const n = curves.length;
  if (n === 0) throw new RangeError('averageCurves needs at least one curve');
  const m = curves[0]!.length;
  for (const c of curves) {
    if (c.length !== m) throw new RangeError(`curves must share one grid (lengths ${m} and ${c.length})`);
  }
  const mean = new Float64Array(m);
  addCurves(curves, mean);
  for (let i = 0; i < m; i++) mean[i] = mean[i]! / n;
  const std = new Float64Array(m);
  if (n < 2) std.fill(Number.NaN);
  else {
    addSquaredDeviations(curves, mean, std);
    for (let i = 0; i < m; i++) std[i] = Math.sqrt(std[i]! / (n - 1));
  }
  if (mode === 'mean') return { centre: mean, std, n };
  const column = new Float64Array(n);
  const median = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < n; k++) column[k] = curves[k]![i]!;
    median[i] = medianInPlace(column, n);
  }
  return { centre: median, std, n };
}

// The curve loops live in functions of their own: V8 optimises a long loop while it runs (on-stack
// replacement) and keeps that code for the next calls; in one function with the loops after it,
// that code met a loop it had no type feedback for and left the optimised code on every call
// (20 deoptimisations in a worker's 21 re-analyses after an SG-window change, --trace-deopt).

/** sum[i] += c[i] over every curve. */
function addCurves(curves: ReadonlyArray<NumberArray>, sum: Float64Array): void {
  const m = sum.length;
  for (let k = 0; k < curves.length; k++) {
    const c = curves[k]!;
    for (let i = 0; i < m; i++) sum[i] = sum[i]! + c[i]!;
  }
}

/** squares[i] += (c[i] − mean[i])² over every curve. */
function addSquaredDeviations(
  curves: ReadonlyArray<NumberArray>,
  mean: Float64Array,
  squares: Float64Array,
): void {
  const m = mean.length;
  for (let k = 0; k < curves.length; k++) {
    const c = curves[k]!;
    for (let i = 0; i < m; i++) {
      const d = c[i]! - mean[i]!;
      squares[i] = squares[i]! + d * d;
    }
  }
}
