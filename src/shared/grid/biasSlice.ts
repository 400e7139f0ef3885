// A map of one channel at a bias: per pixel, the mean of the channel's points whose bias lies in
// [centre − halfWidth, centre + halfWidth] (at least the one nearest point), in the channel's unit.
// Pixels never written, or whose sweep does not reach the bias, are NaN.
import { channelOffset, readGridHead, type GridCube, type GridFileHead } from '../formats/nanonis3dsCube.ts';
import { sweepRange } from './gridChannel.ts';

/** Where one pixel's points of one channel are, and how to read point i. */
interface SliceSource {
  pixels: number;
  points: number;
  size: number;
  range(pixel: number): [number, number];
  value(pixel: number, i: number): number;
}

export function biasSlice(cube: GridCube, channel: number, centre: number, halfWidth = 0): Float64Array {
  const { pointsX, pointsY, points } = cube.layout;
  return sliceOf(
    {
      pixels: cube.written,
      points,
      size: pointsX * pointsY,
      range: sweepRange(cube),
      value: (pixel, i) => cube.data[channelOffset(cube, pixel, channel) + i]!,
    },
    centre,
    halfWidth,
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
  const view = { getFloat32: floatAt };
  const iStart = layout.parameters.indexOf('Sweep Start');
  const iEnd = layout.parameters.indexOf('Sweep End');
  const headerValue = (key: string): number => Number((head.header[key] ?? '').trim());
  const hStart = headerValue('Bias Spectroscopy>Sweep Start (V)');
  const hEnd = headerValue('Bias Spectroscopy>Sweep End (V)');
  const exact = (stored: number, decimal: number): number =>
    Number.isFinite(decimal) && Math.fround(decimal) === stored ? decimal : stored;
  const channelBase = layout.parameters.length * 4 + channel * layout.points * 4;
  return sliceOf(
    {
      pixels: head.present,
      points: layout.points,
      size: layout.pointsX * layout.pointsY,
      range: (pixel) => {
        const base = pixel * layout.pixelBytes;
        return [
          iStart < 0 ? hStart : exact(view.getFloat32(base + iStart * 4), hStart),
          iEnd < 0 ? hEnd : exact(view.getFloat32(base + iEnd * 4), hEnd),
        ];
      },
      value: (pixel, i) => view.getFloat32(pixel * layout.pixelBytes + channelBase + i * 4),
    },
    centre,
    halfWidth,
  );
}

function sliceOf(source: SliceSource, centre: number, halfWidth: number): Float64Array {
  const { points } = source;
  const out = new Float64Array(source.size).fill(NaN);
  for (let pixel = 0; pixel < source.pixels; pixel++) {
    const [start, end] = source.range(pixel);
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
    let sum = 0;
    let count = 0;
    for (let i = lo; i <= hi; i++) {
      const v = source.value(pixel, i);
      if (v === v) {
        sum += v;
        count++;
      }
    }
    out[pixel] = count > 0 ? sum / count : NaN;
  }
  return out;
}
