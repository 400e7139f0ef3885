// The band edge's apex fitted over the peak's top against known truth: exact on a parabola, less
// scattered than the three-point parabola on noisy smoothed peaks (several seeds, margins), and
// not pulled by a neighbouring peak below the top fraction.
import { describe, expect, it } from 'vitest';
import { fittedApex } from './fittedApex.ts';
import { parabolicApex } from './parabolicApex.ts';
import { mulberry32 } from './random.ts';
import { savgolFilter } from './savgolFilter.ts';

const x = Float64Array.from({ length: 201 }, (_, i) => -1 + i * 0.01);
const g = (v: number, c: number, w: number): number => Math.exp(-0.5 * ((v - c) / w) ** 2);
const peakIndex = (y: Float64Array, from: number, to: number): number => {
  let best = from;
  for (let i = from; i <= to; i++) if (y[i]! > y[best]!) best = i;
  return best;
};

describe('fittedApex', () => {
  it('is the vertex of a parabola, off the grid', () => {
    const y = x.map((v) => 2 - 30 * (v - 0.1234) ** 2);
    expect(fittedApex(x, y, peakIndex(y, 0, 200), 7, -100)).toBeCloseTo(0.1234, 12);
  });

  it('scatters less than the three-point parabola on noisy smoothed peaks', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      let fitted = 0;
      let threePoint = 0;
      const trials = 200;
      for (let t = 0; t < trials; t++) {
        const centre = -0.2 + 0.4 * random();
        // A peak of height 1 on 0.02 of white noise, smoothed as the pipeline smooths dI/dV.
        const raw = x.map((v) => 0.05 + g(v, centre, 0.08) + 0.04 * (random() + random() + random() - 1.5));
        const y = savgolFilter(raw, { window: 15, polyorder: 3, deriv: 0, delta: 0.01 });
        const i = peakIndex(y, 40, 160);
        fitted += (fittedApex(x, y, i, 7, 0.05) - centre) ** 2;
        threePoint += (parabolicApex(x, y, i) - centre) ** 2;
      }
      const fittedRms = Math.sqrt(fitted / trials);
      const threePointRms = Math.sqrt(threePoint / trials);
      expect(fittedRms).toBeLessThan(0.8 * threePointRms);
      expect(fittedRms).toBeLessThan(0.01);
    }
  });

  it('fits the same number of samples each side, above the top fraction only', () => {
    // A peak at 0 with a taller neighbour 0.25 V away: the fit stays on the peak's own top.
    const y = x.map((v) => g(v, 0, 0.06) + 1.5 * g(v, 0.25, 0.05));
    const i = peakIndex(y, 80, 110);
    const apex = fittedApex(x, y, i, 20, 0);
    expect(Math.abs(apex - parabolicApex(x, y, i))).toBeLessThan(0.004);
    // Too few samples above the top fraction: the three-point parabola.
    const narrow = x.map((v) => g(v, 0.003, 0.01));
    const j = peakIndex(narrow, 0, 200);
    expect(fittedApex(x, narrow, j, 7, 0)).toBe(parabolicApex(x, narrow, j));
  });
});
