// A pool of analysis workers for the renderer.
//
//   import { createAnalysisPool } from '../workers/analysisPool.ts';
//   const pool = createAnalysisPool();              // hardwareConcurrency − 1 workers (min 1)
//   const result = await pool.run(spectra, {        // spectra: PipelineSpectrum[] (e.g. from
//     recipe: { edges: { method: 'onset' } },       //   api.getSpectraSlab pages), any number
//     signal: controller.signal,                    // abort → rejects with the signal's reason
//     onProgress: ({ done, total }) => ...,         // spectra analysed so far, of total
//   });                                             // → PipelineResult, equal to runPipeline()
//   const avg = await pool.averageAndDifferentiate(curves, recipe, signal);
//   // avg.ok && avg.columns: [bias, current, currentStd, didv, normalised, didv/VB peak] for uPlot
//   pool.terminate();                               // when the view goes away
//
// run() cuts the spectra into chunks of whole series (splitPipeline.ts) shared out to the workers
// (chunkDispatch.ts), each packed in one transferred buffer; merges the results (mergeRun.ts);
// runs the group stage split by whole labels across the workers (poolDataset.ts), and the
// comparisons here. Labels are split before the chunks run, so each chunk's kept curves go on,
// packed per label (keptCurves.ts), to the worker that averages them as soon as the chunk is back.
// Per-spectrum results travel in columns (resultColumns.ts); on a UI thread (packSlice set) they
// stay so: runColumns() returns them (a view reads the numbers it needs), run() decodes them into
// objects 250 per task.
//
// Incremental re-analysis: the workers keep the spectra of the last run with each spectrum's
// stage cache (reanalysis.ts). A run on the same spectra (same ids and labels, the very same
// curve arrays: sameSpectra) with another recipe sends only the recipe; each chunk stays in the
// worker that holds it, and only the stages whose recipe key changed run (stageKeys.ts): a
// Savitzky–Golay window change recomputes the derivative onward. A change of the trap windows
// alone asks the workers for the integrals only (trapsOnlyRun.ts) and patches the last run's
// merged results; the group stage then redoes only each label's trap parts. Each worker keeps the
// kept curves of its group-stage labels and each such label's averaged I(V) and last result. The
// result equals runPipeline() (src/main/analysis/reanalysis.test.ts, trapsOnlyRun.test.ts). The
// buffers of a dropped dataset's chunks are packed into again (spareBuffers.ts: fresh pages are
// slow to touch).
// Runs are queued, one at a time. Aborting terminates the busy workers (and what they held); the
// pool starts fresh ones for the next call.
import { transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import { resolveRecipe } from '../shared/analysis/index.ts';
import type { PipelineResult, PipelineSpectrum, SpectrumResult } from '../shared/analysis/index.ts';
import { keptPackBuffers } from './keptCurves.ts';
import type { KeptPack } from './keptCurves.ts';
import { decodeResultsInTasks, encodeResults } from './resultColumns.ts';
import type { EncodedChunkResult, ResultColumns } from './resultColumns.ts';
import type { AnalysisWorkerApi, AveragedColumns } from './analysisApi.ts';
import { packCurves, packCurvesInBatches, packedCurveBuffers, unpackCurves } from './groupSpectra.ts';
import type { GroupSpectraResult } from './groupSpectra.ts';
import { packSpectra, packSpectraInTasks } from './packSpectra.ts';
import { SpareBuffers } from './spareBuffers.ts';
import { abortable as abortableWork, abortError } from './abortable.ts';
import type { SpectrumId } from './packSpectra.ts';
import { planChunks } from './splitPipeline.ts';
import { mergeHere, mergeInWorker } from './mergeRun.ts';
import type { MergedRun } from './mergeRun.ts';
import { trapsOnlyRun } from './trapsOnlyRun.ts';
import type { ChunkPlan } from './splitPipeline.ts';
import { decodePlans, encodeChunkPlan, encodeSpots, planBuffers } from './planColumns.ts';
import { stageKeys } from '../shared/analysis/stageKeys.ts';
import { groupLabels } from '../shared/analysis/aggregateGroups.ts';
import { groupStage } from './groupStage.ts';
import { labelCounts, sameSpectra, splitCountedLabels } from './poolDataset.ts';
import { nextMessageTask, nextTask } from './taskYield.ts';
import { createBrowserWorker, defaultSize } from './browserWorker.ts';
import { ChunkDispatch } from './chunkDispatch.ts';
import type {
  AnalysisPool,
  AnalysisPoolOptions,
  ColumnarPipelineResult,
  RunOptions,
  WorkerHandle,
} from './analysisPoolApi.ts';

export type { AnalysisPool, AnalysisPoolOptions, ColumnarPipelineResult, RunOptions, WorkerHandle };

/** Results decoded per task on a UI thread for run(): ~10 small objects each, 250 in a few ms. */
const DECODE_SLICE = 250;

/** A run's result with its per-spectrum results as objects or in columns (runAll). */
type RunOutcome<Id extends SpectrumId> = Omit<PipelineResult<Id>, 'spectra'> & {
  spectra: Array<SpectrumResult<Id>> | ResultColumns<Id>;
};

/** Sweeps per packed batch of groupSpectra (256 points: 2 MB; 512: 4 MB). */
const GROUP_PACK_BATCH = 500;

interface Slot {
  handle: WorkerHandle;
  api: Remote<AnalysisWorkerApi>;
}

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultSize()));
  const createWorker = options.createWorker ?? createBrowserWorker;
  /** packSlice is set by a caller on a UI thread: it also moves planning off it and splits the merge. */
  const onUiThread = options.packSlice !== undefined;
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
    dataset = null; // fresh workers hold nothing
    spare.clear();
  };

  /** Settles with `work`, or rejects as soon as the signal aborts (terminating the workers). */
  const abortable = <T>(work: Promise<T>, signal?: AbortSignal): Promise<T> =>
    abortableWork(work, signal, terminate);

  /** What the workers hold: the spectra (by reference), their chunk plans and the series key. */
  let dataset: {
    id: number;
    spectra: ReadonlyArray<PipelineSpectrum<SpectrumId>>;
    seriesKey: string;
    plans: Array<ChunkPlan<SpectrumId>>;
    /** The key of the kept curves the group stage holds; null until sent. */
    keptKey: string | null;
    /** The kept generation the workers hold those curves under (holdKept); 0 until sent. */
    keptGeneration: number;
    /** Labels whose group stage each worker runs (and whose kept curves it holds); null until sent. */
    groupLabels: string[][] | null;
    /** The spectra's labels, sorted (the groups), and their spectra: one pass over 10⁴ per dataset. */
    labels: string[];
    counts: Map<string, number>;
    /** The worker holding each chunk (its stage caches), −1 until one has analysed it. */
    owner: number[];
    /** The last run's merged per-spectrum part and its allButTraps key; null until one completes. */
    last: (MergedRun<SpectrumId> & { key: string }) | null;
  } | null = null;
  let nextDatasetId = 1;
  let nextKeptGeneration = 1;
  let nextGroupSlot = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** Memory handed back by the workers, packed into again (spareBuffers.ts): up to 256 MB. */
  const spare = new SpareBuffers(256 * 1024 * 1024);
  /** A chunk's results as they arrive (still in columns): its released buffers kept. */
  const received = <Id extends SpectrumId>(encoded: EncodedChunkResult<Id>): EncodedChunkResult<Id> => {
    spare.keep(encoded.released);
    return encoded;
  };

  /**
   * The run. Its per-spectrum results come as objects when merged on this thread (worker threads,
   * the CLI), in columns when merged in a worker (a UI thread: mergedColumns.ts); run() and
   * runColumns() turn them into what their caller asked for.
   */
  async function runAll<Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    opts: RunOptions,
  ): Promise<RunOutcome<Id>> {
    const overrides = opts.recipe ?? {};
    const recipe = resolveRecipe(overrides);
    const keys = stageKeys(recipe);
    const workers = ensureSlots();
    if (!dataset || dataset.seriesKey !== keys.series || !sameSpectra(dataset.spectra, spectra)) {
      // The workers drop what they hold and hand its buffers back, to pack the new chunks into.
      const dropped = dataset ? workers.map((slot) => Promise.resolve(slot.api.dropDataset())) : [];
      // About eight chunks per worker: the last chunks to finish set how long one worker waits
      // for the other before the group stage (four per worker: 1,250 spectra, ~50 ms each).
      const chunkSize =
        options.chunkSize ?? Math.min(2000, Math.max(128, Math.ceil(spectra.length / (8 * workers.length))));
      const plans = onUiThread
        ? decodePlans<Id>(
            await workers[0]!.api.planChunks(encodeSpots(spectra), overrides, chunkSize),
            spectra.map((s) => s.id),
          )
        : planChunks(spectra, recipe, chunkSize);
      dataset = {
        id: nextDatasetId++,
        spectra,
        seriesKey: keys.series,
        plans,
        keptKey: null,
        keptGeneration: 0,
        groupLabels: null,
        labels: [],
        counts: new Map(),
        owner: plans.map(() => -1),
        last: null,
      };
      dataset.labels = groupLabels(spectra);
      dataset.counts = labelCounts(spectra, dataset.labels);
      for (const released of await Promise.all(dropped)) spare.keep(released);
    }
    const held = dataset;
    const plans = held.plans as Array<ChunkPlan<Id>>;
    const keptKey = `${keys.prepare}|${recipe.averageSweeps}`;
    const withKept = held.keptKey !== keptKey;
    // Which worker runs which labels' group stage, and so holds their kept curves: decided now,
    // from the spectra's labels (the results carry the same), so the curves can go there while
    // other chunks still run. They stay in their worker until the kept curves change.
    if (withKept) held.keptGeneration = nextKeptGeneration++;
    if (withKept || !held.groupLabels)
      held.groupLabels = splitCountedLabels(held.counts, held.labels, workers.length);
    const labelsOf = held.groupLabels;
    const generation = held.keptGeneration;
    const ownerOf = new Map(labelsOf.flatMap((mine, w) => mine.map((label) => [label, w] as const)));
    // Kept curves on their way to the group workers: awaited with the group stage's answers (each
    // worker handles its messages in order: its holdKept calls run before its aggregate call).
    const forwarded: Array<Promise<void>> = [];
    const last = held.last;
    held.last = null; // until this run completes
    // Only the trap windows changed, and every chunk is held: the integrals are all that changes.
    const trapsOnly = last?.key === keys.allButTraps && held.owner.every((w) => w >= 0);
    /** Every chunk through its stages (those whose key changed) in the workers, then merged. */
    const analyseChunks = async (): Promise<MergedRun<Id>> => {
      const results: Array<EncodedChunkResult<Id>> = new Array(plans.length);
      let done = 0;
      opts.onProgress?.({ done, total: spectra.length });
      // A chunk stays in the worker that first analysed it, which keeps its stage caches between
      // runs. Held chunks go in one call per worker (a re-analysis is a round trip per worker, not
      // per chunk). Chunks not yet loaded go one call each (progress while a large set loads), each
      // to the worker ChunkDispatch picks, so that a worker always has its next chunk queued
      // (awaiting each answer before packing and sending the next left it idle for the pack, both
      // structured clones and the round trip).
      const pending: Array<Promise<void>> = [];
      // Awaited together below; handled at once too, so a worker failing while the next chunk is
      // being packed (a later task) is not reported as an unhandled rejection in between.
      const track = (work: Promise<void>, into = pending): void => {
        work.catch(() => undefined);
        into.push(work);
      };
      /** A chunk's kept curves (packed per label) to the workers that run their labels' group stage. */
      const forwardKept = (packs: ReadonlyArray<KeptPack>): void => {
        const byWorker = new Map<number, KeptPack[]>();
        for (const pack of packs) {
          const w = ownerOf.get(pack.label)!;
          const mine = byWorker.get(w);
          if (mine) mine.push(pack);
          else byWorker.set(w, [pack]);
        }
        for (const [w, mine] of byWorker)
          track(
            Promise.resolve(
              workers[w]!.api.holdKept(held.id, generation, transfer(mine, keptPackBuffers(mine))),
            ),
            forwarded,
          );
      };
      const dispatch = new ChunkDispatch(workers.length, held.owner);
      workers.forEach((slot, w) => {
        const heldHere: number[] = [];
        for (let c = 0; c < plans.length; c++) if (held.owner[c] === w) heldHere.push(c);
        if (heldHere.length === 0) return;
        dispatch.sent(w, false);
        track(
          Promise.resolve(slot.api.analyseChunks(held.id, heldHere, overrides, withKept)).then(
            (chunks) => {
              dispatch.settled(w);
              for (const chunk of chunks) forwardKept(chunk.kept);
              heldHere.forEach((c, k) => (results[c] = received(chunks[k]! as EncodedChunkResult<Id>)));
              done += heldHere.reduce((n, c) => n + plans[c]!.indices.length, 0);
              opts.onProgress?.({ done, total: spectra.length });
            },
            (error: unknown) => {
              dispatch.settled(w);
              throw error;
            },
          ),
        );
      });
      for (let c = 0; c < plans.length; c++) {
        if (opts.signal?.aborted) break;
        if (held.owner[c]! >= 0) continue;
        // On a UI thread (packSlice set) each chunk starts in a task of its own and is packed a
        // slice per task: a 10⁴-sweep dataset packed at once held Chromium's thread 110–190 ms a
        // chunk. The workers already have work meanwhile. Elsewhere (worker threads) all at once.
        // The first one too: the run's start (planning, splitting the labels) was a task already.
        if (onUiThread) await nextMessageTask();
        const plan = plans[c]!;
        const members = plan.indices.map((i) => spectra[i]!);
        const packed = options.packSlice
          ? await packSpectraInTasks(members, spare, options.packSlice, nextMessageTask)
          : packSpectra(members, spare);
        if (opts.signal?.aborted) break;
        const w = await dispatch.next();
        if (opts.signal?.aborted) break;
        const planned = encodeChunkPlan(plan, packed.ids);
        const load = transfer({ packed, plan: planned }, [packed.data.buffer, ...planBuffers(planned)]);
        dispatch.sent(w, true);
        track(
          Promise.resolve(workers[w]!.api.analyseChunk(held.id, c, overrides, withKept, load)).then(
            (chunk) => {
              dispatch.settled(w);
              forwardKept(chunk.kept);
              results[c] = received(chunk as EncodedChunkResult<Id>);
              held.owner[c] = w;
              done += plan.indices.length;
              opts.onProgress?.({ done, total: spectra.length });
            },
            (error: unknown) => {
              dispatch.settled(w);
              throw error;
            },
          ),
        );
      }
      await Promise.all(pending);
      if (opts.signal?.aborted) throw abortError(opts.signal);
      // Merged, exclusions applied, group inputs encoded: in worker 0 on a UI thread (mergeRun.ts).
      return onUiThread
        ? await mergeInWorker(workers[0]!.api, plans, results, spectra.length, overrides)
        : mergeHere(plans, results, spectra.length, recipe);
    };
    const merged = trapsOnly
      ? await trapsOnlyRun(
          workers.map((slot) => slot.api),
          held.id,
          plans,
          held.owner,
          spectra.length,
          overrides,
          last as unknown as MergedRun<Id>,
        )
      : await analyseChunks();
    if (trapsOnly) opts.onProgress?.({ done: spectra.length, total: spectra.length });
    if (opts.signal?.aborted) throw abortError(opts.signal);
    const { spectra: perSpectrum, inputs, series } = merged;
    // The group stage in the workers (groupStage.ts), once the kept curves forwarded above are there.
    const [{ groups, comparisons }] = await Promise.all([
      groupStage(
        workers.map((slot) => slot.api),
        { datasetId: held.id, inputs, generation, overrides, recipe, labelsOf, labels: held.labels },
        held.counts,
        spectra.length ? spectra[0]!.bias.length : 0,
      ),
      Promise.all(forwarded),
    ]);
    held.keptKey = keptKey;
    held.last = { ...(merged as MergedRun<SpectrumId>), key: keys.allButTraps };
    return { recipe, spectra: perSpectrum, groups, comparisons, series };
  }

  /** Runs one at a time: the workers' held dataset and caches belong to one sequence of runs. */
  const queued = <Id extends SpectrumId>(
    spectra: ReadonlyArray<PipelineSpectrum<Id>>,
    opts: RunOptions,
  ): Promise<RunOutcome<Id>> => {
    const started = queue.then(() => abortable(runAll(spectra, opts), opts.signal));
    queue = started.catch(() => undefined);
    return started;
  };

  return {
    size,
    run: async (spectra, opts = {}) => {
      const outcome = await queued(spectra, opts);
      if (Array.isArray(outcome.spectra)) return { ...outcome, spectra: outcome.spectra };
      // Columns merged in a worker (a UI thread): decoded a slice per task.
      return {
        ...outcome,
        spectra: await decodeResultsInTasks(outcome.spectra, DECODE_SLICE, nextMessageTask),
      };
    },
    runColumns: async (spectra, opts = {}) => {
      const outcome = await queued(spectra, opts);
      return Array.isArray(outcome.spectra)
        ? { ...outcome, spectra: encodeResults(outcome.spectra) }
        : { ...outcome, spectra: outcome.spectra };
    },
    averageAndDifferentiate: (members, recipe = {}, signal) => {
      // Packed into one own buffer, transferred: curves are often views into one large slab page,
      // and structured cloning a view copies its WHOLE buffer (8 MB a view: 37 s for 500 curves).
      const packed = packCurves(members);
      return abortable(
        Promise.resolve(
          ensureSlots()[0]!.api.averageAndDifferentiate(
            transfer(unpackCurves(packed), [packed.data.buffer]),
            recipe,
          ),
        ) as Promise<AveragedColumns>,
        signal,
      );
    },
    groupSpectra: (members, recipe = {}, signal) => {
      const workers = ensureSlots();
      const slot = workers[nextGroupSlot++ % workers.length]!;
      const work = (async () => {
        const batches = await packCurvesInBatches(members, GROUP_PACK_BATCH, nextTask);
        return (await slot.api.groupSpectra(
          transfer(batches, batches.flatMap(packedCurveBuffers)),
          recipe,
        )) as GroupSpectraResult;
      })();
      return abortable(work, signal);
    },
    terminate,
  };
}
