// The renderer's analysis pool (src/workers/analysisPool.ts) on Node worker_threads.
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createAnalysisPool } from '../../workers/analysisPool.ts';
import type { AnalysisPool, WorkerHandle } from '../../workers/analysisPool.ts';

export const NODE_ANALYSIS_WORKER_URL = new URL('./nodeAnalysisWorker.ts', import.meta.url);

export function startNodeAnalysisWorker(): WorkerHandle & { worker: Worker } {
  const worker = new Worker(NODE_ANALYSIS_WORKER_URL);
  return { worker, endpoint: nodeEndpoint(worker), terminate: () => void worker.terminate() };
}

export function createNodeAnalysisPool(size = Math.max(1, availableParallelism() - 1)): AnalysisPool {
  return createAnalysisPool({ size, createWorker: startNodeAnalysisWorker });
}
