// What a Grid-view worker does: hold blocks of the shown grid's sweeps (one channel, copied out
// of the cube once per grid) and compute, on request, what the view draws from every pixel: a
// numerical dI/dV map at a bias (the Savitzky–Golay derivative of each pixel: 0.5–0.75 s for
// 256 × 256 × 256 on one thread) and the per-point sums of the mean spectrum. Plain functions, so
// a Web Worker (gridViewWorker.ts) and a Node worker thread (tests) expose the same object.
import { transfer } from 'comlink';
import { resolveRecipe, type RecipeOverrides } from '../shared/analysis/recipe.ts';
import { didvSliceOf } from '../shared/grid/didvSlice.ts';
import type { SweepBlock } from '../shared/grid/sweepSet.ts';
import { channelSums, type ChannelSums } from '../shared/grid/meanSpectrum.ts';
import { blockSweeps } from '../shared/grid/sweepSet.ts';

/** A block's values of a map: pixels from .. from + values.length − 1. */
export interface BlockValues {
  from: number;
  values: Float64Array;
}

/** The grid the held blocks belong to (the pool's load number) and the blocks, by first pixel. */
let heldLoad = -1;
const held = new Map<number, SweepBlock>();

function blocksOf(load: number): SweepBlock[] {
  if (load !== heldLoad) throw new Error(`grid view worker holds load ${heldLoad}, asked for ${load}`);
  return [...held.values()];
}

export const gridViewWorkerApi = {
  /** Drops what the worker held and starts holding the blocks of load `load`. */
  begin(load: number): void {
    held.clear();
    heldLoad = load;
  },
  hold(load: number, block: SweepBlock): void {
    blocksOf(load);
    held.set(block.from, block);
  },
  didvSlice(load: number, overrides: RecipeOverrides, centre: number, halfWidth: number): BlockValues[] {
    const recipe = resolveRecipe(overrides);
    const out = blocksOf(load).map((block) => ({
      from: block.from,
      values: didvSliceOf(blockSweeps(block), recipe, centre, halfWidth),
    }));
    return transfer(
      out,
      out.map((b) => b.values.buffer),
    );
  },
  /** Each held block's sums (null: its pixels' sweeps differ), with its first pixel. */
  channelSums(load: number): Array<{ from: number; sums: ChannelSums | null }> {
    return blocksOf(load).map((block) => ({ from: block.from, sums: channelSums(blockSweeps(block)) }));
  },
};

export type GridViewWorkerApi = typeof gridViewWorkerApi;
