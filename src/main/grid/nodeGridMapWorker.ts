// Node worker_threads entry of the grid-map worker: the same API object as the Web Worker.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { gridMapWorkerApi } from '../../workers/gridMapApi.ts';

if (!parentPort) throw new Error('nodeGridMapWorker.ts runs as a worker thread only');
expose(gridMapWorkerApi, nodeEndpoint(parentPort));
