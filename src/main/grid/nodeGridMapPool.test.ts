// The pool on real worker_threads gives the same maps as one thread, reports progress, cancels.
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../../shared/formats/nanonis3dsCube.ts';
import { gridMaps, MAP_NAMES } from '../../shared/grid/gridMaps.ts';
import { chooseChannel } from '../../shared/grid/gridChannel.ts';
import { fileURLToPath } from 'node:url';
import { createNodeGridMapPool, SOURCE_GRID_MAP_WORKER_URL } from './nodeGridMapPool.ts';

describe('grid-map worker pool', () => {
  const pool = createNodeGridMapPool(2);
  afterAll(() => pool.terminate());
  const grid = syntheticGrid({ seed: 9, width: 30, height: 20, points: 128, written: 555 });
  const cube = decodeNanonis3dsCube(grid.bytes, 'pool.3ds');
  const overrides = {
    edges: { method: 'first-peak' as const },
    traps: { deep: [-0.7, 0.9] as [number, number] },
  };

  it('equals the single-thread maps, with progress up to the written pixels', async () => {
    const progress: number[] = [];
    const maps = await pool.run(cube, chooseChannel(cube), overrides, {
      onProgress: ({ done, total }) => {
        expect(total).toBe(555);
        progress.push(done);
      },
    });
    const expected = gridMaps(cube, resolveRecipe(overrides));
    for (const name of MAP_NAMES)
      expect(Array.from(maps.maps[name])).toEqual(Array.from(expected.maps[name]));
    expect(Array.from(maps.flags)).toEqual(Array.from(expected.flags));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(555);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('cancel rejects with the abort reason, and the pool works again afterwards', async () => {
    const controller = new AbortController();
    const run = pool.run(cube, chooseChannel(cube), overrides, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 0) controller.abort(new Error('cancelled by the user'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the user');
    const again = await pool.run(cube, chooseChannel(cube), overrides);
    expect(Number.isFinite(again.maps.gap.find(Number.isFinite) ?? NaN)).toBe(true);
  });

  it('takes the worker as a plain path too (the Electron build passes one)', async () => {
    const byPath = createNodeGridMapPool(1, fileURLToPath(SOURCE_GRID_MAP_WORKER_URL));
    try {
      const maps = await byPath.run(cube, chooseChannel(cube), overrides);
      const expected = gridMaps(cube, resolveRecipe(overrides));
      expect(Array.from(maps.maps.gap)).toEqual(Array.from(expected.maps.gap));
    } finally {
      byPath.terminate();
    }
  });
});
