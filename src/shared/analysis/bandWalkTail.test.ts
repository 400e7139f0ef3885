// A band whose dI/dV keeps rising past its edge peak to the sweep end (a continuum taller than the
// edge peak, e.g. Lorentzian edges on a steep continuum, or a sweep ending deep in the band): the
// side's largest dI/dV P is then the sweep end, not a peak. The edge is the innermost peak nearly
// as tall as P; the tail's small maxima and dips between them are band structure. Before, the
// walk from the sweep end stopped at the first of those dips and took a tail maximum for the VBM
// (−2.05 V against a true −1.19 V in the independent probe), the edge peak reading as an in-gap
// state. Deterministic dI/dV (A/V) on −2.5 … 2.2 V; the edges' truth is where the model peaks.
import { describe, expect, it } from 'vitest';
import { bandWalk } from './bandWalk.ts';
import { DEFAULT_RECIPE } from './recipe.ts';

const gauss = (v: number, c: number, w: number): number => Math.exp(-0.5 * ((v - c) / w) ** 2);

/** VB edge peak at `vbm` (height 0.85), a tail rising to 1 at the sweep end with a small isolated maximum between; CB a plain peak. */
function model(vbm: number, cbm: number, step: number): { bias: Float64Array; didv: Float64Array } {
  const n = Math.round(4.7 / step) + 1;
  const bias = Float64Array.from({ length: n }, (_, i) => -2.5 + i * step);
  const didv = bias.map(
    (v) =>
      1e-11 *
      (0.01 +
        0.85 * gauss(v, vbm, 0.05) +
        gauss(v, -2.5, 0.15) +
        0.3 * gauss(v, -2.05, 0.04) +
        0.2 * gauss(v, (vbm - 2.05) / 2, 0.03) +
        gauss(v, cbm, 0.06)),
  );
  return { bias, didv };
}

describe('bandWalk: a tail rising past the edge peak to the sweep end', () => {
  for (const [vbm, cbm, step] of [
    [-1.19, 1.37, 0.005],
    [-1.05, 1.52, 0.01],
    [-1.31, 1.24, 0.0025],
  ] as const) {
    it(`VBM at the edge peak ${vbm} V, not in the tail (step ${step * 1000} mV)`, () => {
      const { bias, didv } = model(vbm, cbm, step);
      const walk = bandWalk(bias, didv, DEFAULT_RECIPE.edges, null, 1e-14);
      // The sweep end is the side's largest dI/dV: the case this covers.
      expect(walk.vbm.top).toBe(didv[0]);
      expect(Math.abs((walk.vbm.edge as number) - vbm)).toBeLessThan(step);
      expect(Math.abs((walk.cbm.edge as number) - cbm)).toBeLessThan(step);
      // The edge peak is not an in-gap state; the tail's maxima outward of it are not either.
      expect(walk.inGapStates.filter((s) => s.bias < 0)).toEqual([]);
    });
  }

  it('a peak of the gap that is not nearly as tall as P stays in the gap', () => {
    // The same tail, the inner peak only 0.5 of it: not the band's (an in-gap state).
    const { bias, didv } = model(-1.19, 1.37, 0.005);
    const shrunk = didv.map((d, i) => d - 1e-11 * 0.35 * gauss(bias[i]!, -1.19, 0.05));
    const walk = bandWalk(bias, shrunk, DEFAULT_RECIPE.edges, null, 1e-14);
    expect(walk.vbm.edge as number).toBeLessThan(-1.6);
    expect(walk.inGapStates.some((s) => Math.abs(s.bias + 1.19) < 0.01)).toBe(true);
  });
});
