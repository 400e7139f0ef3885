// A fixed pool of parse workers (one per core). parse() resolves with the worker's response. Each
// worker holds a few requests at once, so it never idles while main is busy writing a batch. A
// worker that dies (out of memory, a native crash) is replaced; since any of its queued requests
// may have killed it, each is retried once alone in a fresh worker, so only the file that kills a
// worker on its own is reported failed. Workers run with V8 heap limits.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import { CRASH_MESSAGE_PREFIX } from './parseMessages.ts';
import type { ParseRequest, ParseResponse } from './parseMessages.ts';

interface Job {
  request: ParseRequest;
  resolve: (response: ParseResponse) => void;
  /** Was in a worker that died with others queued: now runs alone, and a second death is its own. */
  suspect: boolean;
}

interface Slot {
  worker: Worker;
  /** Requests posted to this worker and not yet answered, by request id. */
  pending: Map<number, Job>;
}

/** Requests queued inside one worker: enough to cover a write transaction on main. */
const PER_WORKER = 4;

/** V8 heap of one parse worker, MB. Typed arrays live outside it: the readers' limits bound those. */
export const DEFAULT_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 768,
  maxYoungGenerationSizeMb: 64,
};

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly workerUrl: URL | string;
  private readonly limits: ResourceLimits;
  /** Workers that died, for tests and logs. */
  crashes = 0;

  constructor(workerUrl: URL | string, size = availableParallelism(), limits = DEFAULT_WORKER_LIMITS) {
    this.workerUrl = workerUrl;
    this.limits = limits;
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  parse(path: string, name: string): Promise<ParseResponse> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, path, name }, resolve, suspect: false });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(this.workerUrl, { resourceLimits: this.limits }),
      pending: new Map(),
    };
    slot.worker.on('message', (response: ParseResponse) => {
      const job = slot.pending.get(response.id);
      slot.pending.delete(response.id);
      job?.resolve(response);
      this.pump();
    });
    slot.worker.on('error', (error) => this.replace(slot, error));
    slot.worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(slot, new Error(`exit code ${code}`));
    });
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.crashes++;
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    const jobs = [...slot.pending.values()];
    slot.pending.clear();
    if (jobs.length === 1 || jobs.every((job) => job.suspect)) {
      // Alone in the worker: this file killed it.
      for (const job of jobs) {
        job.resolve({
          id: job.request.id,
          ok: false,
          sha256: '',
          code: 'worker-crashed',
          message: `${CRASH_MESSAGE_PREFIX} reading this file (${error.message}); it is read again on the next import`,
        });
      }
    } else {
      // Any of them may be the culprit: each runs again, alone, first in line.
      for (const job of jobs) job.suspect = true;
      this.queue.unshift(...jobs);
    }
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      const busyWithSuspect = [...slot.pending.values()].some((job) => job.suspect);
      if (busyWithSuspect) continue;
      while (slot.pending.size < PER_WORKER) {
        const job = this.queue[0];
        if (!job) return;
        // A suspect only goes to an idle worker, and then that worker takes nothing else.
        if (job.suspect && slot.pending.size > 0) break;
        this.queue.shift();
        slot.pending.set(job.request.id, job);
        slot.worker.postMessage(job.request);
        if (job.suspect) break;
      }
    }
  }
}

/** Where the worker script is when running from source under Node (type stripping runs it). */
export const SOURCE_WORKER_URL = new URL('./parseWorker.ts', import.meta.url);
