// Node worker_threads entry of the analysis worker: the same API object as the Web Worker
// (src/workers/analysisWorker.ts), exposed through comlink's Node adapter. Tests use it to
// prove the worker API; main can use it for large libraries.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { analysisWorkerApi } from '../../workers/analysisApi.ts';

if (!parentPort) throw new Error('nodeAnalysisWorker.ts runs as a worker thread only');
expose(analysisWorkerApi, nodeEndpoint(parentPort));
