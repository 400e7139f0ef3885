// STS-ANALYSIS.md step 7: n, mean, std, median of one group's values (VBM, CBM, Eg in V, or trap
// integrals). std is the SAMPLE standard deviation (ddof = 1, numpy.std(x, ddof=1)); it is null
// for fewer than 2 values, and every statistic is null for no values. Non-finite values are
// ignored (a spectrum without an edge contributes nothing, it is not a zero).
import { medianInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

export interface SummaryStats {
  n: number;
  mean: number | null;
  /** Sample standard deviation, ddof = 1. */
  std: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export function summaryStats(values: NumberArray): SummaryStats {
  const finite = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite[n++] = v;
  }
  if (n === 0) return { n: 0, mean: null, std: null, median: null, min: null, max: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    sum += finite[i]!;
    if (finite[i]! < min) min = finite[i]!;
    if (finite[i]! > max) max = finite[i]!;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (finite[i]! - mean) ** 2;
  const std = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
  return { n, mean, std, median: medianInPlace(finite, n), min, max };
}
