// A fixed pool of parse workers. parse() resolves with the worker's response. Requests go to a
// worker in batches (several files per message, see parseMessages.ts), and each worker holds a
// couple of batches at once, so it never idles while main is busy writing a transaction. A
// worker that dies (out of memory, a native crash) is replaced; since any of its queued requests
// may have killed it, each is retried once alone in a fresh worker, so only the file that kills a
// worker on its own is reported failed. Workers run with V8 heap limits.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import { BLOB_CHUNK_BYTES } from '../library/blobPacker.ts';
import { blobBuffersOf } from '../library/fileRows.ts';
import { CRASH_MESSAGE_PREFIX } from './parseMessages.ts';
import type { ParseBatch, ParseBatchAnswer, ParseRequest, ParseResponse } from './parseMessages.ts';

interface Job {
  /** Its `bytes` (the file's size, 0 when unknown) also bound the bytes of one batch. */
  request: ParseRequest;
  resolve: (response: ParseResponse) => void;
  /** Was in a worker that died with others queued: now runs alone, and a second death is its own. */
  suspect: boolean;
}

interface Slot {
  worker: Worker;
  /** Requests posted to this worker and not yet answered, by request id. */
  pending: Map<number, Job>;
  /** Batches posted to this worker and not yet answered. */
  batches: number;
}

/** Files per message to a worker. */
const BATCH_FILES = 16;
/** File bytes per message: a batch of large files (grids, images) stays one or two files. */
const BATCH_BYTES = 4 << 20;
/**
 * Batches queued inside one worker: enough that it keeps parsing while main writes a transaction
 * (ImportRun writes 128 files at once, ~25 ms on the build machine; with 2 batches queued the
 * worker idled ~40 % of the import waiting for main to answer).
 */
const BATCHES_PER_WORKER = 8;

/** Spare chunks sent with one batch: what a batch of ordinary files fills, with room. */
const SPARE_CHUNKS_PER_BATCH = 2;

/** Spare chunks held at most (memory bound: 32 MB with the default chunk size). */
const MAX_SPARE_CHUNKS = 32;

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
  private closing: Promise<void> | null = null;
  private readonly workerUrl: URL | string;
  private readonly limits: ResourceLimits;
  /** Workers that died, for tests and logs. */
  crashes = 0;

  private pumpScheduled = false;
  /** BLOB chunks whose rows are written, going back to a worker with its next batch for reuse. */
  private readonly spareChunks: ArrayBuffer[] = [];
  /** Responses not yet released per BLOB chunk they hold views of. */
  private readonly chunkUsers = new Map<ArrayBuffer, number>();

  constructor(workerUrl: URL | string, size = defaultPoolSize(), limits = DEFAULT_WORKER_LIMITS) {
    this.workerUrl = workerUrl;
    this.limits = limits;
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  /** Parses one file; `bytes` (its size, when known) keeps batches of large files small and spares the worker an fstat. */
  parse(path: string, name: string, bytes = 0): Promise<ParseResponse> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, path, name, bytes }, resolve, suspect: false });
      this.schedulePump();
    });
  }

  /**
   * Says a response's rows are written (or dropped) and their BLOB bytes no longer needed. A BLOB
   * chunk (see BlobPacker) whose every response is released goes back to a worker with its next
   * batch, which writes new BLOBs into it instead of fresh memory (each fresh chunk cost a page
   * fault per page, ~35 µs per file on the build machine). The chunk is transferred: every view of
   * it here is detached, so nothing may read a released response's BLOBs. Unreleased responses
   * only cost their chunk's reuse.
   */
  release(response: ParseResponse): void {
    if (!response.ok) return;
    for (const chunk of blobBuffersOf(response.rows)) {
      const left = (this.chunkUsers.get(chunk) ?? 0) - 1;
      if (left > 0) {
        this.chunkUsers.set(chunk, left);
        continue;
      }
      this.chunkUsers.delete(chunk);
      if (left === 0 && chunk.byteLength === BLOB_CHUNK_BYTES && this.spareChunks.length < MAX_SPARE_CHUNKS)
        this.spareChunks.push(chunk);
    }
  }

  /** Stops the workers (again: the same promise). */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= Promise.all(this.slots.map((slot) => slot.worker.terminate())).then(() => undefined);
    return this.closing;
  }

  /**
   * Dispatches once the callers of parse() in this turn of the event loop have all queued their
   * files (setImmediate runs after every pending promise continuation), so batches fill up.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(this.workerUrl, { resourceLimits: this.limits }),
      pending: new Map(),
      batches: 0,
    };
    slot.worker.on('message', ({ responses }: ParseBatchAnswer) => {
      slot.batches--;
      // Every response of the answer is counted before any is resolved (and may be released).
      for (const response of responses)
        if (response.ok)
          for (const chunk of blobBuffersOf(response.rows))
            this.chunkUsers.set(chunk, (this.chunkUsers.get(chunk) ?? 0) + 1);
      for (const response of responses) {
        const job = slot.pending.get(response.id);
        slot.pending.delete(response.id);
        job?.resolve(response);
      }
      // Refill the worker now, before the resolutions run: they may write a whole transaction
      // synchronously, and a pump left to setImmediate would wait for it with the worker idle.
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
    slot.batches = 0;
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
    if (this.closed) return;
    for (const slot of this.slots) {
      while (slot.batches < BATCHES_PER_WORKER && this.queue.length > 0) {
        // A suspect runs alone in an idle worker, and that worker takes nothing else meanwhile.
        if (slot.pending.size > 0 && [...slot.pending.values()].some((job) => job.suspect)) break;
        const first = this.queue[0] as Job;
        if (first.suspect && slot.pending.size > 0) break;
        const batch = first.suspect ? this.queue.splice(0, 1) : this.takeBatch();
        for (const job of batch) slot.pending.set(job.request.id, job);
        slot.batches++;
        const spare = this.spareChunks.splice(0, SPARE_CHUNKS_PER_BATCH);
        const message: ParseBatch = { requests: batch.map((job) => job.request), spareChunks: spare };
        slot.worker.postMessage(message, spare);
      }
    }
  }

  /** The next files in the queue up to BATCH_FILES and BATCH_BYTES (at least one), no suspects. */
  private takeBatch(): Job[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < BATCH_FILES) {
      const job = this.queue[count] as Job;
      if (job.suspect || (count > 0 && bytes + job.request.bytes > BATCH_BYTES)) break;
      bytes += job.request.bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }
}

/**
 * Workers for a machine: one per core beyond the main thread's, since main writes SQLite while the
 * workers parse and is as busy as one of them (STS_PARSE_WORKERS overrides, e.g. to measure). On
 * 2 cores a second worker cost the CLI import ~15 % more CPU in all (its start-up, its own JIT
 * compiles and heap) for no more throughput: three busy threads shared the two cores.
 */
export function defaultPoolSize(): number {
  const override = Number(process.env.STS_PARSE_WORKERS);
  if (Number.isInteger(override) && override > 0) return override;
  return Math.max(1, availableParallelism() - 1);
}

/** Where the worker script is when running from source under Node (type stripping runs it). */
export const SOURCE_WORKER_URL = new URL('./parseWorker.ts', import.meta.url);
