// A pool of analysis workers for the renderer.
//
//   import { createAnalysisPool } from '../workers/analysisPool.ts';
//   const pool = createAnalysisPool();              // hardwareConcurrency − 1 workers (min 1)
//   const result = await pool.run(spectra, {        // spectra: PipelineSpectrum[] (e.g. from
//     recipe: { edges: { method: 'onset' } },       //   api.getSpectraForAnalysis), any number
//     signal: controller.signal,                    // abort → rejects with the signal's reason
//     onProgress: ({ done, total }) => ...,         // spectra analysed so far, of total
//   });                                             // → PipelineResult, equal to runPipeline()
//   const avg = await pool.averageAndDifferentiate(curves, recipe, signal);
//   // avg.ok && avg.columns: [bias, current, currentStd, didv, normalised, didv/VB peak] for uPlot
//   pool.terminate();                               // when the view goes away
//
// run() cuts the spectra into chunks of whole series (splitPipeline.ts), analyses the chunks in
// parallel, then runs the group stage (averages, statistics, comparisons) once, in one worker, on
// the merged results. Curves go to the workers packed in one transferred buffer per chunk and
// come back transferred; the caller's arrays are never detached. Aborting terminates the busy
// workers; the pool starts fresh ones for the next call.
import { transfer, wrap } from 'comlink';
import type { Endpoint, Remote } from 'comlink';
import { applyExclusions, resolveRecipe } from '../shared/analysis/index.ts';
import type { PipelineResult, PipelineSpectrum, RecipeOverrides } from '../shared/analysis/index.ts';
import type { AnalysisWorkerApi, AveragedColumns } from './analysisApi.ts';
import { packSpectra } from './packSpectra.ts';
import type { SpectrumId } from './packSpectra.ts';
import { mergeChunks, planChunks } from './splitPipeline.ts';
import type { ChunkResult } from './splitPipeline.ts';

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
  /** Spectra per chunk; default about 4 chunks per worker, between 64 and 2,000. */
  chunkSize?: number;
}

export interface RunOptions {
  recipe?: RecipeOverrides;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface AnalysisPool {
  readonly size: number;
  run<Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    options?: RunOptions,
  ): Promise<PipelineResult<Id>>;
  averageAndDifferentiate(
    curves: Array<{ bias: ArrayLike<number>; current: ArrayLike<number> }>,
    recipe?: RecipeOverrides,
    signal?: AbortSignal,
  ): Promise<AveragedColumns>;
  terminate(): void;
}

interface BrowserWorkerConstructor {
  new (url: URL, options: { type: 'module' }): Endpoint & { terminate(): void };
}

function createBrowserWorker(): WorkerHandle {
  // A local `Worker` keeps the literal `new Worker(new URL(...), ...)` Vite bundles, while this
  // file also type-checks for Node (no DOM types there).
  const Worker = (globalThis as unknown as { Worker: BrowserWorkerConstructor }).Worker;
  const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

function defaultSize(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return Math.max(1, (cores ?? 2) - 1);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('analysis aborted', 'AbortError');
}

interface Slot {
  handle: WorkerHandle;
  api: Remote<AnalysisWorkerApi>;
}

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultSize()));
  const createWorker = options.createWorker ?? createBrowserWorker;
  let slots: Slot[] = [];

  const ensureSlots = (): Slot[] => {
    while (slots.length < size) {
      const handle = createWorker();
      slots.push({ handle, api: wrap<AnalysisWorkerApi>(handle.endpoint) });
    }
    return slots;
  };
  const terminate = (): void => {
    for (const slot of slots) slot.handle.terminate();
    slots = [];
  };

  /** Rejects as soon as the signal aborts (terminating the workers), else settles with `work`. */
  const abortable = <T>(work: Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (!signal) return work;
    if (signal.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        terminate();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  async function runAll<Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    opts: RunOptions,
  ): Promise<PipelineResult<Id>> {
    const overrides = opts.recipe ?? {};
    const recipe = resolveRecipe(overrides);
    const workers = ensureSlots();
    const chunkSize =
      options.chunkSize ?? Math.min(2000, Math.max(64, Math.ceil(spectra.length / (4 * workers.length))));
    const plans = planChunks(spectra, recipe, chunkSize);
    const results: Array<ChunkResult<Id>> = new Array(plans.length);
    let next = 0;
    let done = 0;
    opts.onProgress?.({ done, total: spectra.length });
    const drain = async (slot: Slot): Promise<void> => {
      while (next < plans.length && !opts.signal?.aborted) {
        const c = next++;
        const plan = plans[c]!;
        const packed = packSpectra(plan.indices.map((i) => spectra[i]!));
        const chunk = (await slot.api.analyseChunk(
          transfer(packed, [packed.data.buffer]),
          plan,
          overrides,
        )) as ChunkResult<Id>;
        results[c] = chunk;
        done += plan.indices.length;
        opts.onProgress?.({ done, total: spectra.length });
      }
    };
    await Promise.all(workers.map(drain));
    if (opts.signal?.aborted) throw abortError(opts.signal);
    const merged = mergeChunks(plans, results, spectra.length);
    applyExclusions(merged.spectra, recipe);
    // The group stage (averaging thousands of curves) in a worker too, keeping the UI thread free.
    const kept = merged.kept;
    const { groups, comparisons } = await workers[0]!.api.aggregate(
      merged.spectra,
      transfer(
        kept,
        kept.flatMap((k) => [k.curve.bias.buffer, k.curve.current.buffer]),
      ),
      overrides,
    );
    return { recipe, spectra: merged.spectra, groups, comparisons, series: merged.series };
  }

  return {
    size,
    run: (spectra, opts = {}) => abortable(runAll(spectra, opts), opts.signal),
    averageAndDifferentiate: (curves, recipe = {}, signal) =>
      abortable(
        Promise.resolve(
          ensureSlots()[0]!.api.averageAndDifferentiate(curves, recipe),
        ) as Promise<AveragedColumns>,
        signal,
      ),
    terminate,
  };
}
