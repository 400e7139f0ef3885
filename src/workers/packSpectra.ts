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
  /** Forward bias at data[offset, offset + points), current right after it. */
  offset: number;
  points: number;
  /** Backward sweep likewise, or −1 when there is none. */
  backwardOffset: number;
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

export function packSpectra<Id extends SpectrumId>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
): PackedSpectra<Id> {
  let total = 0;
  for (const s of spectra)
    total +=
      2 * s.bias.length +
      (s.backward ? 2 * s.backward.bias.length : 0) +
      (s.lockIn ? s.lockIn.x.length * (s.lockIn.y ? 2 : 1) : 0);
  const data = new Float64Array(total);
  let at = 0;
  const put = (values: ArrayLike<number>): void => {
    data.set(values, at);
    at += values.length;
  };
  const meta = spectra.map((s): PackedMeta<Id> => {
    const offset = at;
    put(s.bias);
    put(s.current);
    let backwardOffset = -1;
    if (s.backward) {
      backwardOffset = at;
      put(s.backward.bias);
      put(s.backward.current);
    }
    let lockInOffset = -1;
    if (s.lockIn) {
      lockInOffset = at;
      put(s.lockIn.x);
      if (s.lockIn.y) put(s.lockIn.y);
    }
    return {
      id: s.id,
      label: s.label,
      fileName: s.fileName,
      time: s.time,
      x: s.x,
      y: s.y,
      sweep: s.sweep,
      gridIndex: s.gridIndex ?? null,
      offset,
      points: s.bias.length,
      backwardOffset,
      backwardPoints: s.backward ? s.backward.bias.length : 0,
      lockInOffset,
      lockInY: Boolean(s.lockIn?.y),
    };
  });
  return { meta, data };
}

/** Views into `data`, no copies. */
export function unpackSpectra<Id extends SpectrumId>(packed: PackedSpectra<Id>): Array<PipelineSpectrum<Id>> {
  const { data } = packed;
  return packed.meta.map((m) => {
    const { offset, points, backwardOffset, backwardPoints, lockInOffset, lockInY, ...rest } = m;
    return {
      ...rest,
      bias: data.subarray(offset, offset + points),
      current: data.subarray(offset + points, offset + 2 * points),
      backward:
        backwardOffset < 0
          ? null
          : {
              bias: data.subarray(backwardOffset, backwardOffset + backwardPoints),
              current: data.subarray(backwardOffset + backwardPoints, backwardOffset + 2 * backwardPoints),
            },
      lockIn:
        lockInOffset < 0
          ? null
          : {
              x: data.subarray(lockInOffset, lockInOffset + points),
              y: lockInY ? data.subarray(lockInOffset + points, lockInOffset + 2 * points) : null,
            },
    };
  });
}
