// numpy.percentile(values, q) with its default 'linear' method, on an ascending array.
// The interpolation follows numpy's _lerp (the two-sided form) so results agree to the last bit.
import { selectPair } from './quickselect.ts';

const pair = new Float64Array(2);

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
 * numpy.percentile(values[0..n−1], q) ('linear') without a full sort: selection of the two
 * order statistics around the position (selectPair). Reorders `values`; equal
 * to percentileSorted on the sorted values (the same two order statistics, the same _lerp).
 * Values must not be NaN.
 */
export function percentileInPlace(values: Float64Array, q: number, n = values.length): number {
  if (n === 0) return Number.NaN;
  const position = (q / 100) * (n - 1);
  const below = Math.min(Math.max(Math.floor(position), 0), n - 1);
  let a: number;
  let b: number;
  if (below + 1 < n) {
    selectPair(values, n, below + 1, pair);
    a = pair[0]!;
    b = pair[1]!;
  } else {
    // q = 100: the largest value.
    a = values[0]!;
    for (let k = 1; k < n; k++) if (values[k]! > a) a = values[k]!;
    b = a;
  }
  const t = position - below;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
