// Per-pixel grid analysis as jobs: the grid is decoded here, its pixels measured on worker threads
// (nodeGridMapPool, one per core) with progress and cancel, and the maps stored with the recipe
// (gridRuns.ts). A grid, channel and recipe already stored is answered from the library at once
// (`stored: true`), never recomputed. Jobs run one after another (a cancel ends the pool's workers).
import type { Database } from 'better-sqlite3';
import type { GridRunProgress } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { resolveRecipe, type RecipeOverrides } from '../../shared/analysis/recipe.ts';
import { chooseChannel, notBiasGrid } from '../../shared/grid/gridChannel.ts';
import { createNodeGridMapPool, SOURCE_GRID_MAP_WORKER_URL } from './nodeGridMapPool.ts';
import type { GridMapPool } from '../../workers/gridMapPool.ts';
import { findGridRun, gridRecipeJson, storeGridRun } from './gridRuns.ts';
import { readGridCube } from './readGridCube.ts';

interface Job {
  progress: GridRunProgress;
  controller: AbortController;
  done: Promise<GridRunProgress>;
}

export interface GridRunJobsOptions {
  appVersion: string;
  workerUrl?: URL | string;
  /** A read-only library computes nothing it could not store. */
  readonly?: boolean;
  /** Workers; default one per core. */
  workers?: number;
}

export class GridRunJobs {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private pool: GridMapPool | null = null;
  /** The job before this one: jobs run in turn. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly db: Database;
  private readonly options: GridRunJobsOptions;

  constructor(db: Database, options: GridRunJobsOptions) {
    this.db = db;
    this.options = options;
  }

  /** Starts (or answers from the library) the analysis of a grid with a recipe. */
  start(fileId: number, channelName: string | undefined, overrides: RecipeOverrides): Job {
    const recipe = resolveRecipe(overrides);
    const recipeJson = gridRecipeJson(recipe);
    const progress: GridRunProgress = {
      jobId: this.nextId++,
      fileId,
      state: 'running',
      done: 0,
      total: 0,
      runId: null,
      stored: false,
      error: null,
    };
    const controller = new AbortController();
    const finish = (state: GridRunProgress['state'], error: string | null = null): GridRunProgress => {
      if (progress.state === 'running') Object.assign(progress, { state, error });
      return progress;
    };
    const work = async (): Promise<GridRunProgress> => {
      if (controller.signal.aborted) return finish('cancelled');
      const grid = readGridCube(this.db, fileId);
      const reason = notBiasGrid(grid.cube);
      if (reason) throw new ApiError('not-bias-grid', `${grid.name}: ${reason}`);
      const channel = chooseChannel(grid.cube, channelName);
      progress.total = grid.cube.written;
      // A read-only library cannot store new maps: any version's run is better than none there.
      const version = this.options.readonly ? null : this.options.appVersion;
      const stored = findGridRun(this.db, fileId, channel.name, recipeJson, version);
      if (stored !== null) {
        Object.assign(progress, { runId: stored, stored: true, done: progress.total });
        return finish('done');
      }
      if (this.options.readonly)
        throw new ApiError('read-only', 'the library is open read-only: grid maps cannot be stored');
      this.pool ??= createNodeGridMapPool(
        this.options.workers,
        this.options.workerUrl ?? SOURCE_GRID_MAP_WORKER_URL,
      );
      const maps = await this.pool.run(grid.cube, channel, overrides, {
        signal: controller.signal,
        onProgress: ({ done }) => (progress.done = done),
      });
      if (controller.signal.aborted) return finish('cancelled');
      progress.runId = storeGridRun(this.db, fileId, recipeJson, this.options.appVersion, maps);
      return finish('done');
    };
    const done = this.queue
      .then(work)
      .catch((error: unknown) =>
        controller.signal.aborted
          ? finish('cancelled')
          : finish('failed', error instanceof Error ? error.message : String(error)),
      );
    this.queue = done;
    const job = { progress, controller, done };
    this.jobs.set(progress.jobId, job);
    return job;
  }

  progress(jobId: number): GridRunProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', `no grid analysis ${jobId}`);
    return { ...job.progress };
  }

  cancel(jobId: number): GridRunProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', `no grid analysis ${jobId}`);
    if (job.progress.state === 'running') {
      job.controller.abort(new Error('grid analysis cancelled'));
      job.progress.state = 'cancelled';
    }
    return { ...job.progress };
  }

  /** Cancels every job and waits for them (nothing is stored after this). */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort(new Error('library closed'));
    await Promise.all([...this.jobs.values()].map((job) => job.done));
    this.pool?.terminate();
    this.pool = null;
  }
}
