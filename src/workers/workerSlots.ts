// What the pools share: the Web Worker constructor as the browser has it (the files type-check
// for Node too, without DOM typings), the core count, and a pool's workers started on first use.
import { wrap, type Remote } from 'comlink';
import type { WorkerHandle } from './analysisPoolApi.ts';

/**
 * `new Worker(url, { type: 'module' })` from globalThis: a pool keeps the literal
 * `new Worker(new URL('./x.ts', import.meta.url), ...)` that Vite bundles, with this as its type.
 */
export interface BrowserWorkerConstructor {
  new (url: URL, options: { type: 'module' }): WorkerHandle['endpoint'] & { terminate(): void };
}

export function browserWorkerConstructor(): BrowserWorkerConstructor {
  return (globalThis as unknown as { Worker: BrowserWorkerConstructor }).Worker;
}

/** navigator.hardwareConcurrency, or 2 where there is none. */
export function cores(): number {
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
}

/** `size` workers wrapped by comlink, started by the first ensure(); terminate() stops them all. */
export function workerSlots<Api>(size: number, createWorker: () => WorkerHandle) {
  let slots: Array<{ handle: WorkerHandle; api: Remote<Api> }> = [];
  return {
    ensure(): Array<{ handle: WorkerHandle; api: Remote<Api> }> {
      while (slots.length < size) {
        const handle = createWorker();
        slots.push({ handle, api: wrap<Api>(handle.endpoint) });
      }
      return slots;
    },
    terminate(): void {
      for (const slot of slots) slot.handle.terminate();
      slots = [];
    },
  };
}
