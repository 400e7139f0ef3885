// Node worker_threads entry of the Grid view's worker (tests): the same API object as the Web Worker.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { gridViewWorkerApi } from '../workers/gridViewApi.ts';

if (!parentPort) throw new Error('nodeGridViewWorker.ts runs as a worker thread only');
expose(gridViewWorkerApi, nodeEndpoint(parentPort));
