// The grid-map pool (src/workers/gridMapPool.ts) on Node worker_threads: CLI, bench and tests.
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createGridMapPool, type GridMapPool } from '../../workers/gridMapPool.ts';

const WORKER_URL = new URL('./nodeGridMapWorker.ts', import.meta.url);

export function createNodeGridMapPool(size = availableParallelism()): GridMapPool {
  return createGridMapPool({
    size,
    createWorker: () => {
      const worker = new Worker(WORKER_URL);
      return { endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
    },
  });
}
