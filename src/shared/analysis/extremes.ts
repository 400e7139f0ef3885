// The smallest and largest value of a curve, in one pass (NaN ignored). Units: the curve's.
import type { NumberArray } from './types.ts';

/** [min, max] of `values`; [Infinity, −Infinity] when there is none. */
export function extremes(values: NumberArray): [number, number] {
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return [min, max];
}
