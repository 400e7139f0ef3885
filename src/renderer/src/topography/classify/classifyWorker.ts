// Web Worker entry: particle segmentation and label suggestions off the UI thread
// (Vite: new Worker(new URL('./classifyWorker.ts', import.meta.url), { type: 'module' })).
import { expose } from 'comlink';
import { classifyImage } from '../../../../shared/image/classifyImage.ts';

export const classifyWorkerApi = { classifyImage };
export type ClassifyWorkerApi = typeof classifyWorkerApi;

expose(classifyWorkerApi);
