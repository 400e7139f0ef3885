// What an analysis worker exposes through comlink. Inputs arrive packed (packSpectra) so they
// cross in one buffer; results carry their typed arrays in the transfer list, so nothing large
// is copied on the way back. Pure: the same object runs in a Web Worker, in Node worker_threads
// (tests, main) and directly.
import { prepareCurve, resolveRecipe, runPipeline } from '../shared/analysis/index.ts';
import type {
  BandEdges,
  Curve,
  GroupResult,
  InGapState,
  PipelineResult,
  RecipeOverrides,
  GroupInput,
  TrapWindows,
} from '../shared/analysis/index.ts';
import { groupAverage } from '../shared/analysis/groupAverage.ts';
import type { GroupDeepSample } from '../shared/analysis/aggregateGroups.ts';
import { transfer } from 'comlink';
import { groupSpectraOf, unpackCurves } from './groupSpectra.ts';
import type { GroupSpectraResult, MemberSweeps, PackedCurves } from './groupSpectra.ts';
import { unpackSpectra } from './packSpectra.ts';
import { chunkBuffers, decodeGroupInputs, encodeChunk } from './resultColumns.ts';
import type { EncodedChunkResult, GroupInputColumns } from './resultColumns.ts';
import type { PackedSpectra, SpectrumId } from './packSpectra.ts';
import type { KeptPack } from './keptCurves.ts';
import type { BootstrapShare } from './poolDataset.ts';
import {
  aggregateHeld,
  analyseHeldChunk,
  createReanalysisState,
  dropDataset,
  holdKept,
  retrapHeldChunk,
  takeReleased,
} from './reanalysis.ts';
import { trapBuffers } from './trapColumns.ts';
import type { TrapColumns } from './trapColumns.ts';
import type { DrawnMeans } from './reanalysis.ts';
import { planChunks } from './splitPipeline.ts';
import { mergeChunkColumns, mergedBuffers } from './mergedColumns.ts';
import type { ChunkColumns, MergedColumns } from './mergedColumns.ts';
import { decodeChunkPlan, decodeSpots, encodePlans, planBuffers } from './planColumns.ts';
import type { PlanColumns, SpotColumns } from './planColumns.ts';

/** uPlot column layout of a group's averaged spectrum and its measures. */
export type AveragedColumns =
  | { ok: false; reason: string }
  | {
      ok: true;
      /**
       * [bias V, mean current A, current std A, dI/dV A/V, Feenstra normalised conductance,
       * dI/dV / VB peak (NaN-filled without a VB peak)].
       */
      columns: [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
      n: number;
      edges: BandEdges;
      inGapStates: InGapState[];
      vbPeak: number | null;
      traps: TrapWindows;
    };

/** Every ArrayBuffer under `value` (typed arrays in objects and arrays), each once. */
export function buffersOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) for (const item of value) buffersOf(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) buffersOf(item, found);
  return [...found];
}

/** This worker's held spectra and stage caches (reanalysis.ts). */
const held = createReanalysisState();

export const analysisWorkerApi = {
  /**
   * splitPipeline step 1 for a pool whose caller is a UI thread: series detection over 10⁴
   * spectra was a 60–110 ms task of Chromium's page thread (run once per new dataset, so never
   * warm). `spots`: each spectrum's series fields, in input order (planColumns.ts).
   */
  planChunks<Id extends SpectrumId>(
    spots: SpotColumns<Id>,
    overrides: RecipeOverrides,
    chunkSize: number,
  ): PlanColumns[] {
    const plans = planChunks(decodeSpots(spots), resolveRecipe(overrides), chunkSize);
    const encoded = encodePlans(plans, spots.ids);
    return transfer(encoded, encoded.flatMap(planBuffers));
  },

  /**
   * Per-spectrum stages of one chunk of a dataset this worker holds (splitPipeline step 2),
   * reusing every stage whose recipe key is unchanged since the last call. `packed` and `plan`
   * load the chunk (first call, or a new dataset); the plan's series refer to the packed spectra
   * by position (encodeChunkPlan: a chunk's ~600 series objects cost ~2 ms to clone each way).
   * Kept curves come back (copied: the worker keeps its own) only when `withKept`.
   */
  analyseChunk<Id extends SpectrumId>(
    datasetId: number,
    chunk: number,
    overrides: RecipeOverrides,
    withKept: boolean,
    load?: { packed: PackedSpectra<Id>; plan: PlanColumns },
  ): EncodedChunkResult<Id> {
    const result = analyseHeldChunk(
      held,
      datasetId,
      chunk,
      overrides,
      withKept,
      load && {
        spectra: unpackSpectra(load.packed),
        plan: decodeChunkPlan(load.plan, load.packed.ids),
        buffer: load.packed.data.buffer as ArrayBuffer,
      },
    );
    const encoded = encodeChunk(result, takeReleased(held));
    return transfer(encoded, chunkBuffers(encoded));
  },

  /**
   * Drops the held dataset before the pool packs a new one, handing back its chunks' buffers to be
   * packed into (its curves' memory stays here for the new chunks' arenas). Fresh pages
   * cost ~16 µs each to touch on the build VM; handed back only with a new dataset's first
   * results, the buffers came too late for the chunks packed before them.
   */
  dropDataset(): ArrayBuffer[] {
    dropDataset(held);
    const released = takeReleased(held);
    return transfer(released, released);
  },

  /** analyseChunk on several held chunks in one call (re-analysis: one round trip per worker). */
  analyseChunks<Id extends SpectrumId>(
    datasetId: number,
    chunks: number[],
    overrides: RecipeOverrides,
    withKept: boolean,
  ): Array<EncodedChunkResult<Id>> {
    const results = chunks.map((c) =>
      encodeChunk(analyseHeldChunk<Id>(held, datasetId, c, overrides, withKept), takeReleased(held)),
    );
    return transfer(results, results.flatMap(chunkBuffers));
  },

  /**
   * The trap integrals of held chunks, for a run that differs from their last in the trap windows
   * alone (retrapHeldChunk; trapsOnlyRun.ts): three numbers per spectrum, each chunk in its order.
   */
  retrapChunks(datasetId: number, chunks: number[], overrides: RecipeOverrides): TrapColumns[] {
    const traps = chunks.map((c) => retrapHeldChunk(held, datasetId, c, overrides));
    return transfer(traps, traps.flatMap(trapBuffers));
  },

  /**
   * splitPipeline step 3's per-spectrum part for a pool whose caller is a UI thread: the chunks'
   * results merged into input order with the exclusions applied, and the group stage's inputs,
   * in columns (mergedColumns.ts).
   */
  mergeChunkColumns<Id extends SpectrumId>(
    chunks: Array<ChunkColumns<Id>>,
    total: number,
    overrides: RecipeOverrides,
  ): MergedColumns<Id> {
    const merged = mergeChunkColumns(chunks, total, overrides);
    return transfer(merged, mergedBuffers(merged));
  },

  /**
   * Holds kept curves (packs of a chunk's labels whose group stage this worker runs) for the
   * pool's kept generation `generation`, until a new generation replaces them (reanalysis.ts).
   */
  holdKept(datasetId: number, generation: number, packs: KeptPack[]): void {
    holdKept(held, datasetId, generation, packs);
  },

  /**
   * The group stage's part for `labels` (aggregateGroupPart: groups and deep-trap samples) on
   * merged per-spectrum results, as objects or in columns (encodeGroupInputs: what the pool
   * sends), with the kept curves held for `generation` (holdKept), drawing the bootstrap
   * resamples of `shares` (shareBootstrap; all of its labels' without). The pool splits the
   * labels across its workers, joins the resamples (joinMeans) and the parts with compareGroups.
   */
  aggregate<Id extends SpectrumId>(
    datasetId: number,
    results: Array<GroupInput<Id>> | GroupInputColumns,
    generation: number,
    overrides: RecipeOverrides,
    labels: string[],
    shares?: BootstrapShare[],
  ): { groups: GroupResult[]; samples: GroupDeepSample[]; draws: DrawnMeans[] } {
    const inputs = Array.isArray(results) ? results : decodeGroupInputs(results);
    // Not transferred: the averages' arrays stay held for the next run; cloning them is cheap
    // (a few curves of a few hundred points).
    return aggregateHeld(held, datasetId, inputs, generation, overrides, labels, shares);
  },

  /** The whole pipeline in this worker (small sets, where splitting costs more than it saves). */
  runPipeline<Id extends SpectrumId>(
    packed: PackedSpectra<Id>,
    overrides: RecipeOverrides,
  ): PipelineResult<Id> {
    const result = runPipeline(unpackSpectra(packed), overrides);
    return transfer(result, buffersOf(result.groups));
  },

  /**
   * Tidy each raw sweep (V, A; any order), average them on their common grid and differentiate
   * the average, as a group average does; columns for uPlot.
   */
  averageAndDifferentiate(members: MemberSweeps[], overrides: RecipeOverrides = {}): AveragedColumns {
    const recipe = resolveRecipe(overrides);
    const prepared: Curve[] = [];
    for (const c of members) {
      const p = prepareCurve(c, c.backward ?? null, recipe);
      if (!p.ok) return { ok: false, reason: p.reason };
      prepared.push({ bias: p.bias, current: p.current });
    }
    if (prepared.length === 0) return { ok: false, reason: 'no curves to average' };
    const a = groupAverage(prepared, recipe);
    if (!a.ok) return a;
    const byPeak = a.didvByVbPeak ?? new Float64Array(a.bias.length).fill(Number.NaN);
    const columns: [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array] = [
      a.bias.slice(),
      a.current.slice(),
      a.currentStd.slice(),
      a.didv.slice(),
      a.normalisedConductance.slice(),
      byPeak.slice(),
    ];
    const out: AveragedColumns = {
      ok: true,
      columns,
      n: a.n,
      edges: a.edges,
      inGapStates: a.inGapStates,
      vbPeak: a.vbPeak,
      traps: a.traps,
    };
    return transfer(out, buffersOf(columns));
  },

  /** A group's averaged spectrum and its members' spread in one call (groupSpectra.ts). */
  groupSpectra(packed: PackedCurves[], overrides: RecipeOverrides = {}): GroupSpectraResult {
    const result = groupSpectraOf(packed.flatMap(unpackCurves), overrides);
    return result.ok ? transfer(result, buffersOf(result)) : result;
  },
};

export type AnalysisWorkerApi = typeof analysisWorkerApi;
