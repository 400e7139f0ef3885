// runPipeline split so its per-spectrum work runs in parallel and its group work once, with the
// pipeline's own stages (src/shared/analysis/runPipeline.ts):
// 1. planChunks: stage 1 (series) on all spectra, then the ordered series cut into contiguous
//    chunks of whole series;
// 2. analyseChunk (in a worker): stage 2 (analyseSeriesSet) on the chunk's series, with the
//    global series offset and input indices, returning the tidied curves group averages need;
// 3. mergeChunks: per-spectrum results back in input order, series concatenated; then stage 3
//    (applyExclusions, aggregateGroups) once. The result equals runPipeline(spectra) (tested).
import {
  aggregateGroups,
  analyseSeriesSet,
  applyExclusions,
  resolveRecipe,
  seriesOf,
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
import type { Series, SeriesSpot } from '../shared/analysis/detectSeries.ts';
import type { SpectrumId } from './packSpectra.ts';

export interface ChunkPlan<Id = SpectrumId> {
  /** Indices into the input spectra, in input order. */
  indices: number[];
  /** The chunk's series (whole), in order. */
  series: Array<Series<Id>>;
  /** Series (of any length) before this chunk: added to the chunk's own series indices. */
  seriesOffset: number;
}

// Loops, not closures created per call: V8 holds a closure's optimised code only weakly, so
// per-call closures over 10⁴ spectra were recompiled in every run (seriesStage.ts says more).

const ascending = (a: number, b: number): number => a - b;

/** Only the spectra's series fields are read (ids, file names, times, positions, sweeps). */
export function planChunks<Id extends SpectrumId>(
  spectra: ReadonlyArray<SeriesSpot<Id>>,
  recipe: AnalysisRecipe,
  targetSize: number,
): Array<ChunkPlan<Id>> {
  const indexOf = new Map<Id, number>();
  for (let i = 0; i < spectra.length; i++) indexOf.set(spectra[i]!.id, i);
  const plans: Array<ChunkPlan<Id>> = [];
  let current: ChunkPlan<Id> = { indices: [], series: [], seriesOffset: 0 };
  const series = seriesOf(spectra, recipe);
  for (let k = 0; k < series.length; k++) {
    const s = series[k]!;
    if (current.indices.length >= targetSize) {
      plans.push(current);
      current = { indices: [], series: [], seriesOffset: k };
    }
    current.series.push(s);
    for (const id of s.spotIds) current.indices.push(indexOf.get(id)!);
  }
  if (current.indices.length) plans.push(current);
  for (const plan of plans) plan.indices.sort(ascending);
  return plans;
}

export interface ChunkResult<Id extends SpectrumId> {
  /** Same order as the chunk's spectra. */
  spectra: Array<SpectrumResult<Id>>;
  series: Array<SeriesResult<Id>>;
  kept: KeptCurve[];
}

/** Step 2, in a worker. `indices` are the chunk spectra's input indices. */
export function analyseChunk<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  plan: ChunkPlan<Id>,
  overrides: RecipeOverrides,
): ChunkResult<Id> {
  return analyseSeriesSet(spectra, plan.series, resolveRecipe(overrides), plan.seriesOffset, plan.indices);
}

export interface MergedChunks<Id> {
  /** Per-spectrum results in input order. */
  spectra: Array<SpectrumResult<Id>>;
  series: Array<SeriesResult<Id>>;
  kept: KeptCurve[];
}

/** Chunk results (in plan order) back in input order; stage 3 is left to the caller. */
export function mergeChunks<Id extends SpectrumId>(
  plans: ReadonlyArray<ChunkPlan<Id>>,
  chunks: ReadonlyArray<ChunkResult<Id>>,
  total: number,
): MergedChunks<Id> {
  const spectra: Array<SpectrumResult<Id>> = new Array(total);
  const series: Array<SeriesResult<Id>> = [];
  const kept: KeptCurve[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const indices = plans[c]!.indices;
    for (let i = 0; i < chunk.spectra.length; i++) spectra[indices[i]!] = chunk.spectra[i]!;
    for (const s of chunk.series) series.push(s);
    for (const k of chunk.kept) kept.push(k);
  }
  return { spectra, series, kept };
}

/** Split → chunks → merge → stage 3, all on this thread: equals runPipeline (tests use it). */
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
      p,
      overrides,
    ),
  );
  const merged = mergeChunks(plans, chunks, spectra.length);
  applyExclusions(merged.spectra, recipe);
  const { groups, comparisons } = aggregateGroups(merged.spectra, merged.kept, recipe);
  return { recipe, spectra: merged.spectra, groups, comparisons, series: merged.series };
}
