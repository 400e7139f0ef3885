// Checkpoints a library's WAL from a worker thread while an import writes (checkpointWorker.ts):
// the writing connection's automatic checkpoint is off meanwhile, and each committed batch asks
// the worker for a PASSIVE checkpoint (at most one in flight; commits meanwhile ask for one more).
// If the worker fails, or falls too far behind, the writing connection checkpoints by itself again
// as it did before (wal_autocheckpoint restored), so the WAL never grows without bound. The worker
// is started at the first commit, not with the import: it would compete with the parse workers'
// start for the CPU, and there is nothing to checkpoint before.
import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { CheckpointAnswer, CheckpointRequest } from './checkpointMessages.ts';

/** Commits not yet covered by a finished checkpoint after which the writer checkpoints itself. */
const MAX_LAG_COMMITS = 16;

export class WalCheckpointer {
  private readonly db: Database;
  private readonly workerUrl: URL | string;
  /** The writing connection's wal_autocheckpoint (pages), restored at close or on failure. */
  private readonly autocheckpointPages: number;
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** Commits since the checkpoint in flight was asked for. */
  private committedSince = 0;
  /** Off: the worker failed or lagged; the writer checkpoints by itself. */
  private off = false;
  /** Callers of settled() waiting for the worker to finish what was asked. */
  private waiters: Array<() => void> = [];

  constructor(db: Database, workerUrl: URL | string) {
    this.db = db;
    this.workerUrl = workerUrl;
    this.autocheckpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  }

  /** Says a write transaction committed: the worker checkpoints it (started at the first call). */
  committed(): void {
    if (this.off) return;
    if (this.worker === null) this.start();
    this.committedSince++;
    if (this.inFlight === 0) this.ask();
    else if (this.committedSince > MAX_LAG_COMMITS) this.turnOff();
  }

  /** True while the worker checkpoints for the writer (false once it failed, lagged or closed). */
  get active(): boolean {
    return !this.off;
  }

  /** Resolves when every commit reported so far is checkpointed (or the worker is off). */
  settled(): Promise<void> {
    if (this.off || (this.inFlight === 0 && this.committedSince === 0)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops the worker (after its checkpoint in flight) and gives the writer its checkpoints back. */
  async close(): Promise<void> {
    this.restore();
    this.off = true;
    this.wake();
    this.worker?.postMessage('close' satisfies CheckpointRequest);
    await this.exited;
  }

  private start(): void {
    const worker = new Worker(this.workerUrl, { workerData: { path: this.db.name } });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    this.db.pragma('wal_autocheckpoint = 0');
    worker.on('message', (answer: CheckpointAnswer) => {
      this.inFlight = 0;
      if (!answer.ok) this.turnOff();
      else if (this.committedSince > 0 && !this.off) this.ask();
      else this.wake();
    });
    worker.on('error', () => this.turnOff());
    worker.on('exit', () => this.turnOff());
  }

  private ask(): void {
    this.inFlight = this.committedSince;
    this.committedSince = 0;
    this.worker?.postMessage('checkpoint' satisfies CheckpointRequest);
  }

  private turnOff(): void {
    if (this.off) return;
    this.off = true;
    this.restore();
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private restore(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.autocheckpointPages}`);
  }
}
