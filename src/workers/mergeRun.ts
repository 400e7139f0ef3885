// splitPipeline step 3's per-spectrum part for the pool (analysisPool.ts): the chunks' results
// merged into input order, the exclusions applied and the group stage's inputs encoded. On a UI
// thread in worker 0, on the chunks' columns (mergedColumns.ts: the page never decodes 10⁴ results
// into objects); elsewhere on this thread, on objects.
import { transfer } from 'comlink';
import type { Remote } from 'comlink';
import { applyExclusions } from '../shared/analysis/index.ts';
import type {
  AnalysisRecipe,
  RecipeOverrides,
  SeriesResult,
  SpectrumResult,
} from '../shared/analysis/index.ts';
import type { AnalysisWorkerApi } from './analysisApi.ts';
import type { MergedColumns } from './mergedColumns.ts';
import type { SpectrumId } from './packSpectra.ts';
import { decodeChunk, encodeGroupInputs, resultBuffers } from './resultColumns.ts';
import type { EncodedChunkResult, GroupInputColumns, ResultColumns } from './resultColumns.ts';
import { mergeChunks } from './splitPipeline.ts';
import type { ChunkPlan } from './splitPipeline.ts';

export interface MergedRun<Id extends SpectrumId> {
  /** Per-spectrum results in input order, exclusions applied: objects here, columns from a worker. */
  spectra: Array<SpectrumResult<Id>> | ResultColumns<Id>;
  inputs: GroupInputColumns;
  series: Array<SeriesResult<Id>>;
}

/** On this thread (worker threads, the CLI). */
export function mergeHere<Id extends SpectrumId>(
  plans: ReadonlyArray<ChunkPlan<Id>>,
  results: ReadonlyArray<EncodedChunkResult<Id>>,
  total: number,
  recipe: AnalysisRecipe,
): MergedRun<Id> {
  const merged = mergeChunks(plans, results.map(decodeChunk), total);
  applyExclusions(merged.spectra, recipe);
  return { spectra: merged.spectra, inputs: encodeGroupInputs(merged.spectra), series: merged.series };
}

/** In `worker` (a pool on a UI thread); the chunks' result columns are transferred to it. */
export async function mergeInWorker<Id extends SpectrumId>(
  worker: Remote<AnalysisWorkerApi>,
  plans: ReadonlyArray<ChunkPlan<Id>>,
  results: ReadonlyArray<EncodedChunkResult<Id>>,
  total: number,
  overrides: RecipeOverrides,
): Promise<MergedRun<Id>> {
  const chunks = results.map((r, c) => ({ indices: Int32Array.from(plans[c]!.indices), spectra: r.spectra }));
  const merged = (await worker.mergeChunkColumns(
    transfer(
      chunks,
      chunks.flatMap((c) => [c.indices.buffer, ...resultBuffers(c.spectra)]),
    ),
    total,
    overrides,
  )) as MergedColumns<Id>;
  return { spectra: merged.spectra, inputs: merged.inputs, series: results.flatMap((r) => r.series) };
}
