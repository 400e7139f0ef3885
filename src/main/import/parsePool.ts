// A fixed pool of parse workers (one per core). parse() resolves with the worker's response; a
// worker that dies is replaced and its file reported as failed, so the import goes on.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './parseMessages.ts';

interface Slot {
  worker: Worker;
  busy: { request: ParseRequest; resolve: (response: ParseResponse) => void } | null;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ request: ParseRequest; resolve: (response: ParseResponse) => void }> = [];
  private nextId = 1;
  private closed = false;
  private readonly workerUrl: URL | string;

  constructor(workerUrl: URL | string, size = availableParallelism()) {
    this.workerUrl = workerUrl;
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  parse(path: string, name: string): Promise<ParseResponse> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, path, name }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerUrl), busy: null };
    slot.worker.on('message', (response: ParseResponse) => {
      const job = slot.busy;
      slot.busy = null;
      job?.resolve(response);
      this.pump();
    });
    slot.worker.on('error', (error) => this.replace(slot, error));
    slot.worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(slot, new Error(`parse worker exited with code ${code}`));
    });
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const job = slot.busy;
    slot.busy = null;
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    job?.resolve({
      id: job.request.id,
      ok: false,
      sha256: '',
      code: 'worker-crashed',
      message: error.message,
    });
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.busy = job;
      slot.worker.postMessage(job.request);
    }
  }
}

/** Where the worker script is when running from source under Node (type stripping runs it). */
export const SOURCE_WORKER_URL = new URL('./parseWorker.ts', import.meta.url);
