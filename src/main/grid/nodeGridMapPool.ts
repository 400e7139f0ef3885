// The grid-map pool (src/workers/gridMapPool.ts) on Node worker_threads: CLI, bench and tests.
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createGridMapPool, type GridMapPool } from '../../workers/gridMapPool.ts';

/** The worker run from source; the built CLI passes its bundled gridMapWorker.js instead. */
export const SOURCE_GRID_MAP_WORKER_URL = new URL('./nodeGridMapWorker.ts', import.meta.url);

export function createNodeGridMapPool(
  size = availableParallelism(),
  workerUrl: URL = SOURCE_GRID_MAP_WORKER_URL,
): GridMapPool {
  return createGridMapPool({
    size,
    createWorker: () => {
      const worker = new Worker(workerUrl);
      return { endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
    },
  });
}
