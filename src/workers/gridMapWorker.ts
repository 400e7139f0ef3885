// Web Worker entry of the grid-map pool (Node worker_threads: src/main/grid/nodeGridMapWorker.ts).
import { expose } from 'comlink';
import { gridMapWorkerApi } from './gridMapApi.ts';

expose(gridMapWorkerApi);
