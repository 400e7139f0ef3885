import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { spectrumBandEdges } from './spectrumBandEdges.ts';

const bias = Float64Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
const g = (v: number, c: number, w: number) => Math.exp(-0.5 * ((v - c) / w) ** 2);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** A band at depth d (V) into it: edge peak 0.35, step onto the continuum, principal peak 0.75. */
const band = (d: number) =>
  0.35 * g(d, 0, 0.05) + 0.12 * sigmoid((d - 0.05) / 0.025) + 0.75 * g(d, 0.45, 0.15);

function noisy(values: (v: number) => number, sigma: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return bias.map((v) => values(v) + sigma * (random() + random() + random() - 1.5) * 2);
}

describe('spectrumBandEdges (band method)', () => {
  it('a metal has no band edges: noise wiggles on smooth metallic dI/dV never become edges', () => {
    const metals: Array<(v: number) => number> = [
      () => 1,
      (v) => 1 + 0.5 * v * v,
      (v) => 1 + 0.2 * v,
      (v) => 1 + 0.3 * Math.abs(v) ** 1.5 - 0.1 * g(v, -0.5, 0.05),
    ];
    for (const [k, metal] of metals.entries()) {
      for (const seed of [1, 2, 3]) {
        const r = spectrumBandEdges(bias, noisy(metal, 0.02, seed + 10 * k));
        expect(r.vbm).toBeNull();
        expect(r.cbm).toBeNull();
        expect(r.flags.map((f) => f.flag)).toEqual(['no-gap']);
        expect(r.inGapStates).toEqual([]);
      }
    }
  });

  it('finds the band-edge peaks beside in-gap states up to 0.6 of the principal peak, and reports those', () => {
    for (const height of [0.1, 0.3, 0.6]) {
      const didv = bias.map(
        (v) => band(-1.1 - v) + band(v - 1.5) + height * 0.87 * (g(v, -0.4, 0.06) + g(v, 0.6, 0.08)) + 0.02,
      );
      const r = spectrumBandEdges(bias, didv);
      expect(Math.abs(r.vbm! + 1.1)).toBeLessThan(0.01);
      expect(Math.abs(r.cbm! - 1.5)).toBeLessThan(0.01);
      expect(r.flags).toEqual([]);
      expect(r.inGapStates.map((s) => Number(s.bias.toFixed(2)))).toEqual([-0.4, 0.6]);
      expect(r.inGapStates[0]!.height).toBeCloseTo((height * 0.87 + 0.02) / 0.89, 1);
    }
  });

  it('too few points', () => {
    const r = spectrumBandEdges([0, 1], [1, 2]);
    expect(r.flags.map((f) => f.flag)).toEqual(['too-few-points']);
  });
});
