// One channel's sweeps, pixel by pixel, wherever they are held: in the decoded cube (the UI
// thread, the CLI) or in a block copied out of it for a worker (SweepBlock, below). The
// per-pixel views (didvSlice.ts, pixelSpectrum.ts's mean) read through this, so the thread that
// runs them does not change their numbers.
import { channelOffset, type GridCube } from '../formats/nanonis3dsCube.ts';
import { sweepRange, type AnalysedChannel } from './gridChannel.ts';
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

/**
 * The sweeps of written pixels [from, to) of one channel, copied out of the cube: what a worker
 * needs and nothing more (values: count × points, file order; sweep start/end per pixel, V).
 */
export interface SweepBlock {
  from: number;
  count: number;
  points: number;
  signal: PixelSignal;
  values: Float32Array;
  starts: Float64Array;
  ends: Float64Array;
}

export function extractBlock(cube: GridCube, channel: AnalysedChannel, from: number, to: number): SweepBlock {
  const last = Math.min(to, cube.written);
  const count = Math.max(0, last - from);
  const points = cube.layout.points;
  const values = new Float32Array(count * points);
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const sweeps = cubeSweeps(cube, channel);
  for (let k = 0; k < count; k++) {
    values.set(sweeps.sweep(from + k), k * points);
    [starts[k], ends[k]] = sweeps.range(from + k);
  }
  return { from, count, points, signal: channel.signal, values, starts, ends };
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
