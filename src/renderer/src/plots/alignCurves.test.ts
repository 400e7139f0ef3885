import { describe, expect, it } from 'vitest';
import { alignCurves, valueAt } from './alignCurves.ts';

describe('valueAt', () => {
  // Two curves on different bias grids: the second has no point at x = 0.5 and 1.5.
  const [xs, first, second] = alignCurves([
    { x: Float64Array.of(0, 0.5, 1, 1.5, 2), y: Float64Array.of(0, 1, 2, 3, 4) },
    { x: Float64Array.of(0, 1, 2), y: Float64Array.of(10, 30, 20) },
  ]);

  it('reads a point the curve has', () => {
    expect(valueAt(xs, first!, 1)).toBe(1);
    expect(valueAt(xs, second!, 2)).toBe(30);
  });

  it('reads the drawn line between the nearest points where the curve has none', () => {
    expect(valueAt(xs, second!, 1)).toBeCloseTo(20, 12);
    expect(valueAt(xs, second!, 3)).toBeCloseTo(25, 12);
  });

  it('is null outside the curve', () => {
    const [x2, , short] = alignCurves([
      { x: Float64Array.of(0, 1, 2), y: Float64Array.of(0, 0, 0) },
      { x: Float64Array.of(1), y: Float64Array.of(5) },
    ]);
    expect(valueAt(x2, short!, 0)).toBeNull();
    expect(valueAt(x2, short!, 2)).toBeNull();
    expect(valueAt(x2, short!, 1)).toBe(5);
  });
});
