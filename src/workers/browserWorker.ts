// The analysis pool's default worker: the Vite-bundled Web Worker (analysisWorker.ts), and the
// default pool size from the browser's core count.
import type { WorkerHandle } from './analysisPoolApi.ts';
import { browserWorkerConstructor, cores } from './workerSlots.ts';

export function createBrowserWorker(): WorkerHandle {
  // A local `Worker` keeps the literal `new Worker(new URL(...), ...)` Vite bundles, while this
  // file also type-checks for Node (no DOM types there).
  const Worker = browserWorkerConstructor();
  const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

/** hardwareConcurrency − 1 workers, at least 1 (the calling thread keeps a core). */
export function defaultSize(): number {
  return Math.max(1, cores() - 1);
}
