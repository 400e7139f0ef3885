// Per-pixel grid analysis on a pool of workers, with progress and cancel.
//
//   const pool = createGridMapPool();                       // one worker per core
//   const maps = await pool.run(cube, channel, overrides, {
//     signal: controller.signal,                            // abort → terminates, rejects
//     onProgress: ({ done, total }) => ...,                 // pixels measured so far
//   });
//
// The written pixels are cut into blocks; each block's sweeps of the analysed channel are copied
// out of the cube into one transferred Float32Array, so the cube itself never leaves this thread.
import { transfer } from 'comlink';
import { browserWorkerConstructor, cores, workerSlots } from './workerSlots.ts';
import type { RecipeOverrides } from '../shared/analysis/recipe.ts';
import type { GridCube } from '../shared/formats/nanonis3dsCube.ts';
import { emptyGridMaps, placeBlock, type GridMaps } from '../shared/grid/gridMaps.ts';
import type { AnalysedChannel } from '../shared/grid/gridChannel.ts';
import { extractBlock } from '../shared/grid/sweepSet.ts';
import type { WorkerHandle } from './analysisPool.ts';
import type { GridMapWorkerApi } from './gridMapApi.ts';
import { abortable, abortError } from './abortable.ts';

export interface GridMapPoolOptions {
  /** Workers; default one per core (the UI thread only waits while they run). */
  size?: number;
  createWorker?: () => WorkerHandle;
  /** Pixels per block; default about 8 blocks per worker, between 256 and 8,192. */
  blockSize?: number;
}

export interface GridRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface GridMapPool {
  readonly size: number;
  run(
    cube: GridCube,
    channel: AnalysedChannel,
    overrides: RecipeOverrides,
    options?: GridRunOptions,
  ): Promise<GridMaps>;
  terminate(): void;
}

function createBrowserWorker(): WorkerHandle {
  const Worker = browserWorkerConstructor();
  const worker = new Worker(new URL('./gridMapWorker.ts', import.meta.url), { type: 'module' });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

const ABORTED = 'grid analysis aborted';

export function createGridMapPool(options: GridMapPoolOptions = {}): GridMapPool {
  const size = Math.max(1, Math.floor(options.size ?? cores()));
  const createWorker = options.createWorker ?? createBrowserWorker;
  const { ensure, terminate } = workerSlots<GridMapWorkerApi>(size, createWorker);

  async function runAll(
    cube: GridCube,
    channel: AnalysedChannel,
    overrides: RecipeOverrides,
    opts: GridRunOptions,
  ): Promise<GridMaps> {
    const workers = ensure();
    const total = cube.written;
    const blockSize =
      options.blockSize ?? Math.min(8192, Math.max(256, Math.ceil(total / (8 * workers.length))));
    const out = emptyGridMaps(cube, channel);
    let next = 0;
    let done = 0;
    opts.onProgress?.({ done, total });
    const drain = async (slot: (typeof workers)[number]): Promise<void> => {
      while (next < total && !opts.signal?.aborted) {
        const from = next;
        next = Math.min(total, next + blockSize);
        const block = extractBlock(cube, channel, from, next);
        const maps = await slot.api.measureBlock(
          transfer(block, [block.values.buffer, block.starts.buffer, block.ends.buffer]),
          overrides,
        );
        placeBlock(out, maps);
        done += block.count;
        opts.onProgress?.({ done, total });
      }
    };
    await Promise.all(workers.map(drain));
    if (opts.signal?.aborted) throw abortError(opts.signal, ABORTED);
    return out;
  }

  return {
    size,
    run(cube, channel, overrides, opts = {}) {
      return abortable(runAll(cube, channel, overrides, opts), opts.signal, terminate, ABORTED);
    },
    terminate,
  };
}
