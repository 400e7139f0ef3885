// The channel of a grid that is analysed or shown, and each pixel's sweep range: what the per-pixel
// maps (gridMaps.ts), the Grid view's slices and the sweep sets they read through (sweepSet.ts)
// share.
import { isLockInName } from '../formats/spectrumColumns.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import { ParseError } from '../formats/types.ts';
import type { PixelSignal } from './pixelMeasures.ts';

export interface AnalysedChannel {
  index: number;
  name: string;
  signal: PixelSignal;
}

/**
 * The channel to analyse: by full name (`Current (A)`) or quantity (`Current`), forward direction.
 * Default: the forward tunnelling current (`Current`, else the first non-lock-in channel in A).
 * A lock-in channel is taken as dI/dV; any other channel in A as a current.
 */
export function chooseChannel(cube: GridCube, requested?: string): AnalysedChannel {
  const forward = cube.channels.map((c, index) => ({ ...c, index })).filter((c) => c.direction === 'forward');
  let found;
  if (requested !== undefined) {
    const wanted = requested.trim();
    found = forward.find((c) => c.name === wanted) ?? forward.find((c) => c.quantity === wanted);
    if (!found) {
      const names = forward.map((c) => c.name).join(', ');
      throw new ParseError('no-channel', `no forward channel "${wanted}" (channels: ${names})`);
    }
  } else {
    const amps = forward.filter((c) => c.unit === 'A' && !isLockInName(c.quantity));
    found = amps.find((c) => c.quantity === 'Current') ?? amps[0];
    if (!found) throw new ParseError('no-current', 'no current channel (no forward channel in A)');
  }
  const signal: PixelSignal = isLockInName(found.quantity) ? 'didv' : 'current';
  return { index: found.index, name: found.name, signal };
}

/** Why the grid has no band edges to map (a Z or other sweep), or null for a bias grid. */
export function notBiasGrid(cube: GridCube): string | null {
  const sweep = cube.layout.sweepSignal;
  if (/bias/i.test(sweep) && /\(V\)\s*$/.test(sweep)) return null;
  return `sweep signal "${sweep}" is not the bias: no band edges to map`;
}

function headerNumber(header: Record<string, string>, key: string): number {
  const value = Number((header[key] ?? '').trim());
  return Number.isFinite(value) ? value : NaN;
}

/** float32 parameters read back as 0.20000000298; the header's decimal is used when it is the same float. */
function exactIfSame(stored: number, decimal: number): number {
  return Number.isFinite(decimal) && Math.fround(decimal) === stored ? decimal : stored;
}

/** Writes a pixel's sweep start and end (V) into out[0] and out[1]: no array per pixel. */
export type SweepEndsReader = (pixel: number, out: Float64Array) => void;

/**
 * Per-pixel sweep start/end (V): the pixel's `Sweep Start` / `Sweep End` parameters (`parameters`:
 * the layout's names; `parameterAt(pixel, index)` reads one), else the header's.
 */
export function sweepEndsReader(
  header: Record<string, string>,
  parameters: readonly string[],
  parameterAt: (pixel: number, index: number) => number,
): SweepEndsReader {
  const iStart = parameters.indexOf('Sweep Start');
  const iEnd = parameters.indexOf('Sweep End');
  const hStart = headerNumber(header, 'Bias Spectroscopy>Sweep Start (V)');
  const hEnd = headerNumber(header, 'Bias Spectroscopy>Sweep End (V)');
  return (pixel, out) => {
    out[0] = iStart < 0 ? hStart : exactIfSame(parameterAt(pixel, iStart), hStart);
    out[1] = iEnd < 0 ? hEnd : exactIfSame(parameterAt(pixel, iEnd), hEnd);
  };
}

/** sweepEndsReader of a decoded cube. */
export function sweepEnds(cube: GridCube): SweepEndsReader {
  const { data, pixelFloats } = cube;
  return sweepEndsReader(
    cube.header,
    cube.layout.parameters,
    (pixel, index) => data[pixel * pixelFloats + index]!,
  );
}

/** Per-pixel sweep start/end (V) as a pair (sweepEnds without the out-array). */
export function sweepRange(cube: GridCube): (pixel: number) => [number, number] {
  const ends = sweepEnds(cube);
  const out = new Float64Array(2);
  return (pixel) => {
    ends(pixel, out);
    return [out[0]!, out[1]!];
  };
}
