// A map of one channel at a bias: per pixel, the mean of the channel's points whose bias lies in
// [centre − halfWidth, centre + halfWidth] (at least the one nearest point), in the channel's unit.
// Pixels never written, or whose sweep does not reach the bias, are NaN.
import { channelOffset, readGridHead, type GridCube, type GridFileHead } from '../formats/nanonis3dsCube.ts';
import { sweepEnds, sweepEndsReader, type SweepEndsReader } from './gridChannel.ts';

/** The bias window a map averages over: centre ± halfWidth, in the sweep's unit (V). */
export interface SliceWindow {
  centre: number;
  halfWidth: number;
}

/** Where one pixel's points of one channel are, and how to read point i. */
interface SliceSource {
  points: number;
  ends: SweepEndsReader;
  /** The mean of the pixel's non-NaN points lo … hi (NaN when all are NaN). */
  windowMean(pixel: number, lo: number, hi: number): number;
}

export function biasSlice(cube: GridCube, channel: number, centre: number, halfWidth = 0): Float64Array {
  const { pointsX, pointsY } = cube.layout;
  const out = new Float64Array(pointsX * pointsY).fill(NaN);
  biasSliceRows(cube, channel, { centre, halfWidth }, out, 0, cube.written);
  return out;
}

/**
 * Pixels [from, to) of biasSlice's map written into `out` (pointsX · pointsY values; the others
 * left as they are): a UI thread computes a map a slice of pixels per task (useChannelSlice.ts).
 */
export function biasSliceRows(
  cube: GridCube,
  channel: number,
  window: SliceWindow,
  out: Float64Array,
  from: number,
  to: number,
): void {
  sliceInto(
    {
      points: cube.layout.points,
      ends: sweepEnds(cube),
      windowMean: (pixel, lo, hi) => {
        const base = channelOffset(cube, pixel, channel);
        return meanOf(cube.data, base + lo, base + hi);
      },
    },
    window,
    out,
    from,
    Math.min(to, cube.written),
  );
}

/**
 * The same map straight from the file's bytes, before (or instead of) decoding the whole grid:
 * only the window's points are read, so a first map of a 270 MB grid costs milliseconds. A file
 * pre-allocated with zeros shows its unwritten pixels as 0 here until the decoded cube replaces it.
 */
export function biasSliceFromFile(
  bytes: Uint8Array,
  name: string,
  channel: number,
  centre: number,
  halfWidth = 0,
): Float64Array {
  const head = readGridHead(bytes, name);
  const view = new DataView(bytes.buffer, bytes.byteOffset + head.start);
  return biasSliceFromHead(head, (byte) => view.getFloat32(byte), channel, centre, halfWidth);
}

/**
 * The slice from a parsed head and a reader of the big-endian float32 at a byte offset from the
 * first pixel block (a view of the bytes, or positional reads of a file too large to hold).
 */
export function biasSliceFromHead(
  head: GridFileHead,
  floatAt: (byte: number) => number,
  channel: number,
  centre: number,
  halfWidth = 0,
): Float64Array {
  const { layout } = head;
  const channelBase = layout.parameters.length * 4 + channel * layout.points * 4;
  const out = new Float64Array(layout.pointsX * layout.pointsY).fill(NaN);
  sliceInto(
    {
      points: layout.points,
      ends: sweepEndsReader(head.header, layout.parameters, (pixel, index) =>
        floatAt(pixel * layout.pixelBytes + index * 4),
      ),
      windowMean: (pixel, lo, hi) => {
        const base = pixel * layout.pixelBytes + channelBase;
        let sum = 0;
        let count = 0;
        for (let i = lo; i <= hi; i++) {
          const v = floatAt(base + i * 4);
          if (v === v) {
            sum += v;
            count++;
          }
        }
        return count > 0 ? sum / count : NaN;
      },
    },
    { centre, halfWidth },
    out,
    0,
    head.present,
  );
  return out;
}

/** The mean of the non-NaN values[from … to] (inclusive); NaN when all are NaN. */
function meanOf(values: Float32Array, from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (let i = from; i <= to; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/** Writes pixels [from, to) of the map into `out`. */
function sliceInto(
  source: SliceSource,
  { centre, halfWidth }: SliceWindow,
  out: Float64Array,
  from: number,
  to: number,
): void {
  const { points } = source;
  const ends = new Float64Array(2);
  for (let pixel = from; pixel < to; pixel++) {
    source.ends(pixel, ends);
    const start = ends[0]!;
    const end = ends[1]!;
    const step = points > 1 ? (end - start) / (points - 1) : 0;
    if (!(step !== 0) || !Number.isFinite(step)) continue;
    // Point indices of the window's ends, in sweep order (the sweep may run + → −).
    const a = (centre - halfWidth - start) / step;
    const b = (centre + halfWidth - start) / step;
    let lo = Math.ceil(Math.min(a, b) - 1e-9);
    let hi = Math.floor(Math.max(a, b) + 1e-9);
    if (lo > hi) lo = hi = Math.round((centre - start) / step);
    lo = Math.max(0, lo);
    hi = Math.min(points - 1, hi);
    if (lo > hi) continue;
    out[pixel] = source.windowMean(pixel, lo, hi);
  }
}
