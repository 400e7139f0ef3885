// Web Worker entry (Vite: new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' })).
// Node worker_threads use src/main/analysis/nodeAnalysisWorker.ts, which exposes the same object.
import { expose } from 'comlink';
import { analysisWorkerApi } from './analysisApi.ts';

expose(analysisWorkerApi);
