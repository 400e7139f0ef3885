// Stored analysis runs as jobs off the server's event loop: each run is in a worker thread
// (analysisRunWorker.ts) with its own library connection; main only keeps its progress, so every
// other request is answered while 100k spectra are analysed. One run at a time per library;
// cancel terminates the worker (its store transaction never commits). A worker whose run ended
// (stored, or failed with its own answer) waits IDLE_WORKER_MS for the next run: a new thread
// compiles the analysis afresh (bench:scale's 10,000-sweep session through the server: 1.27 s in
// a new thread, 0.92–0.94 s in the waiting one; re-runs after label changes come seconds apart).
import { Worker } from 'node:worker_threads';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import type { AnalysisProgress } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { AnalysisRunMessage, AnalysisRunRequest } from './analysisRunMessages.ts';

export const SOURCE_ANALYSIS_RUN_WORKER_URL = new URL('./analysisRunWorker.ts', import.meta.url);

/** How long a stored-run worker waits for the next run before it is stopped, ms. */
export const IDLE_WORKER_MS = 60_000;

interface Job {
  progress: AnalysisProgress;
  startedAt: number;
  worker: Worker;
  done: Promise<AnalysisProgress>;
  /** Ends the job in this state (first call wins). */
  finish(state: AnalysisProgress['state'], error?: string | null): void;
}

/** Stops a worker no run will use again; an error it raises meanwhile is of no one's concern. */
function discard(worker: Worker): void {
  worker.on('error', () => undefined);
  void worker.terminate();
}

export class AnalysisJobs {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  /** The worker of the last run, waiting for the next one (unref'd: it keeps no process alive). */
  private idle: { worker: Worker; timer: NodeJS.Timeout; onEnd: () => void } | null = null;

  private readonly dbPath: string;
  private readonly appVersion: string;
  private readonly workerUrl: URL | string;

  constructor(dbPath: string, appVersion: string, workerUrl: URL | string = SOURCE_ANALYSIS_RUN_WORKER_URL) {
    this.dbPath = dbPath;
    this.appVersion = appVersion;
    this.workerUrl = workerUrl;
  }

  start(recipe: RecipeOverrides, scope?: AnalysisScope): Job {
    if ([...this.jobs.values()].some((job) => job.progress.state === 'running')) {
      throw new ApiError('busy', 'an analysis is already running in this library; wait for it or cancel it');
    }
    const jobId = this.nextId++;
    const startedAt = Date.now();
    const progress: AnalysisProgress = {
      jobId,
      state: 'running',
      phase: 'loading',
      spectra: 0,
      waitingForWriter: false,
      runId: null,
      error: null,
      elapsedMs: 0,
    };
    const request: AnalysisRunRequest = { dbPath: this.dbPath, recipe, scope, appVersion: this.appVersion };
    const worker = this.workerFor(request);
    let finish: Job['finish'] = () => undefined;
    const done = new Promise<AnalysisProgress>((resolve) => {
      finish = (state, error = null) => {
        if (progress.state !== 'running') return;
        progress.state = state;
        progress.error = error;
        progress.elapsedMs = Date.now() - startedAt;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(progress);
      };
      const onMessage = (message: AnalysisRunMessage): void => {
        if (message.type === 'phase') {
          progress.phase = message.phase;
          progress.spectra = message.spectra;
          progress.waitingForWriter = message.waitingForWriter ?? false;
        } else if (message.type === 'done') {
          progress.runId = message.runId;
          finish('done');
          this.park(worker);
        } else {
          if (message.code) progress.errorCode = message.code;
          finish('failed', message.message);
          // The run failed with the worker's own answer (no spectra, a busy library…): it is sound.
          this.park(worker);
        }
      };
      const onError = (error: Error): void => {
        finish('failed', error.message);
        discard(worker);
      };
      // Terminated by cancel() (state already set) or died without a word.
      const onExit = (code: number): void => finish('failed', `the analysis worker exited with code ${code}`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    const job: Job = { progress, startedAt, worker, done, finish };
    this.jobs.set(jobId, job);
    return job;
  }

  /** The waiting worker, given the request; else a new worker started with it. */
  private workerFor(request: AnalysisRunRequest): Worker {
    const worker = this.takeIdle();
    if (!worker) return new Worker(this.workerUrl, { workerData: request });
    worker.ref();
    worker.postMessage(request);
    return worker;
  }

  /** Keeps a worker whose run ended for the next run, IDLE_WORKER_MS at most. */
  private park(worker: Worker): void {
    if (this.idle) this.stopIdle();
    // Dying or failing while it waits (an 'error' with no listener would throw on this thread):
    // it is dropped, and the next run starts a new worker.
    const onEnd = (): void => {
      if (this.idle?.worker === worker) this.stopIdle();
    };
    const timer = setTimeout(onEnd, IDLE_WORKER_MS);
    timer.unref();
    worker.on('exit', onEnd);
    worker.on('error', onEnd);
    worker.unref();
    this.idle = { worker, timer, onEnd };
  }

  private stopIdle(): void {
    const worker = this.takeIdle();
    if (worker) discard(worker);
  }

  /** The waiting worker, no longer waiting (its timer and listeners removed); null when none waits. */
  private takeIdle(): Worker | null {
    const idle = this.idle;
    if (!idle) return null;
    this.idle = null;
    clearTimeout(idle.timer);
    idle.worker.off('exit', idle.onEnd);
    idle.worker.off('error', idle.onEnd);
    return idle.worker;
  }

  /** Runs a recipe to the end; the stored run's id, or the run's error as an ApiError. */
  async run(recipe: RecipeOverrides, scope?: AnalysisScope): Promise<number> {
    const progress = await this.start(recipe, scope).done;
    if (progress.state === 'done' && progress.runId !== null) return progress.runId;
    throw new ApiError(
      progress.errorCode ?? 'analysis-failed',
      progress.error ?? `analysis ${progress.state}`,
    );
  }

  progress(jobId: number): AnalysisProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', `no analysis job ${jobId} in this session`);
    const { progress } = job;
    return {
      ...progress,
      elapsedMs: progress.state === 'running' ? Date.now() - job.startedAt : progress.elapsedMs,
    };
  }

  cancel(jobId: number): AnalysisProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', `no analysis job ${jobId} in this session`);
    // A run that already ended is left as it ended: its worker may be waiting for the next run.
    if (job.progress.state !== 'running') return { ...job.progress };
    job.finish('cancelled');
    discard(job.worker);
    return { ...job.progress };
  }

  async close(): Promise<void> {
    this.stopIdle();
    await Promise.all([...this.jobs.values()].map((job) => job.worker.terminate()));
  }
}
