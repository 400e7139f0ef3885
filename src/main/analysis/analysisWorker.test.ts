// The worker API through real Node worker_threads and comlink's Node adapter: same numbers as
// src/shared/analysis called directly, typed arrays transferred both ways.
import { transfer, wrap } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../bench/analysis/synthetic.ts';
import { startNodeAnalysisWorker } from './nodeAnalysisPool.ts';
import { resolveRecipe, runPipeline } from '../../shared/analysis/index.ts';
import { groupAverage } from '../../shared/analysis/groupAverage.ts';
import { tidySweep } from '../../shared/analysis/index.ts';
import type { AnalysisWorkerApi } from '../../workers/analysisApi.ts';
import { createAnalysisPool } from '../../workers/analysisPool.ts';
import { packSpectra } from '../../workers/packSpectra.ts';

const spectra = syntheticSpectra({ count: 240, points: 256, backward: true, noise: 2e-12 });
const handles: Array<{ terminate(): void }> = [];
const start = () => {
  const handle = startNodeAnalysisWorker();
  handles.push(handle);
  return handle;
};

afterAll(() => {
  for (const h of handles) h.terminate();
});

describe('analysis worker (worker_threads + comlink)', () => {
  it('runs the whole pipeline with the numbers of a direct call, curves as Float64Array', async () => {
    const api = wrap<AnalysisWorkerApi>(start().endpoint);
    const packed = packSpectra(spectra);
    const result = await api.runPipeline(transfer(packed, [packed.data.buffer]), {});
    // The input buffer went to the worker instead of being copied.
    expect(packed.data.byteLength).toBe(0);
    const direct = runPipeline(spectra, {});
    expect(result).toEqual(direct);
    const core = result.groups.find((g) => g.label === 'core')!;
    expect(core.average.ok && core.average.didv).toBeInstanceOf(Float64Array);
  });

  it('averages and differentiates raw sweeps into uPlot columns equal to groupAverage', async () => {
    const api = wrap<AnalysisWorkerApi>(start().endpoint);
    const curves = spectra.filter((s) => s.label === 'crown-centre' && s.sweep === 1).slice(0, 20);
    const out = await api.averageAndDifferentiate(
      curves.map((c) => ({ bias: c.bias, current: c.current })),
      {},
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const recipe = resolveRecipe();
    const tidy = curves.map((c) => {
      const t = tidySweep(c.bias, c.current);
      if (!t.ok) throw new Error(t.reason);
      return { bias: t.bias, current: t.current };
    });
    const direct = groupAverage(tidy, recipe);
    if (!direct.ok) throw new Error(direct.reason);
    expect(out.columns).toHaveLength(6);
    for (const column of out.columns) expect(column).toBeInstanceOf(Float64Array);
    expect(out.columns[0]).toEqual(direct.bias);
    expect(out.columns[1]).toEqual(direct.current);
    expect(out.columns[3]).toEqual(direct.didv);
    expect(out.columns[4]).toEqual(direct.normalisedConductance);
    expect(out.edges).toEqual(direct.edges);
  });
});

describe('analysis pool', () => {
  it('splits spectra over workers, reports progress to the total and equals runPipeline', async () => {
    const pool = createAnalysisPool({ size: 2, createWorker: start, chunkSize: 25 });
    const progress: number[] = [];
    const result = await pool.run(spectra, { onProgress: ({ done }) => progress.push(done) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(spectra.length);
    expect(progress.length).toBeGreaterThan(5);
    expect(result).toEqual(runPipeline(spectra, {}));
    // The caller's arrays are copied into the packed buffer, never detached.
    expect(spectra[0]!.bias.length).toBe(256);
    const recipe = { edges: { method: 'onset' as const }, direction: 'mean' as const };
    expect(await pool.run(spectra, { recipe })).toEqual(runPipeline(spectra, recipe));
    pool.terminate();
  });

  it('rejects with the abort reason and works again afterwards', async () => {
    const pool = createAnalysisPool({ size: 2, createWorker: start, chunkSize: 10 });
    const controller = new AbortController();
    const running = pool.run(spectra, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 0) controller.abort(new Error('user cancelled'));
      },
    });
    await expect(running).rejects.toThrow('user cancelled');
    const again = await pool.run(spectra.slice(0, 30));
    expect(again.spectra).toHaveLength(30);
    pool.terminate();
  });
});
