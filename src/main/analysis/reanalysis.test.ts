// Incremental re-analysis through the renderer's worker path (src/workers/analysisPool.ts with the
// worker API of analysisApi.ts) on real Node worker_threads: after each recipe change of a
// sequence, the pool's result must equal a full runPipeline of the same spectra and recipe
// (every number within 1e-12 relative, every string and flag identical), on seeded synthetic sets
// of several seeds. A second part checks, in process, that the stages whose key did not change
// really were reused (else "incremental" would be a full run under another name).
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../bench/analysis/synthetic.ts';
import { resolveRecipe, runPipeline, seriesOf } from '../../shared/analysis/index.ts';
import type { PipelineSpectrum, RecipeOverrides } from '../../shared/analysis/index.ts';
import {
  analyseHeldChunk,
  createReanalysisState,
  dropDataset,
  takeReleased,
} from '../../workers/reanalysis.ts';
import { planChunks } from '../../workers/splitPipeline.ts';
import { createNodeAnalysisPool } from './nodeAnalysisPool.ts';
import { interceptedWorker } from '../../testing/interceptedWorker.ts';
import { createAnalysisPool } from '../../workers/analysisPool.ts';
import type { WorkerHandle } from '../../workers/analysisPool.ts';
import { maxChunksPerWorker } from '../../workers/poolDataset.ts';

/** Walks two results together: numbers within `tolerance` (relative, absolute below 1), all else equal. */
function expectClose(actual: unknown, expected: unknown, tolerance: number, path = 'result'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    if (Number.isNaN(expected)) expect(Number.isNaN(a), path).toBe(true);
    else
      expect(Math.abs(a - expected), path).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
    return;
  }
  if (ArrayBuffer.isView(expected) || Array.isArray(expected)) {
    const e = expected as ArrayLike<unknown>;
    const a = actual as ArrayLike<unknown>;
    expect(a.length, `${path}.length`).toBe(e.length);
    for (let i = 0; i < e.length; i++) expectClose(a[i], e[i], tolerance, `${path}[${i}]`);
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, tolerance, `${path}.${k}`);
    return;
  }
  expect(actual, path).toBe(expected);
}

const SEQUENCES: Record<string, RecipeOverrides[]> = {
  'deep window drags': [
    {},
    { traps: { deep: [-0.7, 0.9] } },
    { traps: { deep: [-0.5, 0.5] } },
    { traps: { deep: [-1.0, 1.2] } },
  ],
  'Savitzky–Golay window, then deep window': [
    { derivative: { window: 21 } },
    { derivative: { window: 9 } },
    { derivative: { window: 9 }, traps: { deep: [-0.6, 0.8] } },
    { derivative: { window: 31, polyorder: 2 } },
  ],
  'edges, direction, sweeps, exclusions, back to defaults': [
    { edges: { method: 'onset' } },
    { edges: { method: 'onset' }, direction: 'mean' },
    { direction: 'mean', averageSweeps: 'all', average: 'median' },
    { exclusions: [{ id: 3, action: 'exclude', note: 'by hand' }], derivative: { method: 'central' } },
    {},
  ],
};

const pool = createNodeAnalysisPool(2);
afterAll(() => pool.terminate());

describe('incremental re-analysis in the worker pool', () => {
  for (const seed of [11, 2026, 90210]) {
    const spectra = syntheticSpectra({ count: 260, points: 256, seed, backward: true, noise: 3e-12 });
    for (const [name, sequence] of Object.entries(SEQUENCES)) {
      it(`equals runPipeline after every step: ${name} (seed ${seed})`, async () => {
        for (const overrides of sequence) {
          // A new array of new objects around the same curves, as the renderer builds it.
          const input: Array<PipelineSpectrum<number>> = spectra.map((s) => ({ ...s }));
          const pooled = await pool.run(input, { recipe: overrides });
          const direct = runPipeline(spectra, overrides);
          expectClose(pooled, direct, 1e-12);
        }
      });
    }
  }

  it('reruns a changed curve (new array) instead of reusing its cache', async () => {
    const spectra = syntheticSpectra({ count: 120, points: 256, seed: 5 });
    await pool.run(spectra, {});
    const changed = spectra.map((s, i) =>
      i === 4 ? { ...s, current: Float64Array.from(s.current, (v) => v * 2) } : s,
    );
    expectClose(await pool.run(changed, {}), runPipeline(changed, {}), 1e-12);
  });
});

describe('chunks shared out as the workers get through them', () => {
  // Worker 0's messages wait behind a gate until worker 1 has taken all the chunks one worker
  // may (maxChunksPerWorker), or worker 0 was sent more than two (chunks dealt in turn), so the
  // split is uneven whatever the machine's speed. Each chunk must then stay where it was
  // analysed: the re-analyses ask each worker for its own.
  const chunkCalls = [0, 0];
  let chunkTotal = 0;
  let started = 0;
  const held: Array<() => void> = [];
  let gateOpen = false;
  const openGateWhenDue = (): void => {
    if (gateOpen || !(chunkCalls[1]! >= maxChunksPerWorker(chunkTotal, 2) || chunkCalls[0]! > 2)) return;
    gateOpen = true;
    for (const send of held.splice(0)) send();
  };
  const gatedFirst = (): WorkerHandle => {
    const w = started++;
    return interceptedWorker((method, post) => {
      if (method === 'analyseChunk') chunkCalls[w]!++;
      if (w === 0 && !gateOpen) held.push(post);
      else post();
      openGateWhenDue();
    });
  };
  const uneven = createAnalysisPool({ size: 2, createWorker: gatedFirst, chunkSize: 20 });
  afterAll(() => uneven.terminate());

  it('keeps each chunk in the worker that took it (equal to runPipeline after every step)', async () => {
    const spectra = syntheticSpectra({ count: 400, points: 128, seed: 31, backward: true, noise: 3e-12 });
    chunkTotal = planChunks(spectra, resolveRecipe(), 20).length;
    expect(chunkTotal).toBeGreaterThan(10);
    for (const overrides of SEQUENCES['Savitzky–Golay window, then deep window']!) {
      const pooled = await uneven.run(
        spectra.map((s) => ({ ...s })),
        { recipe: overrides },
      );
      expectClose(pooled, runPipeline(spectra, overrides), 1e-12);
    }
    // Every chunk sent once (later runs reuse them); worker 1 as many as one worker may take.
    const most = maxChunksPerWorker(chunkTotal, 2);
    expect(most).toBeGreaterThan(chunkTotal / 2);
    expect(chunkCalls).toEqual([chunkTotal - most, most]);
  });
});

describe('stage reuse', () => {
  const spectra = syntheticSpectra({ count: 80, points: 256, seed: 7 });
  const [plan] = planChunks(spectra, resolveRecipe(), 10_000);
  const state = createReanalysisState();
  const caches = () => state.dataset!.chunks.get(0)!.caches;

  it('keeps prepared curves and dI/dV on a deep-window change, dI/dV anew on an SG change', () => {
    expect(plan!.series).toEqual(seriesOf(spectra, resolveRecipe()));
    analyseHeldChunk(state, 1, 0, {}, false, { spectra, plan: plan! });
    const before = caches().map((c) => ({ ...c }));
    analyseHeldChunk(state, 1, 0, { traps: { deep: [-0.6, 0.7] } }, false);
    caches().forEach((c, i) => {
      expect(c.prepared).toBe(before[i]!.prepared);
      expect(c.derivative).toBe(before[i]!.derivative);
      expect(c.edges).toBe(before[i]!.edges);
      expect(c.traps).not.toBe(before[i]!.traps);
    });
    analyseHeldChunk(state, 1, 0, { traps: { deep: [-0.6, 0.7] }, derivative: { window: 21 } }, false);
    caches().forEach((c, i) => {
      expect(c.prepared).toBe(before[i]!.prepared);
      expect(c.currentFlags).toBe(before[i]!.currentFlags);
      expect(c.derivative).not.toBe(before[i]!.derivative);
      expect(c.edges).not.toBe(before[i]!.edges);
    });
  });
});

describe('dropping a held dataset before a new one is packed', () => {
  it("hands back every chunk buffer and keeps the curves' memory for the next chunks", () => {
    const spectra = syntheticSpectra({ count: 90, points: 256, seed: 12 });
    const plans = planChunks(spectra, resolveRecipe(), 30);
    const state = createReanalysisState();
    const buffers = plans.map((plan) => {
      const buffer = new ArrayBuffer(64);
      analyseHeldChunk(state, 1, plans.indexOf(plan), {}, true, {
        spectra: plan.indices.map((i) => spectra[i]!),
        plan,
        buffer,
      });
      return buffer;
    });
    expect(state.blocks.bytes()).toBe(0);
    dropDataset(state);
    expect(state.dataset).toBeNull();
    expect(takeReleased(state)).toEqual(buffers);
    // Prepared currents and dI/dV of 90 sweeps of 256 points: at least that much kept for reuse.
    expect(state.blocks.bytes()).toBeGreaterThanOrEqual(2 * 90 * 256 * 8);
    // The next dataset's first chunk analyses as a fresh state would.
    const next = syntheticSpectra({ count: 30, points: 256, seed: 13 });
    const [plan] = planChunks(next, resolveRecipe(), 10_000);
    const reused = analyseHeldChunk(state, 2, 0, {}, true, { spectra: next, plan: plan! });
    const fresh = analyseHeldChunk(createReanalysisState(), 2, 0, {}, true, { spectra: next, plan: plan! });
    expect(reused).toEqual(fresh);
  });
});

describe('averageAndDifferentiate through the pool', () => {
  it('takes views into one large buffer without detaching or cloning it, same columns as a direct call', async () => {
    const spectra = syntheticSpectra({ count: 30, points: 256, seed: 8 }).filter((s) => s.label === 'core');
    // One slab, as getSpectraSlab pages arrive: every curve a view into it.
    const slab = new Float64Array(spectra.length * 512);
    const views = spectra.map((s, i) => {
      slab.set(s.bias, i * 512);
      slab.set(s.current, i * 512 + 256);
      return {
        bias: slab.subarray(i * 512, i * 512 + 256),
        current: slab.subarray(i * 512 + 256, i * 512 + 512),
      };
    });
    const pooled = await pool.averageAndDifferentiate(views, {});
    const direct = await pool.averageAndDifferentiate(
      spectra.map((s) => ({ bias: Float64Array.from(s.bias), current: Float64Array.from(s.current) })),
      {},
    );
    expect(slab.byteLength).toBe(spectra.length * 512 * 8);
    expect(views[0]!.bias[0]).toBe(spectra[0]!.bias[0]);
    expect(pooled).toEqual(direct);
    expect(pooled.ok).toBe(true);
  });
});
