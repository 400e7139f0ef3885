// Spectra packed into one Float64Array for the trip to a worker: one copy, one transferred buffer,
// instead of structured-cloning thousands of small arrays (or, for views of one large buffer,
// that whole buffer per message).
import type { PipelineSpectrum } from '../shared/analysis/index.ts';

export type SpectrumId = number | string;

/** Everything of a PipelineSpectrum except its curves, plus where the curves sit in `data`. */
export interface PackedMeta<Id extends SpectrumId> {
  id: Id;
  label: string | null;
  fileName: string;
  time: number | null;
  x: number | null;
  y: number | null;
  sweep: number;
  gridIndex: number | null;
  /**
   * Forward bias at data[offset, offset + points), current at data[currentOffset, + points).
   * Spectra whose bias has the same values share one packed bias (sweeps with one setting).
   */
  offset: number;
  currentOffset: number;
  points: number;
  /** Backward bias and current likewise, or −1 when there is none. */
  backwardOffset: number;
  backwardCurrentOffset: number;
  backwardPoints: number;
  /** Lock-in X at data[lockInOffset, + points), Y right after it when lockInY; −1 when none. */
  lockInOffset: number;
  lockInY: boolean;
}

export interface PackedSpectra<Id extends SpectrumId> {
  meta: Array<PackedMeta<Id>>;
  /** V and A, little-endian Float64. */
  data: Float64Array;
}

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
  spare: ArrayBuffer[] | undefined,
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
  let pick = -1;
  const buffers = spare ?? [];
  for (let i = 0; i < buffers.length; i++) {
    const b = buffers[i]!;
    if (b.byteLength >= bytes && (pick < 0 || b.byteLength < buffers[pick]!.byteLength)) pick = i;
  }
  const data = pick >= 0 ? new Float64Array(buffers.splice(pick, 1)[0]!, 0, total) : new Float64Array(total);
  const writer = new PackWriter(data);
  const meta = new Array<PackedMeta<Id>>(spectra.length);
  for (let i = 0; i < spectra.length; i++) {
    if (i > 0 && i % slice === 0) yield;
    const s = spectra[i]!;
    const offset = writer.putBias(s.bias);
    const currentOffset = writer.put(s.current);
    let backwardOffset = -1;
    let backwardCurrentOffset = -1;
    if (s.backward) {
      backwardOffset = writer.putBias(s.backward.bias);
      backwardCurrentOffset = writer.put(s.backward.current);
    }
    let lockInOffset = -1;
    if (s.lockIn) {
      lockInOffset = writer.at;
      writer.put(s.lockIn.x);
      if (s.lockIn.y) writer.put(s.lockIn.y);
    }
    meta[i] = {
      id: s.id,
      label: s.label,
      fileName: s.fileName,
      time: s.time,
      x: s.x,
      y: s.y,
      sweep: s.sweep,
      gridIndex: s.gridIndex ?? null,
      offset,
      currentOffset,
      points: s.bias.length,
      backwardOffset,
      backwardCurrentOffset,
      backwardPoints: s.backward ? s.backward.bias.length : 0,
      lockInOffset,
      lockInY: Boolean(s.lockIn?.y),
    };
  }
  // The unwritten tail is never touched, so it takes no memory pages.
  return { meta, data };
}

export function packSpectra<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  /**
   * Buffers to pack into instead of a new one (the smallest that is large enough is taken out of
   * the list): pages already written to are cheap to write again, fresh ones are not.
   */
  spare?: ArrayBuffer[],
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
  spare: ArrayBuffer[] | undefined,
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

function unpackOne<Id extends SpectrumId>(data: Float64Array, m: PackedMeta<Id>): PipelineSpectrum<Id> {
  const {
    offset,
    currentOffset,
    points,
    backwardOffset,
    backwardCurrentOffset,
    backwardPoints,
    lockInOffset,
    lockInY,
    ...rest
  } = m;
  return {
    ...rest,
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
            y: lockInY ? data.subarray(lockInOffset + points, lockInOffset + 2 * points) : null,
          },
  };
}

/** Views into `data`, no copies. */
export function unpackSpectra<Id extends SpectrumId>(packed: PackedSpectra<Id>): Array<PipelineSpectrum<Id>> {
  const spectra: Array<PipelineSpectrum<Id>> = new Array(packed.meta.length);
  for (let i = 0; i < packed.meta.length; i++) spectra[i] = unpackOne(packed.data, packed.meta[i]!);
  return spectra;
}
