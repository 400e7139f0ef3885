// runPipeline split so its per-spectrum work runs in parallel and its group work once:
// 1. planChunks: detect series on all spectra and cut the ordered series into contiguous chunks.
//    A chunk holds whole series, and consecutive files inside it are consecutive overall, so
//    runPipeline on a chunk finds exactly the same series as on everything.
// 2. analyseChunk (in a worker): runPipeline on the chunk; series indices shifted to the global
//    ones; the prepared curves that group averages need (labelled, usable, first of series or
//    all sweeps per recipe.averageSweeps) returned with their input index.
// 3. mergeChunks: per-spectrum results back in input order, series concatenated, and the group
//    stage (averages, statistics, histograms, comparisons) once on the merged results, as
//    runPipeline does it. The result equals runPipeline(spectra, overrides) (tested).
// The group stage is src/shared/analysis/aggregateGroups.ts, the same function runPipeline uses.
import {
  aggregateGroups,
  detectSeries,
  prepareCurve,
  resolveRecipe,
  runPipeline,
} from '../shared/analysis/index.ts';
import type {
  AnalysisRecipe,
  KeptCurve,
  PipelineResult,
  PipelineSpectrum,
  RecipeOverrides,
  SeriesResult,
  SpectrumResult,
} from '../shared/analysis/index.ts';
import type { SpectrumId } from './packSpectra.ts';

export interface ChunkPlan {
  /** Indices into the input spectra, in input order. */
  indices: number[];
  /** Series (of any length) before this chunk: added to the chunk's own series indices. */
  seriesOffset: number;
}

export function planChunks<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  recipe: AnalysisRecipe,
  targetSize: number,
): ChunkPlan[] {
  const indexOf = new Map<Id, number>();
  spectra.forEach((s, i) => {
    if (indexOf.has(s.id)) throw new RangeError(`duplicate spectrum id ${String(s.id)}`);
    indexOf.set(s.id, i);
  });
  const series = detectSeries(spectra, { radius: recipe.series.radius });
  const plans: ChunkPlan[] = [];
  let current: ChunkPlan = { indices: [], seriesOffset: 0 };
  series.forEach((s, k) => {
    if (current.indices.length >= targetSize) {
      plans.push(current);
      current = { indices: [], seriesOffset: k };
    }
    for (const id of s.spotIds) current.indices.push(indexOf.get(id)!);
  });
  if (current.indices.length) plans.push(current);
  for (const plan of plans) plan.indices.sort((a, b) => a - b);
  return plans;
}

export { aggregateGroups };
export type { KeptCurve };

export interface ChunkResult<Id extends SpectrumId> {
  /** Same order as the chunk's spectra. */
  spectra: Array<SpectrumResult<Id>>;
  series: Array<SeriesResult<Id>>;
  kept: KeptCurve[];
}

/** Step 2, in a worker. `indices` are the chunk spectra's input indices. */
export function analyseChunk<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  indices: ReadonlyArray<number>,
  overrides: RecipeOverrides,
  seriesOffset: number,
): ChunkResult<Id> {
  // Without labels runPipeline skips its group stage (averages, bootstrap), which would be wasted
  // on a chunk; the labels are put back on the results below.
  const result = runPipeline(
    spectra.map((s) => ({ ...s, label: null })),
    overrides,
  );
  const recipe = result.recipe;
  const labelOf = new Map(spectra.map((s) => [s.id, s.label]));
  const kept: KeptCurve[] = [];
  result.spectra.forEach((r, i) => {
    const s = spectra[i]!;
    r.label = s.label;
    r.series += seriesOffset;
    if (s.label === null || !r.ok || !(r.sweepInSeries === 1 || recipe.averageSweeps === 'all')) return;
    const curve = prepareCurve(s, s.backward, recipe);
    if (curve.ok)
      kept.push({ index: indices[i]!, label: s.label, curve: { bias: curve.bias, current: curve.current } });
  });
  for (const series of result.series) series.label = labelOf.get(series.spotIds[0]!) ?? null;
  return { spectra: result.spectra, series: result.series, kept };
}

export interface MergedChunks<Id> {
  /** Per-spectrum results in input order. */
  spectra: Array<SpectrumResult<Id>>;
  series: Array<SeriesResult<Id>>;
  kept: KeptCurve[];
}

/** Chunk results (in plan order) back in input order; the group stage is left to aggregateGroups. */
export function mergeChunks<Id extends SpectrumId>(
  plans: ReadonlyArray<ChunkPlan>,
  chunks: ReadonlyArray<ChunkResult<Id>>,
  total: number,
): MergedChunks<Id> {
  const spectra: Array<SpectrumResult<Id>> = new Array(total);
  const series: Array<SeriesResult<Id>> = [];
  const kept: KeptCurve[] = [];
  chunks.forEach((chunk, c) => {
    const indices = plans[c]!.indices;
    chunk.spectra.forEach((r, i) => (spectra[indices[i]!] = r));
    series.push(...chunk.series);
    kept.push(...chunk.kept);
  });
  return { spectra, series, kept };
}

/** Split → chunks → merge → group stage, all on this thread: equals runPipeline (tests use it). */
export function runPipelineInChunks<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  overrides: RecipeOverrides,
  chunkSize: number,
): PipelineResult<Id> {
  const recipe = resolveRecipe(overrides);
  const plans = planChunks(spectra, recipe, chunkSize);
  const chunks = plans.map((p) =>
    analyseChunk(
      p.indices.map((i) => spectra[i]!),
      p.indices,
      overrides,
      p.seriesOffset,
    ),
  );
  const merged = mergeChunks(plans, chunks, spectra.length);
  const { groups, comparisons } = aggregateGroups(merged.spectra, merged.kept, recipe);
  return { recipe, spectra: merged.spectra, groups, comparisons, series: merged.series };
}
