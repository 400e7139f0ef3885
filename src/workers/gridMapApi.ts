// What a grid-map worker does: measure one block of grid sweeps with a recipe. Plain functions,
// so Web Workers (gridMapWorker.ts) and Node worker_threads (src/main/grid) expose the same object.
import { transfer } from 'comlink';
import { resolveRecipe, type RecipeOverrides } from '../shared/analysis/recipe.ts';
import { MAP_NAMES, measureBlock, type BlockMaps } from '../shared/grid/gridMaps.ts';
import type { SweepBlock } from '../shared/grid/sweepSet.ts';

export const gridMapWorkerApi = {
  measureBlock(block: SweepBlock, overrides: RecipeOverrides): BlockMaps {
    const result = measureBlock(block, resolveRecipe(overrides));
    return transfer(result, [...MAP_NAMES.map((name) => result.maps[name].buffer), result.flags.buffer]);
  },
};

export type GridMapWorkerApi = typeof gridMapWorkerApi;
