// Plain numerical derivative dy/dx, the same as numpy.gradient(y, x) with edge_order=1:
// second-order central differences inside (weighted for uneven steps), one-sided at the ends.
import { assertNumberArray, assertSameLength } from './assertNumberArray.ts';
import type { NumberArray } from './types.ts';

export function centralDifference(x: NumberArray, y: NumberArray, out?: Float64Array): Float64Array {
  assertNumberArray(x, 'x');
  assertNumberArray(y, 'y');
  assertSameLength(x, y, 'x and y');
  const n = x.length;
  if (n < 2) throw new RangeError(`centralDifference needs at least 2 points (got ${n})`);
  const result = out ?? new Float64Array(n);
  let uniform = true;
  const h0 = x[1]! - x[0]!;
  for (let i = 2; i < n && uniform; i++) uniform = x[i]! - x[i - 1]! === h0;
  if (uniform) {
    for (let i = 1; i < n - 1; i++) result[i] = (y[i + 1]! - y[i - 1]!) / (2 * h0);
  } else {
    for (let i = 1; i < n - 1; i++) {
      const dx1 = x[i]! - x[i - 1]!;
      const dx2 = x[i + 1]! - x[i]!;
      const a = -dx2 / (dx1 * (dx1 + dx2));
      const b = (dx2 - dx1) / (dx1 * dx2);
      const c = dx1 / (dx2 * (dx1 + dx2));
      result[i] = a * y[i - 1]! + b * y[i]! + c * y[i + 1]!;
    }
  }
  result[0] = (y[1]! - y[0]!) / (x[1]! - x[0]!);
  result[n - 1] = (y[n - 1]! - y[n - 2]!) / (x[n - 1]! - x[n - 2]!);
  return result;
}
