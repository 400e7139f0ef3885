// ∫ y dV over [lo, hi] (y units × V) by the trapezoid rule, with the values at lo and hi linearly
// interpolated, i.e. numpy.trapezoid over [lo, samples strictly inside, hi]. The window must lie
// inside the sampled bias range (no extrapolation): otherwise null. An empty window (hi ≤ lo)
// integrates to 0. Bias must be ascending.
import type { NumberArray } from './types.ts';

function valueAt(x: NumberArray, y: NumberArray, v: number, j: number): number {
  // x[j] ≤ v ≤ x[j+1]
  if (j >= x.length - 1 || x[j] === v) return y[j]!;
  const slope = (y[j + 1]! - y[j]!) / (x[j + 1]! - x[j]!);
  return slope * (v - x[j]!) + y[j]!;
}

/** Index j of the last sample ≤ v (binary search); assumes x[0] ≤ v. */
function floorIndex(x: NumberArray, v: number): number {
  let lo = 0;
  let hi = x.length - 1;
  if (x[hi]! <= v) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function integrateWindow(bias: NumberArray, y: NumberArray, lo: number, hi: number): number | null {
  if (bias.length !== y.length) throw new RangeError('bias and y must have the same length');
  const n = bias.length;
  if (n < 2 || !(lo >= bias[0]!) || !(hi <= bias[n - 1]!)) return null;
  if (!(hi > lo)) return 0;
  const jLo = floorIndex(bias, lo);
  const jHi = floorIndex(bias, hi);
  let previousX = lo;
  let previousY = valueAt(bias, y, lo, jLo);
  let sum = 0;
  for (let i = jLo + 1; i <= jHi; i++) {
    const x = bias[i]!;
    if (x >= hi) break;
    sum += ((x - previousX) * (y[i]! + previousY)) / 2;
    previousX = x;
    previousY = y[i]!;
  }
  sum += ((hi - previousX) * (valueAt(bias, y, hi, jHi) + previousY)) / 2;
  return sum;
}
