// Analysis maps of a decoded grid: every pixel measured on its own (no averaging across pixels),
// forward sweep of one channel, bias ascending. Maps are width × height in the file's pixel
// order (index = row × width + column); NaN marks "no value" (no edge, or a pixel never written).
// A pixel range [from, to) lets workers share the grid.
import { isLockInName } from '../formats/spectrumColumns.ts';
import { channelOffset, gridParameterIndex, type GridCube } from '../formats/nanonis3dsCube.ts';
import { ParseError } from '../formats/types.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import { pixelMeasures, type PixelSignal } from './pixelMeasures.ts';

export const MAP_NAMES = ['vbm', 'cbm', 'gap', 'deepTrap', 'inGap'] as const;
export type MapName = (typeof MAP_NAMES)[number];

export interface GridMaps {
  width: number;
  height: number;
  points: number;
  /** Pixels the file holds; the rest of every map is NaN. */
  written: number;
  /** Channel analysed, as in the header. */
  channel: string;
  signal: PixelSignal;
  maps: Record<MapName, Float64Array>;
  /** Bits of PIXEL_FLAGS; 0 for unwritten pixels (see `written`). */
  flags: Uint8Array;
}

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

/** Per-pixel sweep start/end (V): the pixel's parameters, else the header's. */
export function sweepRange(cube: GridCube): (pixel: number) => [number, number] {
  const iStart = gridParameterIndex(cube, 'Sweep Start');
  const iEnd = gridParameterIndex(cube, 'Sweep End');
  const hStart = headerNumber(cube.header, 'Bias Spectroscopy>Sweep Start (V)');
  const hEnd = headerNumber(cube.header, 'Bias Spectroscopy>Sweep End (V)');
  return (pixel) => {
    const base = pixel * cube.pixelFloats;
    const start = iStart < 0 ? hStart : exactIfSame(cube.data[base + iStart]!, hStart);
    const end = iEnd < 0 ? hEnd : exactIfSame(cube.data[base + iEnd]!, hEnd);
    return [start, end];
  };
}

export function emptyGridMaps(cube: GridCube, channel: AnalysedChannel): GridMaps {
  const size = cube.layout.pointsX * cube.layout.pointsY;
  const nan = (): Float64Array => new Float64Array(size).fill(NaN);
  return {
    width: cube.layout.pointsX,
    height: cube.layout.pointsY,
    points: cube.layout.points,
    written: cube.written,
    channel: channel.name,
    signal: channel.signal,
    maps: { vbm: nan(), cbm: nan(), gap: nan(), deepTrap: nan(), inGap: nan() },
    flags: new Uint8Array(size),
  };
}

/** Measures pixels [from, to) of the written ones into `out`. `recipe.direction` is forced forward. */
export function measurePixels(
  cube: GridCube,
  channel: AnalysedChannel,
  recipe: AnalysisRecipe,
  out: GridMaps,
  from = 0,
  to = cube.written,
): void {
  const forward: AnalysisRecipe =
    recipe.direction === 'forward' ? recipe : { ...recipe, direction: 'forward' };
  const points = cube.layout.points;
  const bias = new Float64Array(points);
  const range = sweepRange(cube);
  const last = Math.min(to, cube.written);
  for (let pixel = from; pixel < last; pixel++) {
    const [start, end] = range(pixel);
    const step = points > 1 ? (end - start) / (points - 1) : 0;
    for (let i = 0; i < points; i++) bias[i] = i === points - 1 ? end : start + step * i;
    const offset = channelOffset(cube, pixel, channel.index);
    const values = cube.data.subarray(offset, offset + points);
    const m = pixelMeasures(bias, values, channel.signal, forward);
    out.maps.vbm[pixel] = m.vbm;
    out.maps.cbm[pixel] = m.cbm;
    out.maps.gap[pixel] = m.gap;
    out.maps.deepTrap[pixel] = m.deepTrap;
    out.maps.inGap[pixel] = m.inGap;
    out.flags[pixel] = m.flags;
  }
}

/** All maps of a grid on this thread. */
export function gridMaps(cube: GridCube, recipe: AnalysisRecipe, channelName?: string): GridMaps {
  const reason = notBiasGrid(cube);
  if (reason !== null) throw new ParseError('not-bias-grid', reason);
  const channel = chooseChannel(cube, channelName);
  const out = emptyGridMaps(cube, channel);
  measurePixels(cube, channel, recipe, out);
  return out;
}
