// bootstrapMeans against the definition (resample r: n indices floor(u · n) from one mulberry32
// stream, their mean), on every call: the first (streamed), the second (the index table is
// built) and later ones (read from the table), with new values of the same count each time, as a
// re-analysis after a deep-window change bootstraps them.
import { describe, expect, it } from 'vitest';
import { bootstrapMeans, bootstrapMeansRange } from './bootstrapMeans.ts';
import { mulberry32 } from './random.ts';

function reference(values: Float64Array, resamples: number, seed: number): Float64Array {
  const u = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(u() * values.length)]!;
    means[r] = sum / values.length;
  }
  return means;
}

describe('bootstrapMeans', () => {
  it('equals the definition bit for bit on repeated draws of one (n, resamples, seed)', () => {
    for (const [n, resamples, seed] of [
      [37, 500, 20240607],
      [300, 2000, 7],
      [70_000, 3, 11], // indices beyond 16 bits
      [2421, 2001, 0xfffffff0], // resamples not a multiple of the 4 summed at once; seed ≥ 2³¹
      [1, 6, 0],
      [5, 1, 99],
    ] as const) {
      const draw = mulberry32(seed + 1);
      for (let call = 0; call < 4; call++) {
        const values = Float64Array.from({ length: n }, () => draw() * 3 - 1);
        const means = bootstrapMeans(values, resamples, seed);
        expect(Array.from(means)).toEqual(Array.from(reference(values, resamples, seed)));
      }
    }
  });

  it('draws beyond the table size stream as before', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i));
    for (let call = 0; call < 3; call++)
      expect(Array.from(bootstrapMeans(values, 1000, 3))).toEqual(Array.from(reference(values, 1000, 3)));
  });
});

describe('bootstrapMeansRange', () => {
  it('ranges drawn apart and joined in order equal the whole, streamed and from the table', () => {
    for (const [n, resamples, seed, cuts] of [
      [300, 2000, 20240607, [0, 1000, 2000]],
      [2421, 2000, 5, [0, 3, 997, 1001, 2000]],
      [9, 13, 0x80000000, [0, 1, 2, 7, 13]],
    ] as const) {
      const draw = mulberry32(seed ^ 0x55);
      const whole = (values: Float64Array): number[] => Array.from(reference(values, resamples, seed));
      // Three calls per range: streamed, table built, table read.
      for (let call = 0; call < 3; call++) {
        const values = Float64Array.from({ length: n }, () => draw() * 2 - 0.5);
        const joined: number[] = [];
        for (let k = 0; k + 1 < cuts.length; k++)
          joined.push(...bootstrapMeansRange(values, seed, cuts[k]!, cuts[k + 1]!));
        expect(joined).toEqual(whole(values));
      }
    }
  });

  it('an empty sample gives NaN means, as the definition (0 / 0)', () => {
    expect(Array.from(bootstrapMeans(new Float64Array(0), 5, 1))).toEqual(Array(5).fill(Number.NaN));
  });

  it('rejects a range that is not one', () => {
    const values = Float64Array.of(1, 2, 3);
    expect(() => bootstrapMeansRange(values, 1, 4, 2)).toThrow(RangeError);
    expect(() => bootstrapMeansRange(values, 1, -1, 2)).toThrow(RangeError);
  });
});
