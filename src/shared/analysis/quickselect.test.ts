// medianBracketed, selectPair and bandWalk's percentile baseline against the plain definitions:
// the middle value of the sorted array (the mean of the two middle values for an even count), the
// order statistics of the sorted array, numpy's 5th percentile; bit for bit, on seeded arrays that
// take the fast paths and on arrays built to make the sample bracket miss (then selectPair runs on
// the whole array) or to defeat selectPair's pivots (then Hoare's selection finishes).
import { describe, expect, it } from 'vitest';
import { baselineOf } from './bandWalk.ts';
import { percentileSorted } from './percentile.ts';
import { medianBracketed, medianInPlace, selectPair } from './quickselect.ts';
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

describe('selectPair', () => {
  it('gives the (k−1)-th and k-th of the sorted values for every k, on 300 seeded arrays (ties, ±0, ±Infinity)', () => {
    const out = new Float64Array(2);
    for (let seed = 1; seed <= 300; seed++) {
      const u = mulberry32(seed);
      const n = 2 + ((seed * 71) % 260);
      const kind = seed % 4;
      const values = Float64Array.from({ length: n }, () => {
        if (kind === 0) return u() - 0.5;
        if (kind === 1) return Math.round(u() * 4) - 2 || (u() < 0.5 ? -0 : 0);
        if (kind === 2) return u() < 0.1 ? (u() < 0.5 ? Infinity : -Infinity) : Math.exp(8 * u());
        return Math.floor(u() * 3); // nearly all ties
      });
      const sorted = Float64Array.from(values).sort();
      for (let k = 1; k < n; k++) {
        const work = Float64Array.from(values);
        selectPair(work, n, k, out);
        expect(same(out[0]!, sorted[k - 1]!) && same(out[1]!, sorted[k]!)).toBe(true);
        // The values stay (their order may not).
        expect(Float64Array.from(work).sort()).toEqual(sorted);
      }
    }
  });
});

describe('selectPair on an input built against its pivots', () => {
  /**
   * Values that make every pass keep all but two (the three pivot samples get the largest values
   * left), so the Hoare fallback must finish: built by playing the passes for k = 1.
   */
  function adversary(n: number): Float64Array {
    const value = new Float64Array(n).fill(Number.NaN);
    let nextLarge = 1e6;
    let order = Array.from({ length: n }, (_, i) => i);
    while (order.length > 16) {
      const len = order.length;
      for (const at of [len >> 2, len >> 1, len - 1 - (len >> 2)]) {
        const i = order[at]!;
        if (Number.isNaN(value[i]!)) value[i] = nextLarge--;
      }
      const samples = [len >> 2, len >> 1, len - 1 - (len >> 2)].map((at) => value[order[at]!]!);
      const pivot = samples.sort((a, b) => a - b)[1]!;
      // Unassigned values will all be smaller than any assigned so far.
      order = order.filter((i) => Number.isNaN(value[i]!) || value[i]! < pivot);
    }
    let small = 0;
    for (let i = 0; i < n; i++) if (Number.isNaN(value[i]!)) value[i] = small++;
    return value;
  }

  it('still gives the sorted order statistics', () => {
    const out = new Float64Array(2);
    for (const n of [40, 100, 257, 600]) {
      const values = adversary(n);
      const sorted = Float64Array.from(values).sort();
      for (const k of [1, 2, 5, n >> 1, n - 1]) {
        selectPair(Float64Array.from(values), n, k, out);
        expect([out[0], out[1]]).toEqual([sorted[k - 1], sorted[k]]);
      }
    }
  });
});

describe('bandWalk baselineOf', () => {
  it("equals numpy's 5th percentile by a full sort of the span, on 300 seeded curves", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const u = mulberry32(seed);
      const n = 1 + ((seed * 41) % 400);
      const didv = Float64Array.from({ length: n }, () =>
        seed % 3 === 0 ? Math.round(u() * 5) * 1e-10 : 1e-9 * Math.exp(3 * u()),
      );
      const from = Math.floor(u() * n);
      const to = from + Math.floor(u() * (n - from));
      const sorted = didv.slice(from, to + 1).sort();
      expect(baselineOf(didv, from, to)).toBe(percentileSorted(sorted, 5));
    }
  });
});
