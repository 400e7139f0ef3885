// The pool packs new datasets into buffers the workers handed back (analysisPool.ts `spare`),
// which still hold the previous spectra: on real worker_threads, a sequence of different datasets
// (different sizes, seeds, bias grids, with and without backward sweeps) must each give exactly
// runPipeline's result, so nothing of an earlier dataset leaks into a later one.
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { runPipeline } from '../shared/analysis/index.ts';
import { createNodeAnalysisPool, startNodeAnalysisWorker } from '../main/analysis/nodeAnalysisPool.ts';
import { createAnalysisPool } from './analysisPool.ts';
import { packSpectra, packSpectraInTasks } from './packSpectra.ts';

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

describe('packing in slices (packSlice: a UI thread packs a chunk over several tasks)', () => {
  it('packs exactly what packSpectra packs, pausing after every slice', async () => {
    for (const [seed, backward] of [
      [7, false],
      [8, true],
    ] as const) {
      const spectra = syntheticSpectra({ count: 123, points: 64, seed, backward });
      const whole = packSpectra(spectra);
      let pauses = 0;
      const sliced = await packSpectraInTasks(spectra, undefined, 10, async () => {
        pauses++;
      });
      expect(pauses).toBe(12); // after spectra 10, 20, …, 120
      expect({ ...sliced, data: null }).toEqual({ ...whole, data: null });
      expect(Buffer.from(sliced.data.buffer).equals(Buffer.from(whole.data.buffer))).toBe(true);
    }
  });

  it('a pool packing 50 spectra per task (chunks planned in a worker) equals runPipeline, then re-analyses from what it holds and re-plans for other series settings', async () => {
    const sliced = createAnalysisPool({ size: 2, createWorker: startNodeAnalysisWorker, packSlice: 50 });
    try {
      const spectra = syntheticSpectra({ count: 600, points: 128, seed: 9, backward: true });
      expect(await sliced.run(spectra)).toEqual(runPipeline(spectra));
      const recipe = { traps: { deep: [-0.5, 0.7] as [number, number] } };
      expect(await sliced.run(spectra, { recipe })).toEqual(runPipeline(spectra, recipe));
      // Series settings change the plan (made anew in a worker): splits inside two series.
      const before = runPipeline(spectra).series;
      const inside = before.filter((r) => r.spotIds.length > 2).map((r) => r.spotIds[1]!);
      expect(inside.length).toBeGreaterThan(1);
      const series = { series: { split: inside.slice(0, 2) } };
      const replanned = await sliced.run(spectra, { recipe: series });
      expect(replanned).toEqual(runPipeline(spectra, series));
      // Each split sweep now starts a series of its own.
      for (const id of inside.slice(0, 2)) {
        expect(before.some((r) => r.spotIds[0] === id)).toBe(false);
        expect(replanned.series.some((r) => r.spotIds[0] === id)).toBe(true);
      }
    } finally {
      sliced.terminate();
    }
  }, 120_000);
});
