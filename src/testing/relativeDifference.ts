// Comparing two curves of the same points in tests: the largest difference relative to the
// reference's scale, with NaN required at the same points in both.
import { expect } from 'vitest';

/** Largest |a − b| over the largest |b|, over points where both are finite; NaN must be where it is in b. */
export function relativeDifference(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    expect(Number.isNaN(a[i]!)).toBe(Number.isNaN(b[i]!));
    if (Number.isFinite(b[i]!)) scale = Math.max(scale, Math.abs(b[i]!));
    if (Number.isFinite(a[i]!)) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  }
  return worst / scale;
}
