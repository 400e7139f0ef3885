// Stored analysis runs as jobs off the server's event loop: each run is a worker thread
// (analysisRunWorker.ts) with its own library connection; main only keeps its progress, so every
// other request is answered while 100k spectra are analysed. One run at a time per library;
// cancel terminates the worker (its store transaction never commits).
import { Worker } from 'node:worker_threads';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import type { AnalysisProgress } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { AnalysisRunMessage, AnalysisRunRequest } from './analysisRunMessages.ts';

export const SOURCE_ANALYSIS_RUN_WORKER_URL = new URL('./analysisRunWorker.ts', import.meta.url);

interface Job {
  progress: AnalysisProgress;
  startedAt: number;
  worker: Worker;
  done: Promise<AnalysisProgress>;
  /** Ends the job in this state (first call wins). */
  finish(state: AnalysisProgress['state'], error?: string | null): void;
}

export class AnalysisJobs {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

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
    const worker = new Worker(this.workerUrl, { workerData: request });
    let finish: Job['finish'] = () => undefined;
    const done = new Promise<AnalysisProgress>((resolve) => {
      finish = (state, error = null) => {
        if (progress.state !== 'running') return;
        progress.state = state;
        progress.error = error;
        progress.elapsedMs = Date.now() - startedAt;
        resolve(progress);
      };
      worker.on('message', (message: AnalysisRunMessage) => {
        if (message.type === 'phase') {
          progress.phase = message.phase;
          progress.spectra = message.spectra;
          progress.waitingForWriter = message.waitingForWriter ?? false;
        } else if (message.type === 'done') {
          progress.runId = message.runId;
          finish('done');
        } else {
          if (message.code) progress.errorCode = message.code;
          finish('failed', message.message);
        }
      });
      worker.on('error', (error) => finish('failed', error.message));
      worker.on('exit', (code) => {
        // Terminated by cancel() (state already set) or died without a word.
        finish('failed', `the analysis worker exited with code ${code}`);
      });
    });
    const job: Job = { progress, startedAt, worker, done, finish };
    this.jobs.set(jobId, job);
    void done.then(() => worker.terminate());
    return job;
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
    job.finish('cancelled');
    void job.worker.terminate();
    return { ...job.progress };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.worker.terminate()));
  }
}
