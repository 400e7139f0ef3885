// The pool packs new datasets into buffers the workers handed back (analysisPool.ts `spare`),
// which still hold the previous spectra: on real worker_threads, a sequence of different datasets
// (different sizes, seeds, bias grids, with and without backward sweeps) must each give exactly
// runPipeline's result, so nothing of an earlier dataset leaks into a later one.
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { runPipeline } from '../shared/analysis/index.ts';
import { createNodeAnalysisPool } from '../main/analysis/nodeAnalysisPool.ts';

const pool = createNodeAnalysisPool(2);
afterAll(() => pool.terminate());

describe('analysis pool across new datasets', () => {
  it('equals runPipeline on each of five datasets in a row', async () => {
    const sets = [
      syntheticSpectra({ count: 400, points: 256, seed: 1 }),
      syntheticSpectra({ count: 300, points: 256, seed: 2, backward: true }),
      syntheticSpectra({ count: 400, points: 200, seed: 3 }),
      syntheticSpectra({ count: 250, points: 256, seed: 4, noise: 3e-12 }),
      syntheticSpectra({ count: 400, points: 256, seed: 5, backward: true }),
    ];
    for (const [k, spectra] of sets.entries()) {
      const recipe = k % 2 === 1 ? { direction: 'mean' as const } : {};
      const result = await pool.run(spectra, { recipe });
      expect(result).toEqual(runPipeline(spectra, recipe));
    }
  }, 120_000);
});
