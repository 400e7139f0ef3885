// Web Worker entry of image levelling (Vite: new Worker(new URL('./levelImageWorker.ts', import.meta.url), { type: 'module' })).
import { expose } from 'comlink';
import { levelImageWorkerApi } from './levelImageApi.ts';

expose(levelImageWorkerApi);
