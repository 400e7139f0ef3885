// The in-gap markers' geometry against a direct reference: each state interpolated on its own
// (linear between the curve's two grid points around it), counted when finite (and positive on a
// log axis), drawn once per whole-pixel spot. Seeded curves with NaN gaps and negative stretches,
// states inside and outside the curve's range, repeated biases; linear and log axes.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../shared/analysis/random.ts';
import { anyStateDrawn, markerPath } from './inGapMarks.ts';

/** The curve at `b` by linear interpolation between its neighbouring grid points; NaN outside. */
function valueAt(x: Float64Array, y: Float64Array, b: number): number {
  if (b < x[0]! || b > x[x.length - 1]!) return Number.NaN;
  let j = 0;
  while (j < x.length - 2 && x[j + 1]! < b) j++;
  const t = (b - x[j]!) / (x[j + 1]! - x[j]!);
  return y[j]! + t * (y[j + 1]! - y[j]!);
}

function curveAndStates(seed: number) {
  const random = mulberry32(seed);
  const points = 64;
  const x = Float64Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
  // Negative below -0.5 (not drawn on a log axis), NaN in a gap of the curve.
  const y = x.map((v, i) => (i >= 30 && i <= 33 ? Number.NaN : v + 0.5 + 0.1 * random()));
  const biases = Float64Array.from({ length: 400 }, () => {
    const b = -1.3 + 2.6 * random();
    return random() < 0.2 ? Math.round(b * 20) / 20 : b; // some repeats
  }).sort();
  return { x, y, biases };
}

const sx = (b: number): number => 100 + 300 * b;
const sy = (v: number): number => 200 - 90 * v;

describe('in-gap marks', () => {
  it.each([1, 7, 2026])('count, spots and anyStateDrawn match a per-state reference (seed %i)', (seed) => {
    const { x, y, biases } = curveAndStates(seed);
    for (const log of [false, true]) {
      const values = Float64Array.from(biases, (b) => valueAt(x, y, b));
      const drawn = Array.from(biases.keys()).filter((i) => {
        const v = values[i]!;
        return Number.isFinite(v) && (!log || v > 0);
      });
      const spots = new Set(drawn.map((i) => `${Math.round(sx(biases[i]!))},${Math.round(sy(values[i]!))}`));
      const { count, d } = markerPath(biases, values, sx, sy, log);
      expect(count).toBe(drawn.length);
      expect(d.split('M').length - 1).toBe(spots.size);
      // Not vacuous: some states drawn, some not.
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.length).toBeLessThan(biases.length);
      expect(anyStateDrawn(x, y, biases, log)).toBe(true);
    }
  });

  it('anyStateDrawn is false when no state lands on a drawn part of the curve', () => {
    const { x, y } = curveAndStates(3);
    const outside = Float64Array.from([-2, -1.5, 1.2, 3]);
    // On a log axis the curve below -0.6 V is negative: not drawn; over 300 states (two probes).
    const negative = Float64Array.from({ length: 300 }, (_, i) => -0.95 + (0.3 * i) / 299);
    expect(anyStateDrawn(x, y, outside, false)).toBe(false);
    expect(anyStateDrawn(x, y, negative, true)).toBe(false);
    expect(
      markerPath(
        negative,
        Float64Array.from(negative, (b) => valueAt(x, y, b)),
        sx,
        sy,
        true,
      ).count,
    ).toBe(0);
    expect(anyStateDrawn(x, y, negative, false)).toBe(true);
    expect(anyStateDrawn(x, y, new Float64Array(0), false)).toBe(false);
  });
});
