// The deep-trap comparison against known truth on the independent model (src/testing/
// gaussianBandModel.ts): group A's broad in-gap density is drawn from [0.14, 0.26), group B's from
// [0.07, 0.13) of the VB edge peak, so B holds about half of A's. The truth is 1 − mean(B)/mean(A)
// of each sweep's noise-free ∫ dI/dV / (principal VB peak) over the deep window [−0.8, 1.0] V, the
// principal peak taken as the pipeline defines it (the highest local maximum at V < 0); the
// pipeline's reduction must be within 3 percentage points and its bootstrap 95 % CI must hold it.
import { describe, expect, it } from 'vitest';
import { gaussianBandSweeps, type ModelSweep } from '../../testing/gaussianBandModel.ts';
import { runPipeline } from './runPipeline.ts';

/** Noise-free ∫ dI/dV / principal VB peak over [−0.8, 1.0] V (trapezoids of 0.1 mV). */
function trueDeepTrap(sweep: ModelSweep): number {
  const h = 1e-3;
  let peak = -Infinity;
  for (let v = -2 + h; v < -0.1; v += h) {
    const d = sweep.didv(v);
    if (d > sweep.didv(v - h) && d >= sweep.didv(v + h) && d > peak) peak = d;
  }
  const step = 1e-4;
  let integral = 0;
  for (let k = 0; k < 18_000; k++) {
    const v = -0.8 + k * step;
    integral += 0.5 * step * (sweep.didv(v) + sweep.didv(v + step));
  }
  return integral / peak;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('deep-trap reduction against known truth', () => {
  it.each([1, 2, 3])(
    'seed %i: the reduction is within 3 points and its 95-percent CI holds the truth',
    (seed) => {
      const grid = { from: -2, to: 2, points: 512, noise: 2e-12 };
      const groups = {
        A: gaussianBandSweeps(seed, 40, { ...grid, gapDensity: [0.14, 0.26] }),
        B: gaussianBandSweeps(seed + 1000, 40, { ...grid, gapDensity: [0.07, 0.13] }),
      };
      let id = 0;
      const spectra = Object.entries(groups).flatMap(([label, sweeps]) =>
        sweeps.map((sweep) => ({
          id: id++,
          fileName: `${label}${id}.dat`,
          time: id * 3_600_000,
          x: id * 1e-8,
          y: 0,
          sweep: 1,
          label,
          bias: sweep.bias,
          current: sweep.current,
        })),
      );
      const truth = 1 - mean(groups.B.map(trueDeepTrap)) / mean(groups.A.map(trueDeepTrap));
      expect(truth).toBeGreaterThan(0.2);
      const comparison = runPipeline(spectra).comparisons.find((c) => c.a === 'A' && c.b === 'B');
      expect(comparison?.reduction).toBeDefined();
      expect(Math.abs(comparison!.reduction! - truth)).toBeLessThan(0.03);
      expect(comparison!.ci95![0]).toBeLessThanOrEqual(truth);
      expect(comparison!.ci95![1]).toBeGreaterThanOrEqual(truth);
    },
  );
});
