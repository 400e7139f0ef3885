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
  const range = sweepRange(cube);
  for (let k = 0; k < count; k++) {
    const offset = channelOffset(cube, from + k, channel.index);
    values.set(cube.data.subarray(offset, offset + points), k * points);
    [starts[k], ends[k]] = range(from + k);
  }
  return { from, count, points, signal: channel.signal, values, starts, ends };
}

/** Maps of one block: NaN = no value; flags as PIXEL_FLAGS. */
export interface BlockMaps {
  from: number;
  maps: Record<MapName, Float64Array>;
  flags: Uint8Array;
}

/** Measures every sweep of a block on this thread. `recipe.direction` is forced forward. */
export function measureBlock(block: SweepBlock, recipe: AnalysisRecipe): BlockMaps {
  const forward: AnalysisRecipe =
    recipe.direction === 'forward' ? recipe : { ...recipe, direction: 'forward' };
  const { count, points } = block;
  const out: BlockMaps = {
    from: block.from,
    maps: {
      vbm: new Float64Array(count),
      cbm: new Float64Array(count),
      gap: new Float64Array(count),
      deepTrap: new Float64Array(count),
      inGap: new Float64Array(count),
    },
    flags: new Uint8Array(count),
  };
  const bias = new Float64Array(points);
  for (let k = 0; k < count; k++) {
    const start = block.starts[k]!;
    const end = block.ends[k]!;
    const step = points > 1 ? (end - start) / (points - 1) : 0;
    for (let i = 0; i < points; i++) bias[i] = i === points - 1 ? end : start + step * i;
    const m = pixelMeasures(bias, block.values.subarray(k * points, (k + 1) * points), block.signal, forward);
    out.maps.vbm[k] = m.vbm;
    out.maps.cbm[k] = m.cbm;
    out.maps.gap[k] = m.gap;
    out.maps.deepTrap[k] = m.deepTrap;
    out.maps.inGap[k] = m.inGap;
    out.flags[k] = m.flags;
  }
  return out;
}

/** Copies a block's maps into the grid's maps at the block's pixels. */
export function placeBlock(out: GridMaps, block: BlockMaps): void {
  for (const name of MAP_NAMES) out.maps[name].set(block.maps[name], block.from);
  out.flags.set(block.flags, block.from);
}

/** All maps of a grid on this thread. */
export function gridMaps(cube: GridCube, recipe: AnalysisRecipe, channelName?: string): GridMaps {
  const reason = notBiasGrid(cube);
  if (reason !== null) throw new ParseError('not-bias-grid', reason);
  const channel = chooseChannel(cube, channelName);
  const out = emptyGridMaps(cube, channel);
  placeBlock(out, measureBlock(extractBlock(cube, channel, 0, cube.written), recipe));
  return out;
}
