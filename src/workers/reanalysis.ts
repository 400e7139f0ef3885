// What one analysis worker keeps between runs on the same spectra (incremental re-analysis):
// its chunks' spectra with each spectrum's stage cache (prepared curve, dI/dV, edges, traps,
// flags, degradation row: seriesStage.ts), and, in the worker that runs the group stage, every
// kept curve of its labels and each of its labels' averaged I(V). A recipe change reruns only the stages whose key
// (stageKeys.ts) changed: a deep-window change recomputes the trap integrals and the group
// statistics; a Savitzky–Golay window change recomputes from the derivative on. One dataset is
// held at a time: a new dataset id drops the previous one.
import { resolveRecipe } from '../shared/analysis/index.ts';
import { aggregateGroupPart } from '../shared/analysis/aggregateGroups.ts';
import type { GroupDeepSample } from '../shared/analysis/aggregateGroups.ts';
import type {
  GroupResult,
  KeptCurve,
  PipelineSpectrum,
  RecipeOverrides,
  GroupInput,
} from '../shared/analysis/index.ts';
import { averageGroupCurves } from '../shared/analysis/groupAverage.ts';
import type { AveragedGroupCurve } from '../shared/analysis/groupAverage.ts';
import { analyseSeriesSet } from '../shared/analysis/seriesStage.ts';
import type { SpectrumCache } from '../shared/analysis/seriesStage.ts';
import { stageKeys } from '../shared/analysis/stageKeys.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { ChunkPlan, ChunkResult } from './splitPipeline.ts';

interface HeldChunk<Id extends SpectrumId> {
  spectra: Array<PipelineSpectrum<Id>>;
  plan: ChunkPlan<Id>;
  caches: SpectrumCache[];
  /** The buffer the spectra are views into (packSpectra), handed back when the chunk is dropped. */
  buffer?: ArrayBuffer;
}

interface HeldDataset<Id extends SpectrumId> {
  id: number;
  chunks: Map<number, HeldChunk<Id>>;
  /** Group stage: every kept curve of the dataset (input order) and each label's average. */
  kept: KeptCurve[] | null;
  averages: Map<string, { key: string; averaged: AveragedGroupCurve }>;
}

export interface ReanalysisState {
  dataset: HeldDataset<SpectrumId> | null;
  /**
   * Buffers of dropped chunks, for the pool to pack the next dataset into: memory already in use
   * costs nothing to write again, while fresh pages cost ~20 µs each on the build VM (a 10⁴-
   * spectrum dataset is 10⁴ of them).
   */
  released: ArrayBuffer[];
}

export function createReanalysisState(): ReanalysisState {
  return { dataset: null, released: [] };
}

function release(state: ReanalysisState, chunk: HeldChunk<SpectrumId> | undefined): void {
  if (chunk?.buffer) state.released.push(chunk.buffer);
}

function datasetOf(state: ReanalysisState, id: number): HeldDataset<SpectrumId> {
  if (state.dataset?.id !== id) {
    for (const chunk of state.dataset?.chunks.values() ?? []) release(state, chunk);
    state.dataset = { id, chunks: new Map(), kept: null, averages: new Map() };
  }
  return state.dataset;
}

/** The released buffers (each handed out once). */
export function takeReleased(state: ReanalysisState): ArrayBuffer[] {
  return state.released.splice(0);
}

/**
 * Per-spectrum stages of one chunk through its caches. `load` carries the chunk's spectra the
 * first time (and after the worker restarted). `withKept`: return the chunk's kept curves (the
 * caller asks when the curves a group averages changed: new data, another direction or sweeps
 * choice); otherwise `kept` is empty.
 */
export function analyseHeldChunk<Id extends SpectrumId>(
  state: ReanalysisState,
  datasetId: number,
  chunk: number,
  overrides: RecipeOverrides,
  withKept: boolean,
  load?: { spectra: Array<PipelineSpectrum<Id>>; plan: ChunkPlan<Id>; buffer?: ArrayBuffer },
): ChunkResult<Id> {
  const dataset = datasetOf(state, datasetId) as unknown as HeldDataset<Id>;
  if (load) {
    release(state, dataset.chunks.get(chunk) as HeldChunk<SpectrumId> | undefined);
    dataset.chunks.set(chunk, { ...load, caches: load.spectra.map(() => ({})) });
  }
  const held = dataset.chunks.get(chunk);
  if (!held) throw new Error(`analysis worker: chunk ${chunk} of dataset ${datasetId} was never loaded`);
  const { plan } = held;
  const result = analyseSeriesSet(
    held.spectra,
    plan.series,
    resolveRecipe(overrides),
    plan.seriesOffset,
    (i) => plan.indices[i]!,
    held.caches,
  );
  return withKept ? result : { ...result, kept: [] };
}

/**
 * The group stage's per-label part (aggregateGroupPart) for `labels`, on merged per-spectrum
 * results; `kept` (the kept curves of these labels, any order) when they changed, else null to
 * reuse the held ones. A label's averaged I(V) is reused while its member curves (input indices)
 * and the average's stage key are unchanged.
 */
export function aggregateHeld<Id extends SpectrumId>(
  state: ReanalysisState,
  datasetId: number,
  results: Array<GroupInput<Id>>,
  kept: KeptCurve[] | null,
  overrides: RecipeOverrides,
  labels: string[],
): { groups: GroupResult[]; samples: GroupDeepSample[] } {
  const dataset = datasetOf(state, datasetId);
  if (kept) {
    dataset.kept = kept;
    dataset.averages.clear();
  }
  if (!dataset.kept) throw new Error(`analysis worker: no kept curves for dataset ${datasetId}`);
  const recipe = resolveRecipe(overrides);
  const averageKey = stageKeys(recipe).average;
  return aggregateGroupPart(results, dataset.kept, recipe, labels, (label, curves, indices) => {
    const key = `${averageKey}|${indices.join(',')}`;
    const held = dataset.averages.get(label);
    if (held?.key === key) return held.averaged;
    const averaged = averageGroupCurves(curves, recipe);
    dataset.averages.set(label, { key, averaged });
    return averaged;
  });
}
