// The stored run's per-spectrum work on both cores: the run's worker plans chunks of whole series
// from the spectra's metadata (no curves read), hands half of them to a helper thread, and
// analyses the other half itself; each thread reads only its own chunks' curves from the library
// (its own connection), so loading is split too and no curve is copied between threads. The
// helper sends back its per-spectrum results and the tidied curves the group averages need (one
// packed, transferred buffer). The group stage (exclusions, averages, statistics, comparisons)
// then runs once on the merged results: the pipeline's own split (src/workers/splitPipeline.ts),
// equal to runPipeline (splitPipeline.test.ts; analysisDataPath.test.ts compares the stored run
// with an in-thread one).
import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { aggregateGroups, applyExclusions, resolveRecipe } from '../../shared/analysis/index.ts';
import type { PipelineResult, PipelineSpectrum, RecipeOverrides } from '../../shared/analysis/index.ts';
import type { SlabSpectrumMeta } from '../../shared/model/spectraSlab.ts';
import { packCurves, unpackCurves } from '../../workers/groupSpectra.ts';
import type { PackedCurves } from '../../workers/groupSpectra.ts';
import { analyseChunk, mergeChunks, planChunks } from '../../workers/splitPipeline.ts';
import type { ChunkPlan, ChunkResult } from '../../workers/splitPipeline.ts';
import { curvesReadBy, loadAnalysisSpectra } from './loadSpectra.ts';

/** Below this many spectra the run stays on one thread (starting a helper costs more). */
export const TWO_THREAD_MIN_SPECTRA = 400;

/** A chunk to analyse: its forward spectrum ids in input order, and its plan. */
export interface ChunkJob {
  ids: number[];
  plan: ChunkPlan<number>;
}

/** workerData of the helper thread (the stored-run worker module, started with this role). */
export interface ChunkHelperRequest {
  role: 'chunk-helper';
  dbPath: string;
  recipe: RecipeOverrides;
  chunks: ChunkJob[];
}

/** Chunk results with the kept curves moved into one packed buffer (in order of appearance). */
export interface PackedChunkResults {
  results: Array<ChunkResult<number>>;
  kept: PackedCurves;
}

export type ChunkHelperMessage =
  { type: 'done'; packed: PackedChunkResults } | { type: 'error'; message: string };

/** Reads the chunks' spectra (curves and all) from the library and analyses each chunk. */
export function analyseChunksFromLibrary(
  db: Database,
  recipe: RecipeOverrides,
  chunks: ReadonlyArray<ChunkJob>,
): Array<ChunkResult<number>> {
  const loaded = loadAnalysisSpectra(db, { forwardIds: chunks.flatMap((c) => c.ids) }, curvesReadBy(recipe));
  const byId = new Map(loaded.map((s) => [s.id, s]));
  return chunks.map((c) =>
    analyseChunk(
      c.ids.map((id) => {
        const spectrum = byId.get(id);
        if (!spectrum) throw new Error(`spectrum ${id} left the library during the analysis`);
        return spectrum;
      }),
      c.plan,
      recipe,
    ),
  );
}

export function packChunkResults(results: Array<ChunkResult<number>>): PackedChunkResults {
  const kept = packCurves(results.flatMap((r) => r.kept.map((k) => k.curve)));
  const empty = new Float64Array(0);
  return {
    results: results.map((r) => ({
      ...r,
      kept: r.kept.map((k) => ({ ...k, curve: { bias: empty, current: empty } })),
    })),
    kept,
  };
}

/** The packed results' buffers, for a transfer list. */
export function transferablesOf(packed: PackedChunkResults): ArrayBuffer[] {
  return [packed.kept.data.buffer, packed.kept.offsets.buffer, packed.kept.points.buffer] as ArrayBuffer[];
}

export function unpackChunkResults(packed: PackedChunkResults): Array<ChunkResult<number>> {
  const curves = unpackCurves(packed.kept);
  let next = 0;
  return packed.results.map((r) => ({ ...r, kept: r.kept.map((k) => ({ ...k, curve: curves[next++]! })) }));
}

/** Metadata as the series stage sees a spectrum (it reads no curves). */
function withoutCurves(meta: SlabSpectrumMeta): PipelineSpectrum<number> {
  const none = new Float64Array(0);
  return { ...meta, bias: none, current: none, backward: null };
}

function runHelper(
  workerUrl: URL | string,
  request: ChunkHelperRequest,
): Promise<Array<ChunkResult<number>>> {
  const worker = new Worker(workerUrl, { workerData: request });
  return new Promise<Array<ChunkResult<number>>>((resolve, reject) => {
    worker.once('message', (message: ChunkHelperMessage) => {
      if (message.type === 'done') resolve(unpackChunkResults(message.packed));
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the analysis helper thread exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}

/**
 * The pipeline on `meta`'s spectra (metadata of the forward sweeps, in input order), half of
 * the chunks in a helper started from `workerUrl` with a ChunkHelperRequest, half here.
 */
export async function analyseOnTwoThreads(
  db: Database,
  dbPath: string,
  meta: ReadonlyArray<SlabSpectrumMeta>,
  overrides: RecipeOverrides,
  workerUrl: URL | string,
): Promise<PipelineResult<number>> {
  const recipe = resolveRecipe(overrides);
  const spectra = meta.map(withoutCurves);
  const plans = planChunks(spectra, recipe, Math.max(64, Math.ceil(spectra.length / 8)));
  const jobs = plans.map((plan) => ({ ids: plan.indices.map((i) => spectra[i]!.id), plan }));
  // The helper takes the first chunks up to half the spectra (it starts later: it loads modules).
  let split = 0;
  for (let counted = 0; split < jobs.length && counted < spectra.length / 2; split++)
    counted += jobs[split]!.ids.length;
  const helper = runHelper(workerUrl, {
    role: 'chunk-helper',
    dbPath,
    recipe: overrides,
    chunks: jobs.slice(0, split),
  });
  // Not left unhandled while this thread works: awaited below.
  helper.catch(() => undefined);
  const mine = analyseChunksFromLibrary(db, overrides, jobs.slice(split));
  const results = [...(await helper), ...mine];
  const merged = mergeChunks(plans, results, spectra.length);
  applyExclusions(merged.spectra, recipe);
  const { groups, comparisons } = aggregateGroups(merged.spectra, merged.kept, recipe);
  return { recipe, spectra: merged.spectra, groups, comparisons, series: merged.series };
}
