// Moves a writing connection's WAL checkpoints to a worker thread (checkpointWorker.ts) for the
// length of an import. Each commit asks for a checkpoint; one runs at a time, and asks that come
// while one runs make one more after it. The writing connection's own automatic checkpoint stays
// on at FALLBACK_FACTOR times its threshold, so the WAL stays bounded if the worker falls behind
// or fails; close() puts the threshold back. SQLite allows a checkpoint on another connection
// while a writer appends (https://sqlite.org/wal.html#application_initiated_checkpoints).
import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { CheckpointAnswer, CheckpointRequest } from './checkpointMessages.ts';

/** The writing connection checkpoints itself only past this many times its usual WAL size. */
export const FALLBACK_FACTOR = 16;

/** Where the worker script is when running from source under Node (type stripping runs it). */
export const SOURCE_CHECKPOINT_WORKER_URL = new URL('./checkpointWorker.ts', import.meta.url);

export class WalCheckpointer {
  /** Checkpoints the worker finished (tests and logs). */
  checkpoints = 0;
  /** Why the worker stopped before close(), if it did (the writer then checkpoints itself). */
  failure: string | null = null;
  private readonly worker: Worker;
  private readonly db: Database;
  private readonly autocheckpointPages: number;
  private running = false;
  private wanted = false;
  private stopped = false;
  private closing: Promise<void> | null = null;
  private onStopped: (() => void) | null = null;

  /** A checkpointer for `db`, or null when it has no WAL file to checkpoint (memory, other journal). */
  static start(db: Database, workerUrl: URL | string): WalCheckpointer | null {
    if (db.memory || db.readonly) return null;
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') return null;
    return new WalCheckpointer(db, workerUrl);
  }

  private constructor(db: Database, workerUrl: URL | string) {
    this.db = db;
    this.autocheckpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    if (this.autocheckpointPages > 0)
      db.pragma(`wal_autocheckpoint = ${this.autocheckpointPages * FALLBACK_FACTOR}`);
    this.worker = new Worker(workerUrl, { workerData: { path: db.name } });
    this.worker.on('message', (answer: CheckpointAnswer) => this.answered(answer));
    this.worker.on('error', (error) => this.stop(error.message));
    this.worker.on('exit', (code) => this.stop(`the checkpoint worker exited (code ${code})`));
  }

  /** Says a transaction committed: its pages are checkpointed in the worker, now or next. */
  committed(): void {
    if (this.stopped || this.closing) return;
    if (this.running) this.wanted = true;
    else this.post({ type: 'checkpoint' });
  }

  /**
   * Lets the checkpoint under way finish (those only asked for are dropped: the writer's own
   * checkpoints take over), closes the worker's connection and puts the writing connection's
   * automatic checkpoint back.
   */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped) {
        resolve();
        return;
      }
      this.onStopped = resolve;
      this.wanted = false;
      this.worker.postMessage({ type: 'close' } satisfies CheckpointRequest);
    });
    return this.closing;
  }

  private post(request: CheckpointRequest): void {
    this.running = true;
    this.worker.postMessage(request);
  }

  private answered(answer: CheckpointAnswer): void {
    this.running = false;
    if (answer.type === 'closed') this.stop(null);
    else if (answer.type === 'failed') this.stop(answer.message);
    else {
      this.checkpoints++;
      if (this.wanted && !this.closing) {
        this.wanted = false;
        this.post({ type: 'checkpoint' });
      }
    }
  }

  /** Ends the worker, once: the writing connection checkpoints itself again, as before. */
  private stop(failure: string | null): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.closing) this.failure = failure ?? 'the checkpoint worker stopped';
    this.worker.removeAllListeners();
    void this.worker.terminate();
    try {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.autocheckpointPages}`);
    } finally {
      this.onStopped?.();
      this.onStopped = null;
    }
  }
}
