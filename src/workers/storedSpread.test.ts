// The spread a stored run keeps with each group average (runPipeline with memberSpread, as the
// server stores runs) equals what the Spectra view's worker computes from the same member sweeps
// (groupSpectraOf: each sweep prepared and differentiated alone, two-pass std), so the view can
// draw the stored curves instead of loading every sweep. Several seeds and recipes; members on one
// shared grid (the fast path) and on differing grids (interpolated).
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { runPipeline } from '../shared/analysis/index.ts';
import type { PipelineSpectrum, RecipeOverrides } from '../shared/analysis/index.ts';
import { groupSpectraOf } from './groupSpectra.ts';
import { relativeDifference } from '../testing/relativeDifference.ts';

const RECIPES: Array<[string, RecipeOverrides]> = [
  ['defaults', {}],
  ['SG 9/3, median', { derivative: { method: 'savgol', window: 9, polyorder: 3 }, average: 'median' }],
  ['central difference', { derivative: { method: 'central', window: 5, polyorder: 2 } }],
  [
    'SG 41/2, every sweep',
    { derivative: { method: 'savgol', window: 41, polyorder: 2 }, averageSweeps: 'all' },
  ],
];

function compare(spectra: Array<PipelineSpectrum<number>>, recipe: RecipeOverrides): number {
  const result = runPipeline(spectra, recipe, { memberSpread: true });
  const byId = new Map(spectra.map((s) => [s.id, s]));
  const all = result.recipe.averageSweeps === 'all';
  let groups = 0;
  for (const g of result.groups) {
    if (!g.average.ok) continue;
    const members = result.spectra.filter(
      (r) => r.label === g.label && r.ok && !r.excluded && (all || r.sweepInSeries === 1),
    );
    // Each member as the view sends it: its forward sweep and, when recorded, its backward one.
    const sweeps = members.map((r) => {
      const s = byId.get(r.spectrumId)!;
      return {
        bias: Float64Array.from(s.bias),
        current: Float64Array.from(s.current),
        backward: s.backward
          ? { bias: Float64Array.from(s.backward.bias), current: Float64Array.from(s.backward.current) }
          : null,
      };
    });
    const worker = groupSpectraOf(sweeps, recipe);
    if (!worker.ok) throw new Error(worker.reason);
    expect(g.average.n).toBe(worker.n);
    expect(relativeDifference(g.average.didv, worker.didv)).toBeLessThan(1e-12);
    expect(relativeDifference(g.average.didvStd!, worker.didvStd)).toBeLessThan(1e-9);
    expect(relativeDifference(g.average.normalisedStd!, worker.normalisedStd)).toBeLessThan(1e-9);
    // A spread, not zeros: the synthetic sweeps differ by their noise and their group's scatter.
    expect(g.average.didvStd!.some((v) => v > 0)).toBe(true);
    groups++;
  }
  return groups;
}

describe('stored member spread', () => {
  it.each([3, 404, 77777])('equals the worker’s groupSpectra, members on one grid (seed %i)', (seed) => {
    const spectra = syntheticSpectra({ count: 120, points: 256, seed, noise: 3e-12 });
    for (const [, recipe] of RECIPES) expect(compare(spectra, recipe)).toBeGreaterThanOrEqual(2);
  });

  it.each([5, 2718])('equals it with members on differing grids (seed %i)', (seed) => {
    // Every third sweep lost its first 7 points and every fifth its last 4: other grids, interpolated.
    const spectra = syntheticSpectra({ count: 90, points: 256, seed, noise: 3e-12 }).map((s, i) => {
      const start = i % 3 === 0 ? 7 : 0;
      const end = s.bias.length - (i % 5 === 0 ? 4 : 0);
      return {
        ...s,
        bias: Float64Array.from(s.bias).slice(start, end),
        current: Float64Array.from(s.current).slice(start, end),
      };
    });
    for (const [, recipe] of RECIPES) expect(compare(spectra, recipe)).toBeGreaterThanOrEqual(2);
  });

  it.each([12, 6174])(
    'equals it for runs of the backward sweeps and of the mean of both directions (seed %i)',
    (seed) => {
      // The mean: each spectrum one member (its two sweeps averaged), n counting spectra, not sweeps.
      const spectra = syntheticSpectra({ count: 90, points: 256, seed, noise: 3e-12, backward: true });
      for (const direction of ['backward', 'mean'] as const)
        for (const [, recipe] of RECIPES)
          expect(compare(spectra, { ...recipe, direction })).toBeGreaterThanOrEqual(2);
    },
  );

  it('is left out unless asked for (live re-analysis), as in runs stored before it was kept', () => {
    const spectra = syntheticSpectra({ count: 30, points: 128, seed: 9 });
    for (const g of runPipeline(spectra).groups)
      if (g.average.ok) {
        expect(g.average.didvStd).toBeNull();
        expect(g.average.normalisedStd).toBeNull();
      }
  });
});
