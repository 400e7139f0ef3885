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
// groupAverage, prepareCurve, bootstrapMeans and reductionFromSamples are not (yet) exported by
// src/shared/analysis/index.ts; they are imported from their modules until the analysis owner
// exports them (or a group-stage function that runPipeline and this file can share).
import {
  detectSeries,
  histogram,
  labelSeed,
  resolveRecipe,
  runPipeline,
  summaryStats,
} from '../shared/analysis/index.ts';
import type {
  AnalysisRecipe,
  Curve,
  GroupComparison,
  GroupResult,
  PipelineResult,
  PipelineSpectrum,
  RecipeOverrides,
  SeriesResult,
  SpectrumResult,
} from '../shared/analysis/index.ts';
import { bootstrapMeans } from '../shared/analysis/bootstrapMeans.ts';
import { finiteValues, reductionFromSamples } from '../shared/analysis/deepTrapReduction.ts';
import { groupAverage } from '../shared/analysis/groupAverage.ts';
import type { GroupAverage } from '../shared/analysis/index.ts';
import { prepareCurve } from '../shared/analysis/prepareSpectrum.ts';
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

export interface KeptCurve {
  /** Input index of the spectrum. */
  index: number;
  label: string;
  curve: Curve;
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

/** Step 3: the group stage of runPipeline on merged per-spectrum results. */
export function aggregateGroups<Id>(
  results: ReadonlyArray<SpectrumResult<Id>>,
  kept: ReadonlyArray<KeptCurve>,
  recipe: AnalysisRecipe,
): { groups: GroupResult[]; comparisons: GroupComparison[] } {
  const labels = [...new Set(results.map((r) => r.label).filter((l): l is string => l !== null))].sort();
  const ordered = [...kept].sort((a, b) => a.index - b.index);
  const deepByLabel = new Map<string, number[]>();
  const groups = labels.map((label): GroupResult => {
    const members = results.filter((r) => r.label === label && r.ok);
    const counted = members.filter((r) => r.sweepInSeries === 1);
    const pick = (key: 'vbm' | 'cbm' | 'gap' | 'deep') =>
      counted.map((r) => r[key]).filter((v): v is number => v !== null);
    deepByLabel.set(label, pick('deep'));
    const curves = ordered.filter((k) => k.label === label).map((k) => k.curve);
    const average: GroupAverage =
      curves.length > 0
        ? groupAverage(curves, recipe)
        : { ok: false, reason: 'no usable spectra to average' };
    return {
      label,
      spectra: members.length,
      counted: counted.length,
      average,
      stats: {
        vbm: summaryStats(pick('vbm')),
        cbm: summaryStats(pick('cbm')),
        gap: summaryStats(pick('gap')),
        deepTrap: summaryStats(pick('deep')),
      },
      histograms: {
        vbm: histogram(pick('vbm'), recipe.histogram),
        cbm: histogram(pick('cbm'), recipe.histogram),
        gap: histogram(pick('gap'), recipe.histogram),
      },
    };
  });
  // As runPipeline: one bootstrap stream per group, labelSeed(seed, label), drawn once and shared
  // by every pair the group is in.
  const { resamples, seed, level } = recipe.bootstrap;
  const finite = new Map(labels.map((l) => [l, finiteValues(deepByLabel.get(l)!)]));
  const means = new Map<string, Float64Array>();
  const meansFor = (label: string): Float64Array => {
    let m = means.get(label);
    if (!m) {
      m = bootstrapMeans(finite.get(label)!, resamples, labelSeed(seed, label));
      means.set(label, m);
    }
    return m;
  };
  const comparisons: GroupComparison[] = [];
  for (const a of labels) {
    for (const b of labels) {
      if (a === b) continue;
      const r = reductionFromSamples(finite.get(a)!, finite.get(b)!, level, (role) =>
        meansFor(role === 'a' ? a : b),
      );
      comparisons.push({ a, b, ...r });
    }
  }
  return { groups, comparisons };
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
