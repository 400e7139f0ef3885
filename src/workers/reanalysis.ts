// What one analysis worker keeps between runs on the same spectra (incremental re-analysis):
// its chunks' spectra with each spectrum's stage cache (prepared curve, dI/dV, edges, traps,
// flags, degradation row: seriesStage.ts), and, for the labels whose group stage it runs, their
// kept curves (sent as packs while the chunks are still being analysed: holdKept) and each such
// label's averaged I(V). A recipe change reruns only the stages whose key
// (stageKeys.ts) changed: a deep-window change recomputes the trap integrals and the group
// statistics; a Savitzky–Golay window change recomputes from the derivative on. One dataset is
// held at a time: a new dataset id drops the previous one.
import { resolveRecipe } from '../shared/analysis/index.ts';
import { aggregateGroupPart, drawLabelMeans } from '../shared/analysis/aggregateGroups.ts';
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
import { BlockPool, CurveArena } from '../shared/analysis/curveArena.ts';
import type { StageArenas } from '../shared/analysis/curveArena.ts';
import { analyseSeriesSet } from '../shared/analysis/seriesStage.ts';
import type { SpectrumCache } from '../shared/analysis/seriesStage.ts';
import { stageKeys } from '../shared/analysis/stageKeys.ts';
import { trapsFromCache } from '../shared/analysis/trapsOnly.ts';
import { setTraps, trapColumns } from './trapColumns.ts';
import type { TrapColumns } from './trapColumns.ts';
import { unpackKept } from './keptCurves.ts';
import type { KeptPack } from './keptCurves.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { BootstrapShare } from './poolDataset.ts';
import type { ChunkPlan, ChunkResult } from './splitPipeline.ts';

interface HeldChunk<Id extends SpectrumId> {
  spectra: Array<PipelineSpectrum<Id>>;
  plan: ChunkPlan<Id>;
  caches: SpectrumCache[];
  /**
   * The memory of the caches' prepared currents and dI/dV (curveArena.ts), and the stage key each
   * was filled under. A run whose key differs recomputes that stage for every spectrum of the
   * chunk, so its arena is rewound first: spectrum i's new curve may take the memory of another's
   * old one, which nothing reads again.
   */
  arenas: StageArenas;
  arenaKeys: { prepared: string | null; derivative: string | null };
  /** The buffer the spectra are views into (packSpectra), handed back when the chunk is dropped. */
  buffer?: ArrayBuffer;
}

interface HeldDataset<Id extends SpectrumId> {
  id: number;
  chunks: Map<number, HeldChunk<Id>>;
  /**
   * Group stage: the kept curves of this worker's labels (any order) received for the pool's kept
   * generation `keptGeneration` (a new one whenever the curves a group averages changed), and
   * each label's average.
   */
  keptGeneration: number | null;
  kept: KeptCurve[];
  averages: Map<string, { key: string; averaged: AveragedGroupCurve }>;
  /**
   * Each of this worker's labels' last group result and the allButTraps key it was computed under
   * (same dataset: the same spectra): a run under the same key recomputes only its trap parts.
   */
  groups: Map<string, { key: string; group: GroupResult }>;
}

export interface ReanalysisState {
  dataset: HeldDataset<SpectrumId> | null;
  /**
   * Buffers of dropped chunks, for the pool to pack the next dataset into: memory already in use
   * costs nothing to write again, while fresh pages cost ~20 µs each on the build VM (a 10⁴-
   * spectrum dataset is 10⁴ of them).
   */
  released: ArrayBuffer[];
  /** Arena blocks of dropped chunks, for the next chunks' curves (up to 128 MB kept). */
  blocks: BlockPool;
}

export function createReanalysisState(): ReanalysisState {
  return { dataset: null, released: [], blocks: new BlockPool(128 * 1024 * 1024) };
}

function release(state: ReanalysisState, chunk: HeldChunk<SpectrumId> | undefined): void {
  if (!chunk) return;
  if (chunk.buffer) state.released.push(chunk.buffer);
  // Nothing reads the dropped chunk's caches again: their curves' memory goes to the next chunks.
  chunk.arenas.prepared.free();
  chunk.arenas.derivative.free();
}

/** Drops the held dataset: its buffers go to `released`, its curves' memory to the block pool. */
export function dropDataset(state: ReanalysisState): void {
  const dataset = state.dataset;
  if (!dataset) return;
  for (const chunk of dataset.chunks.values()) release(state, chunk);
  state.dataset = null;
}

function datasetOf(state: ReanalysisState, id: number): HeldDataset<SpectrumId> {
  if (state.dataset?.id !== id) {
    dropDataset(state);
    state.dataset = {
      id,
      chunks: new Map(),
      keptGeneration: null,
      kept: [],
      averages: new Map(),
      groups: new Map(),
    };
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
    dataset.chunks.set(chunk, {
      ...load,
      caches: load.spectra.map(() => ({})),
      arenas: { prepared: new CurveArena(state.blocks), derivative: new CurveArena(state.blocks) },
      arenaKeys: { prepared: null, derivative: null },
    });
  }
  const held = dataset.chunks.get(chunk);
  if (!held) throw new Error(`analysis worker: chunk ${chunk} of dataset ${datasetId} was never loaded`);
  const { plan } = held;
  const recipe = resolveRecipe(overrides);
  const keys = stageKeys(recipe);
  if (held.arenaKeys.prepared !== keys.prepare) held.arenas.prepared.rewind();
  if (held.arenaKeys.derivative !== keys.derivative) held.arenas.derivative.rewind();
  let result: ChunkResult<Id>;
  try {
    result = analyseSeriesSet(
      held.spectra,
      plan.series,
      recipe,
      plan.seriesOffset,
      plan.indices,
      held.caches,
      held.arenas,
    );
  } catch (error) {
    // Part of the caches may point at rewound memory: start the chunk afresh next time.
    held.caches = held.spectra.map(() => ({}));
    held.arenaKeys = { prepared: null, derivative: null };
    throw error;
  }
  held.arenaKeys = { prepared: keys.prepare, derivative: keys.derivative };
  // The kept curves are packed (copied) before the next run can rewind their memory (encodeChunk).
  return withKept ? result : { ...result, kept: [] };
}

/**
 * The trap integrals of a held chunk's spectra (chunk order) under `overrides`, for a run that
 * differs from the chunk's last one in the trap windows alone (the pool checks: stageKeys'
 * allButTraps): from each spectrum's cached dI/dV and edges (trapsFromCache), kept in the caches
 * for the runs after.
 */
export function retrapHeldChunk(
  state: ReanalysisState,
  datasetId: number,
  chunk: number,
  overrides: RecipeOverrides,
): TrapColumns {
  const held = state.dataset?.id === datasetId ? state.dataset.chunks.get(chunk) : undefined;
  if (!held) throw new Error(`analysis worker: chunk ${chunk} of dataset ${datasetId} is not held`);
  const recipe = resolveRecipe(overrides);
  const keys = stageKeys(recipe);
  const columns = trapColumns(held.caches.length);
  for (let i = 0; i < held.caches.length; i++)
    setTraps(columns, i, trapsFromCache(held.caches[i]!, recipe, keys));
  return columns;
}

/** Drops the held kept curves and averages when `generation` is not the held one. */
function keptOf(dataset: HeldDataset<SpectrumId>, generation: number): KeptCurve[] {
  if (dataset.keptGeneration !== generation) {
    dataset.keptGeneration = generation;
    dataset.kept = [];
    dataset.averages.clear();
  }
  return dataset.kept;
}

/**
 * Holds kept curves of this worker's group-stage labels for kept generation `generation` (the
 * pool sends each chunk's packs as the chunk comes back); a new generation replaces the held ones.
 */
export function holdKept(
  state: ReanalysisState,
  datasetId: number,
  generation: number,
  packs: ReadonlyArray<KeptPack>,
): void {
  const kept = keptOf(datasetOf(state, datasetId), generation);
  for (const pack of packs) for (const k of unpackKept(pack)) kept.push(k);
}

/** Bootstrap means of resamples [from, from + means.length) of a label (null: not drawn). */
export interface DrawnMeans {
  label: string;
  from: number;
  means: Float64Array | null;
}

/**
 * The group stage's per-label part (aggregateGroupPart) for `labels`, on merged per-spectrum
 * results, with the kept curves held for kept generation `generation` (holdKept; none held for it:
 * these labels have none). A label's averaged I(V) is reused while its member curves (input
 * indices) and the average's stage key are unchanged. `shares` (shareBootstrap): the bootstrap
 * resamples this worker draws; of its own labels the share [0, k) goes into the sample's means
 * (its whole means without shares), the others come back in `draws`.
 */
export function aggregateHeld<Id extends SpectrumId>(
  state: ReanalysisState,
  datasetId: number,
  results: Array<GroupInput<Id>>,
  generation: number,
  overrides: RecipeOverrides,
  labels: string[],
  shares?: ReadonlyArray<BootstrapShare>,
): { groups: GroupResult[]; samples: GroupDeepSample[]; draws: DrawnMeans[] } {
  const dataset = datasetOf(state, datasetId);
  const kept = keptOf(dataset, generation);
  const recipe = resolveRecipe(overrides);
  const { average: averageKey, allButTraps } = stageKeys(recipe);
  const mine = new Set(labels);
  const first = new Map<string, number>(labels.map((l) => [l, shares ? 0 : recipe.bootstrap.resamples]));
  const elsewhere: BootstrapShare[] = [];
  for (const share of shares ?? []) {
    if (mine.has(share.label) && share.from === 0) first.set(share.label, share.to);
    else if (share.to > share.from) elsewhere.push(share);
  }
  const part = aggregateGroupPart(
    results,
    kept,
    recipe,
    labels,
    (label, curves, indices) => {
      const key = `${averageKey}|${indices.join(',')}`;
      const held = dataset.averages.get(label);
      if (held?.key === key) return held.averaged;
      const averaged = averageGroupCurves(curves, recipe);
      dataset.averages.set(label, { key, averaged });
      return averaged;
    },
    {
      drawn: (label) => first.get(label)!,
      sameButTraps: (label) => {
        const held = dataset.groups.get(label);
        return held?.key === allButTraps ? held.group : undefined;
      },
    },
  );
  for (const group of part.groups) dataset.groups.set(group.label, { key: allButTraps, group });
  const draws = elsewhere.map(({ label, from, to }) => ({
    label,
    from,
    means: drawLabelMeans(results, recipe, label, from, to),
  }));
  return { ...part, draws };
}
