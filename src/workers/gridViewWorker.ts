// Web Worker entry of the Grid view's pool (gridViewPool.ts).
import { expose } from 'comlink';
import { gridViewWorkerApi } from './gridViewApi.ts';

expose(gridViewWorkerApi);
