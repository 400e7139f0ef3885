// Spectra packed into one Float64Array for the trip to a worker: one copy, one transferred buffer,
// instead of structured-cloning thousands of small arrays (or, for views of one large buffer,
// that whole buffer per message).
import type { PipelineSpectrum } from '../shared/analysis/index.ts';
import type { SpareBuffers } from './spareBuffers.ts';

export type SpectrumId = number | string;

/**
 * Everything of the packed spectra except their curves, as columns: structured-cloning 10⁴
 * objects of 16 fields took ~7 ms on the sending thread and ~8 ms on the receiving one; these
 * few arrays take a fraction of that (the numbers' buffer is transferred).
 */
export interface PackedSpectra<Id extends SpectrumId> {
  ids: Id[];
  labels: Array<string | null>;
  fileNames: string[];
  /** SPOT_FIELDS numbers per spectrum, at the Spot indices; NaN stands for null. */
  numbers: Float64Array;
  /** The curves: V and A. */
  data: Float64Array;
}

/**
 * Where each of a spectrum's numbers sits in its SPOT_FIELDS. Bias at data[offset, offset +
 * points), current at data[currentOffset, + points); spectra whose bias has the same values
 * share one packed bias (sweeps with one setting). Backward bias and current likewise, offsets
 * −1 when there is none. Lock-in X at data[lockInOffset, + points), Y right after it when lockInY
 * is 1; lockInOffset −1 when there is none.
 */
const Spot = {
  time: 0,
  x: 1,
  y: 2,
  sweep: 3,
  gridIndex: 4,
  offset: 5,
  currentOffset: 6,
  points: 7,
  backwardOffset: 8,
  backwardCurrentOffset: 9,
  backwardPoints: 10,
  lockInOffset: 11,
  lockInY: 12,
} as const;
const SPOT_FIELDS = 13;

/** Whether data[offset, offset + values.length) holds exactly `values` (0 and −0 differ; NaN = NaN). */
function packedEquals(data: Float64Array, offset: number, values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const a = data[offset + i]!;
    const b = values[i]!;
    if (a === b ? a === 0 && 1 / a !== 1 / b : a === a || b === b) return false;
  }
  return true;
}

// A writer object and loops, not closures created per call: V8 holds a closure's optimised code
// only weakly, so per-call closures here were recompiled in every run (seriesStage.ts says more).

/** Appends arrays to `data`; a bias equal to the last one stored is not stored again. */
class PackWriter {
  at = 0;
  private lastBias = -1;
  private lastBiasLength = -1;
  readonly data: Float64Array;
  constructor(data: Float64Array) {
    this.data = data;
  }
  /** Offset of `values`, copied at the end. */
  put(values: ArrayLike<number>): number {
    this.data.set(values, this.at);
    this.at += values.length;
    return this.at - values.length;
  }
  /** Offset of `values`: the last bias stored when equal to it, else a new copy. */
  putBias(values: ArrayLike<number>): number {
    if (
      this.lastBias < 0 ||
      this.lastBiasLength !== values.length ||
      !packedEquals(this.data, this.lastBias, values)
    ) {
      this.lastBias = this.put(values);
      this.lastBiasLength = values.length;
    }
    return this.lastBias;
  }
}

/**
 * Packs `spectra`, pausing (yield) after every `slice` spectra so a caller on a UI thread can let
 * other tasks run in between (packSpectraInTasks); packSpectra runs it through at once.
 */
function* packing<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  spare: SpareBuffers | undefined,
  slice: number,
): Generator<void, PackedSpectra<Id>> {
  // An upper bound: biases equal to the one packed before them are not stored again (a fresh
  // page of memory costs more to touch than the comparison; a 10⁴-spectrum pack is 80 MB).
  let total = 0;
  for (const s of spectra)
    total +=
      2 * s.bias.length +
      (s.backward ? 2 * s.backward.bias.length : 0) +
      (s.lockIn ? s.lockIn.x.length * (s.lockIn.y ? 2 : 1) : 0);
  const bytes = total * Float64Array.BYTES_PER_ELEMENT;
  const buffer = spare?.take(bytes);
  const data = buffer ? new Float64Array(buffer, 0, total) : new Float64Array(total);
  const writer = new PackWriter(data);
  const ids: Id[] = new Array(spectra.length);
  const labels: Array<string | null> = new Array(spectra.length);
  const fileNames: string[] = new Array(spectra.length);
  const numbers = new Float64Array(SPOT_FIELDS * spectra.length);
  for (let i = 0; i < spectra.length; i++) {
    if (i > 0 && i % slice === 0) yield;
    const s = spectra[i]!;
    const at = SPOT_FIELDS * i;
    ids[i] = s.id;
    labels[i] = s.label;
    fileNames[i] = s.fileName;
    numbers[at + Spot.time] = s.time ?? Number.NaN;
    numbers[at + Spot.x] = s.x ?? Number.NaN;
    numbers[at + Spot.y] = s.y ?? Number.NaN;
    numbers[at + Spot.sweep] = s.sweep;
    numbers[at + Spot.gridIndex] = s.gridIndex ?? Number.NaN;
    numbers[at + Spot.offset] = writer.putBias(s.bias);
    numbers[at + Spot.currentOffset] = writer.put(s.current);
    numbers[at + Spot.points] = s.bias.length;
    numbers[at + Spot.backwardOffset] = s.backward ? writer.putBias(s.backward.bias) : -1;
    numbers[at + Spot.backwardCurrentOffset] = s.backward ? writer.put(s.backward.current) : -1;
    numbers[at + Spot.backwardPoints] = s.backward ? s.backward.bias.length : 0;
    numbers[at + Spot.lockInOffset] = s.lockIn ? writer.at : -1;
    numbers[at + Spot.lockInY] = s.lockIn?.y ? 1 : 0;
    if (s.lockIn) {
      writer.put(s.lockIn.x);
      if (s.lockIn.y) writer.put(s.lockIn.y);
    }
  }
  // The unwritten tail is never touched, so it takes no memory pages.
  return { ids, labels, fileNames, numbers, data };
}

export function packSpectra<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  /**
   * Memory to pack into instead of a new buffer (the smallest kept buffer that is large enough):
   * pages already written to are cheap to write again, fresh ones are not (spareBuffers.ts).
   */
  spare?: SpareBuffers,
): PackedSpectra<Id> {
  const steps = packing(spectra, spare, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * packSpectra in slices of `slice` spectra, awaiting `between()` after each (a new task on a UI
 * thread): the same result, without one long task for a large chunk.
 */
export async function packSpectraInTasks<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  spare: SpareBuffers | undefined,
  slice: number,
  between: () => Promise<void>,
): Promise<PackedSpectra<Id>> {
  const steps = packing(spectra, spare, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between();
  }
}

const orNull = (v: number): number | null => (v === v ? v : null);

function unpackOne<Id extends SpectrumId>(packed: PackedSpectra<Id>, i: number): PipelineSpectrum<Id> {
  const { data, numbers } = packed;
  const at = SPOT_FIELDS * i;
  const offset = numbers[at + Spot.offset]!;
  const currentOffset = numbers[at + Spot.currentOffset]!;
  const points = numbers[at + Spot.points]!;
  const backwardOffset = numbers[at + Spot.backwardOffset]!;
  const backwardCurrentOffset = numbers[at + Spot.backwardCurrentOffset]!;
  const backwardPoints = numbers[at + Spot.backwardPoints]!;
  const lockInOffset = numbers[at + Spot.lockInOffset]!;
  return {
    id: packed.ids[i]!,
    label: packed.labels[i]!,
    fileName: packed.fileNames[i]!,
    time: orNull(numbers[at + Spot.time]!),
    x: orNull(numbers[at + Spot.x]!),
    y: orNull(numbers[at + Spot.y]!),
    sweep: numbers[at + Spot.sweep]!,
    gridIndex: orNull(numbers[at + Spot.gridIndex]!),
    bias: data.subarray(offset, offset + points),
    current: data.subarray(currentOffset, currentOffset + points),
    backward:
      backwardOffset < 0
        ? null
        : {
            bias: data.subarray(backwardOffset, backwardOffset + backwardPoints),
            current: data.subarray(backwardCurrentOffset, backwardCurrentOffset + backwardPoints),
          },
    lockIn:
      lockInOffset < 0
        ? null
        : {
            x: data.subarray(lockInOffset, lockInOffset + points),
            y: numbers[at + Spot.lockInY]
              ? data.subarray(lockInOffset + points, lockInOffset + 2 * points)
              : null,
          },
  };
}

/** Views into `data`, no copies. */
export function unpackSpectra<Id extends SpectrumId>(packed: PackedSpectra<Id>): Array<PipelineSpectrum<Id>> {
  const spectra: Array<PipelineSpectrum<Id>> = new Array(packed.ids.length);
  for (let i = 0; i < packed.ids.length; i++) spectra[i] = unpackOne(packed, i);
  return spectra;
}
