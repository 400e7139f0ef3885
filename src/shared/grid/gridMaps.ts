// Analysis maps of a decoded grid: every pixel measured on its own (no averaging across pixels),
// forward sweep of one channel, bias ascending. Maps are width × height in the file's pixel
// order (index = row × width + column); NaN marks "no value" (no edge, or a pixel never written).
// A pixel range [from, to) lets workers share the grid.
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import type { AnalysedChannel } from './gridChannel.ts';
import { chooseChannel, notBiasGrid } from './gridChannel.ts';
import { ParseError } from '../formats/types.ts';
import { pixelMeasures, type PixelSignal } from './pixelMeasures.ts';
import { extractBlock, type SweepBlock } from './sweepSet.ts';

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
