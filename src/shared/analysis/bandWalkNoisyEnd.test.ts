// A bump of noise near the sweep end, where the current's noise has grown (a noisy block), as tall
// as the band: walkStart took it for the band's outermost region, the walk started there, and the
// true edge peak inward, beyond a dip to the gap, became an in-gap state (the Gaussian model with
// 2 % of |I| as noise: VBM −1.68 V for −1.13 V). A region outward of P now has to clear the tall
// level by bandK · the noise above the sweep's floor there; where the noise is the floor's, such a
// region starts the walk as before (a band-edge peak beside a taller trap).
import { describe, expect, it } from 'vitest';
import { spectrumBandEdges } from './spectrumBandEdges.ts';
import { NOISE_BLOCK, type NoiseProfile } from './noiseProfile.ts';

const gauss = (v: number, centre: number, sigma: number): number =>
  Math.exp(-0.5 * ((v - centre) / sigma) ** 2);

/** The sweep's dI/dV σ (A/V) and the noisy first block's. */
const FLOOR = 0.005e-9;
const NOISY = 0.08e-9;

/**
 * dI/dV (A/V) on −2 … 2 V, 8 mV steps: a bump of `bump` nA/V at −1.9 V (inside the first block of
 * NOISE_BLOCK samples, −2 … −1.49 V), the gap's level between it and the VB edge peak (1.0 nA/V at
 * −1.2 V) with a dip to 0 at −1.4 V (in the quiet second block, so the noisy block's σ does not
 * lift it), the CB edge peak (1.3 nA/V) at +1.6 V.
 */
function sweep(bump: number) {
  const bias = Float64Array.from({ length: 501 }, (_, i) => -2 + (4 * i) / 500);
  const didv = bias.map(
    (v) =>
      (0.01 -
        0.01 * gauss(v, -1.4, 0.03) +
        bump * gauss(v, -1.9, 0.02) +
        1.0 * gauss(v, -1.2, 0.06) +
        1.3 * gauss(v, 1.6, 0.06)) *
      1e-9,
  );
  return { bias, didv };
}

function profile(firstBlock: number): NoiseProfile {
  const blocks = new Float64Array(Math.floor(501 / NOISE_BLOCK));
  blocks[0] = firstBlock;
  return { floor: FLOOR, scale: 1, blocks: firstBlock > 0 ? blocks : null, ends: null };
}

describe('band walk: a bump of noise near the sweep end as tall as the band', () => {
  for (const bump of [0.8, 0.85, 0.9]) {
    it(`starts at the edge peak when the bump stands in a noisy block (${bump} nA/V)`, () => {
      const { bias, didv } = sweep(bump);
      const edges = spectrumBandEdges(bias, didv, {}, null, profile(NOISY));
      expect(Math.abs(edges.vbm! - -1.2)).toBeLessThan(0.01);
      expect(Math.abs(edges.cbm! - 1.6)).toBeLessThan(0.01);
      expect(edges.inGapStates.some((s) => Math.abs(s.bias - -1.2) < 0.05)).toBe(false);
    });

    it(`starts at the bump, a peak as tall as the band, where the noise is the floor's (${bump} nA/V)`, () => {
      const { bias, didv } = sweep(bump);
      const edges = spectrumBandEdges(bias, didv, {}, null, profile(0));
      expect(Math.abs(edges.vbm! - -1.9)).toBeLessThan(0.01);
    });
  }
});
