// What the analysis pool offers its callers (analysisPool.ts builds it): a run of the pipeline,
// a group's average with its members' spread, one average's columns for a plot, and the options a
// caller starts it with. Apart from the pool's implementation so callers read one small file.
import type { Endpoint } from 'comlink';
import type { PipelineResult, PipelineSpectrum, RecipeOverrides } from '../shared/analysis/index.ts';
import type { AveragedColumns } from './analysisApi.ts';
import type { GroupSpectraResult, MemberSweeps } from './groupSpectra.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { ResultColumns } from './resultColumns.ts';

/**
 * A run's result with the per-spectrum results in columns (resultColumns.ts: resultNumber reads one
 * number, decodeResults makes the objects), for a caller that needs only some of their numbers.
 */
export type ColumnarPipelineResult<Id extends SpectrumId> = Omit<PipelineResult<Id>, 'spectra'> & {
  spectra: ResultColumns<Id>;
};

/** A started worker: its comlink endpoint and how to stop it. */
export interface WorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
}

export interface AnalysisPoolOptions {
  /** Workers; default navigator.hardwareConcurrency − 1, at least 1. */
  size?: number;
  /** Starts one worker; default the Vite-bundled Web Worker (analysisWorker.ts). */
  createWorker?: () => WorkerHandle;
  /** Spectra per chunk; default about 8 chunks per worker, between 128 and 2,000. */
  chunkSize?: number;
  /**
   * Set on a UI thread: spectra packed per task (packing a chunk of 1,250 sweeps was a 110–190 ms
   * task in Chromium), and a new dataset's chunks planned in a worker (series detection over 10⁴
   * spectra, 60–110 ms). Default: each chunk packed at once and planned on the calling thread
   * (worker threads, the CLI: no copy of the spots).
   */
  packSlice?: number;
}

export interface RunOptions {
  recipe?: RecipeOverrides;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * Results are the caller's to read, not to change: a run after a change of the trap windows alone
 * builds its results from the last run's (trapsOnlyRun.ts), sharing their unchanged arrays.
 */
export interface AnalysisPool {
  readonly size: number;
  run<Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    options?: RunOptions,
  ): Promise<PipelineResult<Id>>;
  /**
   * run() with the per-spectrum results in columns: on a UI thread they are merged and excluded
   * in a worker and never decoded into objects on the calling thread (10⁴ results are ~10⁵ small
   * objects, and their garbage).
   */
  runColumns<Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    options?: RunOptions,
  ): Promise<ColumnarPipelineResult<Id>>;
  /** Members prepared as the pipeline prepares them (the recipe's direction; groupSpectra.ts). */
  averageAndDifferentiate(
    members: ReadonlyArray<MemberSweeps>,
    recipe?: RecipeOverrides,
    signal?: AbortSignal,
  ): Promise<AveragedColumns>;
  /**
   * A group's average and its members' spread (groupSpectra.ts) in one worker call; successive
   * calls go to the workers in turn, so the groups of a view are computed on every core.
   */
  groupSpectra(
    members: ReadonlyArray<MemberSweeps>,
    recipe?: RecipeOverrides,
    signal?: AbortSignal,
  ): Promise<GroupSpectraResult>;
  terminate(): void;
}
