// A pool on a UI thread has its chunks planned in a worker (analysisWorkerApi.planChunks): the
// spectra's series fields go there and the plans come back as a few columns each, not as 10⁴
// small objects (structured-cloning those held Chromium's page thread ~55 ms each way).
import type { SeriesSpot } from '../shared/analysis/detectSeries.ts';
import type { SpectrumId } from './packSpectra.ts';
import type { ChunkPlan } from './splitPipeline.ts';

/** Every spectrum's series fields, in input order; NaN stands for null. */
export interface SpotColumns<Id extends SpectrumId> {
  ids: Id[];
  fileNames: string[];
  /** Per spot: time (ms), x, y (m), sweep, gridIndex. */
  numbers: Float64Array;
}

const FIELDS = 5;

export function encodeSpots<Id extends SpectrumId>(spots: ReadonlyArray<SeriesSpot<Id>>): SpotColumns<Id> {
  const numbers = new Float64Array(FIELDS * spots.length);
  const ids: Id[] = new Array(spots.length);
  const fileNames: string[] = new Array(spots.length);
  spots.forEach((s, i) => {
    ids[i] = s.id;
    fileNames[i] = s.fileName;
    numbers[FIELDS * i] = s.time ?? Number.NaN;
    numbers[FIELDS * i + 1] = s.x ?? Number.NaN;
    numbers[FIELDS * i + 2] = s.y ?? Number.NaN;
    numbers[FIELDS * i + 3] = s.sweep;
    numbers[FIELDS * i + 4] = s.gridIndex ?? Number.NaN;
  });
  return { ids, fileNames, numbers };
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export function decodeSpots<Id extends SpectrumId>(columns: SpotColumns<Id>): Array<SeriesSpot<Id>> {
  const { ids, fileNames, numbers } = columns;
  return ids.map((id, i) => ({
    id,
    fileName: fileNames[i]!,
    time: orNull(numbers[FIELDS * i]!),
    x: orNull(numbers[FIELDS * i + 1]!),
    y: orNull(numbers[FIELDS * i + 2]!),
    sweep: numbers[FIELDS * i + 3]!,
    gridIndex: orNull(numbers[FIELDS * i + 4]!),
  }));
}

/** A chunk plan with its series as input indices: `seriesSpots` in series order, cut at `seriesEnds`. */
export interface PlanColumns {
  indices: Int32Array;
  seriesSpots: Int32Array;
  seriesEnds: Int32Array;
  seriesOffset: number;
}

export function encodePlans<Id extends SpectrumId>(
  plans: ReadonlyArray<ChunkPlan<Id>>,
  ids: ReadonlyArray<Id>,
): PlanColumns[] {
  const indexOf = new Map<Id, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  return plans.map((plan) => {
    const seriesSpots = new Int32Array(plan.indices.length);
    const seriesEnds = new Int32Array(plan.series.length);
    let at = 0;
    plan.series.forEach((s, k) => {
      for (const id of s.spotIds) seriesSpots[at++] = indexOf.get(id)!;
      seriesEnds[k] = at;
    });
    return {
      indices: Int32Array.from(plan.indices),
      seriesSpots,
      seriesEnds,
      seriesOffset: plan.seriesOffset,
    };
  });
}

export function decodePlans<Id extends SpectrumId>(
  columns: ReadonlyArray<PlanColumns>,
  ids: ReadonlyArray<Id>,
): Array<ChunkPlan<Id>> {
  return columns.map(({ indices, seriesSpots, seriesEnds, seriesOffset }) => {
    let from = 0;
    const series = Array.from(seriesEnds, (end) => {
      const spotIds: Id[] = new Array(end - from);
      for (let k = from; k < end; k++) spotIds[k - from] = ids[seriesSpots[k]!]!;
      from = end;
      return { spotIds };
    });
    return { indices: Array.from(indices), series, seriesOffset };
  });
}

/**
 * One chunk's plan for the worker that analyses it: its series as positions among the chunk's
 * spectra (`memberIds`: their ids in the order they are packed, plan.indices' order), its
 * indices as they are. Typed arrays only, transferred: cloned as objects, a chunk's ~600 series
 * cost ~2 ms on each side.
 */
export function encodeChunkPlan<Id extends SpectrumId>(
  plan: ChunkPlan<Id>,
  memberIds: ReadonlyArray<Id>,
): PlanColumns {
  return encodePlans([plan], memberIds)[0]!;
}

/** encodeChunkPlan undone with the chunk's packed ids. */
export function decodeChunkPlan<Id extends SpectrumId>(
  columns: PlanColumns,
  memberIds: ReadonlyArray<Id>,
): ChunkPlan<Id> {
  return decodePlans([columns], memberIds)[0]!;
}

/** The buffers of plan columns, for a transfer list. */
export function planBuffers(columns: PlanColumns): ArrayBuffer[] {
  return [columns.indices, columns.seriesSpots, columns.seriesEnds].map((a) => a.buffer as ArrayBuffer);
}
