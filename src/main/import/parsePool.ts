// A fixed pool of parse workers (one per core). parse() resolves with the worker's response; a
// worker that dies is replaced and its files reported as failed, so the import goes on. Each
// worker holds a few requests at once, so it never idles while main is busy writing a batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './parseMessages.ts';

interface Job {
  request: ParseRequest;
  resolve: (response: ParseResponse) => void;
}

interface Slot {
  worker: Worker;
  /** Requests posted to this worker and not yet answered, by request id. */
  pending: Map<number, Job>;
}

/** Requests queued inside one worker: enough to cover a write transaction on main. */
const PER_WORKER = 4;

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
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
    const slot: Slot = { worker: new Worker(this.workerUrl), pending: new Map() };
    slot.worker.on('message', (response: ParseResponse) => {
      const job = slot.pending.get(response.id);
      slot.pending.delete(response.id);
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
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    for (const job of slot.pending.values()) {
      job.resolve({
        id: job.request.id,
        ok: false,
        sha256: '',
        code: 'worker-crashed',
        message: error.message,
      });
    }
    slot.pending.clear();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.pending.size < PER_WORKER) {
        const job = this.queue.shift();
        if (!job) return;
        slot.pending.set(job.request.id, job);
        slot.worker.postMessage(job.request);
      }
    }
  }
}

/** Where the worker script is when running from source under Node (type stripping runs it). */
export const SOURCE_WORKER_URL = new URL('./parseWorker.ts', import.meta.url);
