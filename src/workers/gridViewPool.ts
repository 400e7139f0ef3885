// The Grid view's workers: what the view computes from every pixel, off the UI thread.
//
//   const pool = createGridViewPool();                   // one worker per core
//   await pool.load(cube, channel);                      // the channel's sweeps, copied once
//   const map = await pool.didvSlice({}, -1.0, 0.01);    // width × height, NaN where no value
//   const mean = await pool.meanSpectrum({});            // as meanSpectrum(cube, channel, recipe)
//   pool.terminate();
//
// load() copies the written pixels' sweeps of the channel out of the cube in blocks (one task of
// the UI thread each: a block is ≤ 4 MB) and hands each block, transferred, to a worker, which
// keeps it until the next load; a request then sends only its parameters. The numbers equal the
// single-thread functions' (didvSlice.ts, meanSpectrum.ts: the mean up to the rounding of adding
// block totals). Calls made while a load runs wait for it.
import { transfer } from 'comlink';
import type { RecipeOverrides } from '../shared/analysis/recipe.ts';
import { resolveRecipe } from '../shared/analysis/recipe.ts';
import type { GridCube } from '../shared/formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from '../shared/grid/gridChannel.ts';
import { extractBlock } from '../shared/grid/sweepSet.ts';
import { joinSums, meanOfSums } from '../shared/grid/meanSpectrum.ts';
import type { PixelSpectrum } from '../shared/grid/pixelSpectrum.ts';
import type { WorkerHandle } from './analysisPoolApi.ts';
import type { GridViewWorkerApi } from './gridViewApi.ts';
import { nextTask } from './taskYield.ts';
import { browserWorkerConstructor, cores, workerSlots } from './workerSlots.ts';

/** Float32 values copied per block: 2²⁰ (4 MB, a few ms of the UI thread). */
const BLOCK_FLOATS = 1 << 20;

export interface GridViewPool {
  readonly size: number;
  load(cube: GridCube, channel: AnalysedChannel): Promise<void>;
  didvSlice(overrides: RecipeOverrides, centre: number, halfWidth: number): Promise<Float64Array>;
  meanSpectrum(overrides: RecipeOverrides): Promise<{ spectrum: PixelSpectrum; pixels: number } | null>;
  terminate(): void;
}

function createBrowserWorker(): WorkerHandle {
  const Worker = browserWorkerConstructor();
  const worker = new Worker(new URL('./gridViewWorker.ts', import.meta.url), { type: 'module' });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

export function createGridViewPool(
  options: { size?: number; createWorker?: () => WorkerHandle } = {},
): GridViewPool {
  const size = Math.max(1, Math.floor(options.size ?? cores()));
  const createWorker = options.createWorker ?? createBrowserWorker;
  const { ensure, terminate } = workerSlots<GridViewWorkerApi>(size, createWorker);
  /** The load the workers hold (its number, map size), settled once every block is sent. */
  let loaded: Promise<{ load: number; mapSize: number }> | null = null;
  let nextLoad = 1;

  const current = async (): Promise<{ load: number; mapSize: number }> => {
    if (!loaded) throw new Error('no grid loaded');
    return loaded;
  };

  return {
    size,
    load(cube, channel) {
      const workers = ensure();
      const load = nextLoad++;
      const pixelsPerBlock = Math.max(1, Math.floor(BLOCK_FLOATS / Math.max(1, cube.layout.points)));
      const work = (async () => {
        // Each worker handles its messages in order: begin() before its holds.
        const sent = workers.map(({ api }) => Promise.resolve(api.begin(load)));
        for (let from = 0, b = 0; from < cube.written; from += pixelsPerBlock, b++) {
          // Every block in a task of its own, the first too: load() is called while the view
          // renders, and a block copied then would lengthen that task.
          await nextTask();
          if (load !== nextLoad - 1) throw new Error('grid view load superseded by a newer one');
          const block = extractBlock(cube, channel, from, from + pixelsPerBlock);
          const { api } = workers[b % workers.length]!;
          const buffers = [block.values.buffer, block.starts.buffer, block.ends.buffer];
          sent.push(Promise.resolve(api.hold(load, transfer(block, buffers))));
        }
        await Promise.all(sent);
        return { load, mapSize: cube.layout.pointsX * cube.layout.pointsY };
      })();
      loaded = work;
      // A superseded load's rejection is nobody's concern: calls wait for the newest.
      work.catch(() => undefined);
      return work.then(() => undefined);
    },
    async didvSlice(overrides, centre, halfWidth) {
      const { load, mapSize } = await current();
      const parts = await Promise.all(
        ensure().map(({ api }) => api.didvSlice(load, overrides, centre, halfWidth)),
      );
      const out = new Float64Array(mapSize).fill(NaN);
      for (const part of parts) for (const { from, values } of part) out.set(values, from);
      return out;
    },
    async meanSpectrum(overrides) {
      const { load } = await current();
      const parts = (await Promise.all(ensure().map(({ api }) => api.channelSums(load)))).flat();
      parts.sort((a, b) => a.from - b.from);
      return meanOfSums(joinSums(parts.map((p) => p.sums)), resolveRecipe(overrides));
    },
    terminate() {
      terminate();
      loaded = null;
    },
  };
}
