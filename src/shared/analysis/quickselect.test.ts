// medianBracketed against the plain definition: the middle value of the sorted array (the mean of
// the two middle values for an even count), bit for bit, on seeded arrays that take its fast path
// and on arrays built to make its sample bracket miss (then it falls back to medianInPlace).
import { describe, expect, it } from 'vitest';
import { medianBracketed, medianInPlace } from './quickselect.ts';
import { mulberry32 } from './random.ts';

/** The median by a full sort (NaN-free input). */
function sortedMedian(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const same = (a: number, b: number): boolean => Object.is(a, b) || (a === 0 && b === 0);

describe('medianBracketed', () => {
  it('equals the sorted median on 600 seeded arrays of 1–900 values (noise, ties, ±0, skew)', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const u = mulberry32(seed);
      const n = 1 + ((seed * 131) % 900);
      const kind = seed % 4;
      const values = Float64Array.from({ length: n }, () => {
        if (kind === 0) return u() - 0.5;
        if (kind === 1) return Math.round(u() * 4) - 2 || (u() < 0.5 ? -0 : 0); // many ties
        if (kind === 2) return Math.exp(8 * u()); // skewed
        return Math.abs(u() + u() - 1);
      });
      const expected = sortedMedian(values);
      const got = medianBracketed(Float64Array.from(values));
      expect(same(got, expected)).toBe(true);
      expect(same(got, medianInPlace(Float64Array.from(values)))).toBe(true);
    }
  });

  it('falls back when the sample misses the middle (sorted, reversed, extremes at the sampled places)', () => {
    for (const n of [124, 125, 300, 511, 512, 901]) {
      const ramp = Float64Array.from({ length: n }, (_, i) => i * 0.25 - 7);
      const reversed = Float64Array.from(ramp).reverse();
      // Huge values exactly where the 31 samples are taken: the bracket sits above the median.
      const trap = Float64Array.from(ramp);
      for (let j = 0; j < 31; j++) trap[Math.floor((j * (n - 1)) / 30)] = 1e9 + j;
      for (const values of [ramp, reversed, trap]) {
        expect(same(medianBracketed(Float64Array.from(values)), sortedMedian(values))).toBe(true);
      }
    }
  });

  it('with NaN gives what medianInPlace gives', () => {
    const u = mulberry32(7);
    const values = Float64Array.from({ length: 400 }, () => u());
    values[17] = Number.NaN;
    expect(
      Object.is(medianBracketed(Float64Array.from(values)), medianInPlace(Float64Array.from(values))),
    ).toBe(true);
  });
});
