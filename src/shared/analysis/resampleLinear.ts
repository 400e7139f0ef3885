// Linear interpolation of y(x) at the points of `grid`, equal to numpy.interp inside the data
// range. It never extrapolates: a grid point outside [x[0], x[n−1]] throws a RangeError, because
// a value made up beyond the measured bias range would silently enter averages and derivatives.
// Build grids with commonGrid, which only covers the overlap of its inputs.
import { assertNumberArray, assertSameLength } from './assertNumberArray.ts';
import type { NumberArray } from './types.ts';

export function resampleLinear(
  x: NumberArray,
  y: NumberArray,
  grid: NumberArray,
  out: Float64Array = new Float64Array(grid.length),
): Float64Array {
  assertNumberArray(x, 'x');
  assertNumberArray(y, 'y');
  assertNumberArray(grid, 'grid');
  assertSameLength(x, y, 'x and y');
  const n = x.length;
  if (n === 0) throw new RangeError('resampleLinear needs at least one data point');
  if (out.length !== grid.length) throw new RangeError('out must have the length of grid');
  const first = x[0]!;
  const last = x[n - 1]!;
  // j: index of the interval [x[j], x[j+1]] of the previous grid point; grids are usually
  // ascending, so the search mostly walks forward a step or two (O(n + m) overall).
  let j = 0;
  for (let k = 0; k < grid.length; k++) {
    const g = grid[k]!;
    if (!(g >= first && g <= last)) {
      throw new RangeError(
        `grid point ${g} lies outside the data range [${first}, ${last}]: no extrapolation`,
      );
    }
    if (g < x[j]!) {
      let lo = 0;
      let hi = j;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid]! <= g) lo = mid;
        else hi = mid;
      }
      j = lo;
    }
    while (j < n - 1 && x[j + 1]! <= g) j++;
    if (j === n - 1 || x[j] === g) {
      out[k] = y[j]!;
    } else {
      // numpy's formula, so values agree to the last bit in the common case.
      const slope = (y[j + 1]! - y[j]!) / (x[j + 1]! - x[j]!);
      out[k] = slope * (g - x[j]!) + y[j]!;
    }
  }
  return out;
}
