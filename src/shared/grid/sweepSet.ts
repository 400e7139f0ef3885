// One channel's sweeps, pixel by pixel, wherever they are held: in the decoded cube (the UI
// thread, the CLI) or in a block copied out of it for a worker (gridMaps.ts's SweepBlock). The
// per-pixel views (didvSlice.ts, pixelSpectrum.ts's mean) read through this, so the thread that
// runs them does not change their numbers.
import { channelOffset, type GridCube } from '../formats/nanonis3dsCube.ts';
import { sweepRange, type AnalysedChannel, type SweepBlock } from './gridMaps.ts';
import type { PixelSignal } from './pixelMeasures.ts';

export interface SweepSet {
  /** Pixels held: sweep k is pixel `from + k` of the grid. */
  from: number;
  count: number;
  /** Points per sweep. */
  points: number;
  signal: PixelSignal;
  /** Sweep k's values (the channel's unit), in recorded order: a view, not a copy. */
  sweep(k: number): Float32Array;
  /** Sweep k's bias at its first and last point (V). */
  range(k: number): [number, number];
}

/** The written pixels of a cube, one channel. */
export function cubeSweeps(cube: GridCube, channel: AnalysedChannel): SweepSet {
  const points = cube.layout.points;
  const range = sweepRange(cube);
  return {
    from: 0,
    count: cube.written,
    points,
    signal: channel.signal,
    sweep: (k) => {
      const offset = channelOffset(cube, k, channel.index);
      return cube.data.subarray(offset, offset + points);
    },
    range,
  };
}

/** A block's pixels (extractBlock's copy). */
export function blockSweeps(block: SweepBlock): SweepSet {
  const { points, values, starts, ends } = block;
  return {
    from: block.from,
    count: block.count,
    points,
    signal: block.signal,
    sweep: (k) => values.subarray(k * points, (k + 1) * points),
    range: (k) => [starts[k]!, ends[k]!],
  };
}
