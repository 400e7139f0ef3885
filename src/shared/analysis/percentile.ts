// numpy.percentile(values, q) with its default 'linear' method, on an ascending array.
// The interpolation follows numpy's _lerp (the two-sided form) so results agree to the last bit.
import { selectInPlace } from './quickselect.ts';

export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (q / 100) * (n - 1);
  const below = Math.min(Math.max(Math.floor(position), 0), n - 1);
  const above = Math.min(below + 1, n - 1);
  const t = position - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * numpy.percentile(values[0..n−1], q) ('linear') without a full sort: selection of the lower
 * order statistic, the upper one as the minimum of what lies above it. Reorders `values`; equal
 * to percentileSorted on the sorted values (the same two order statistics, the same _lerp).
 * Values must not be NaN.
 */
export function percentileInPlace(values: Float64Array, q: number, n = values.length): number {
  if (n === 0) return Number.NaN;
  const position = (q / 100) * (n - 1);
  const below = Math.min(Math.max(Math.floor(position), 0), n - 1);
  const a = selectInPlace(values, below, 0, n - 1);
  let b = a;
  if (below + 1 < n) {
    b = values[below + 1]!;
    for (let k = below + 2; k < n; k++) if (values[k]! < b) b = values[k]!;
  }
  const t = position - below;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
