// Why a side has no band onset, as the user reads it: the test it failed, the rise P − B as a
// multiple of the larger of |B| and the noise floor kσ, and the multiple a band needs (a multiple
// of B itself read "−1.76×" for a baseline below zero).
import { describe, expect, it } from 'vitest';
import { bandWalk } from './bandWalk.ts';
import type { BandWalkOptions } from './bandWalk.ts';
import { mulberry32 } from './random.ts';

const OPTIONS: BandWalkOptions = {
  prominenceFraction: 0.05,
  ignoreBelow: 0.05,
  bandK: 5,
  inGapK: 6,
  connectFraction: 0.25,
  minContrast: 4,
  bandPeakFraction: 0.75,
  tailPeakFraction: 0.55,
};

/** A flat dI/dV (A/V) at `level` with white noise of σ = `noise`, on −2 … 2 V. */
function flat(level: number, noise: number, seed: number): { bias: Float64Array; didv: Float64Array } {
  const u = mulberry32(seed);
  const bias = Float64Array.from({ length: 401 }, (_, i) => -2 + i / 100);
  const didv = bias.map(() => level + noise * (u() + u() + u() + u() - 2) * Math.sqrt(3));
  return { bias, didv };
}

describe('bandWalk: the reason for no band onset', () => {
  for (const seed of [1, 2, 3]) {
    it(`states the rise against the noise floor where the noise sets the scale (seed ${seed})`, () => {
      // Baseline −0.2 pA/V, noise σ 0.1 pA/V: 5σ (0.5) is larger than |B|.
      const { bias, didv } = flat(-2e-13, 1e-13, seed);
      const walk = bandWalk(bias, didv, OPTIONS, null, 1e-13);
      for (const side of [walk.vbm, walk.cbm]) {
        const match =
          /^no band onset at V [<>] 0: dI\/dV does not rise clearly above the in-gap level \(it rises (\d+\.\d\d)× the 5σ noise floor; a band needs 4×\)$/.exec(
            side.edge as string,
          );
        expect(match, String(side.edge)).not.toBeNull();
        // The side's largest of ~200 noise samples over their 5th percentile: ~3–6 σ, 0.6–1.2 × 5σ.
        const rise = Number(match![1]);
        expect(rise).toBeGreaterThan(0.5);
        expect(rise).toBeLessThan(1.4);
      }
    });

    it(`says a baseline below zero is, and measures against |B| (seed ${seed})`, () => {
      const { bias, didv } = flat(-2e-12, 1e-13, seed);
      const walk = bandWalk(bias, didv, OPTIONS, null, 1e-13);
      const match = /\(it rises (\d+\.\d\d)× the in-gap level, which is below zero; a band needs 4×\)$/.exec(
        walk.vbm.edge as string,
      );
      expect(match, String(walk.vbm.edge)).not.toBeNull();
      // ~3–6 σ of 0.1 pA/V over |B| = 2 pA/V: 0.15–0.3.
      expect(Number(match![1])).toBeGreaterThan(0.1);
      expect(Number(match![1])).toBeLessThan(0.4);
    });

    it(`measures against a positive baseline as it is (seed ${seed})`, () => {
      const { bias, didv } = flat(2e-12, 1e-13, seed);
      const walk = bandWalk(bias, didv, OPTIONS, null, 1e-13);
      const match = /\(it rises (\d+\.\d\d)× the in-gap level; a band needs 4×\)$/.exec(
        walk.vbm.edge as string,
      );
      expect(match, String(walk.vbm.edge)).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThan(0.1);
      expect(Number(match![1])).toBeLessThan(0.4);
    });
  }
});
