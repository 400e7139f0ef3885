// The Grid view's pool (src/workers/gridViewPool.ts) on Node worker_threads, for tests and bench.
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { createGridViewPool, type GridViewPool } from '../workers/gridViewPool.ts';

const WORKER_URL = new URL('./nodeGridViewWorker.ts', import.meta.url);

export function createNodeGridViewPool(size = 2): GridViewPool {
  return createGridViewPool({
    size,
    createWorker: () => {
      const worker = new Worker(WORKER_URL);
      return { endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
    },
  });
}
