// The Grid view's computations on real worker threads: the mean and the dI/dV map equal the
// single-thread functions; a drag of the slider while a map computes asks only for the newest
// bias after it (not each one passed); a grid loaded over another never shows the other's map.
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../../../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../../../shared/formats/nanonis3dsCube.ts';
import { didvSlice } from '../../../shared/grid/didvSlice.ts';
import { chooseChannel } from '../../../shared/grid/gridChannel.ts';
import { meanSpectrum } from '../../../shared/grid/meanSpectrum.ts';
import type { GridViewPool } from '../../../workers/gridViewPool.ts';
import { createNodeGridViewPool } from '../../../testing/nodeGridViewPool.ts';
import { GridViewComputations, type GridViewSnapshot } from './gridViewComputations.ts';

/** Bias centres asked of the pool, in order. */
let asked: number[] = [];
let made: GridViewComputations | null = null;

function computations(): GridViewComputations {
  made = new GridViewComputations((): GridViewPool => {
    const pool = createNodeGridViewPool(2);
    return {
      ...pool,
      didvSlice: (overrides, centre, halfWidth) => {
        asked.push(centre);
        return pool.didvSlice(overrides, centre, halfWidth);
      },
    };
  });
  return made;
}

/** Resolves with the first snapshot that passes `test`. */
function until(c: GridViewComputations, test: (s: GridViewSnapshot) => boolean): Promise<GridViewSnapshot> {
  return new Promise((resolve) => {
    if (test(c.snapshot())) return resolve(c.snapshot());
    const stop = c.subscribe(() => {
      if (!test(c.snapshot())) return;
      stop();
      resolve(c.snapshot());
    });
  });
}

function cubeOf(seed: number) {
  const cube = decodeNanonis3dsCube(
    syntheticGrid({ seed, width: 12, height: 10, points: 151 }).bytes,
    'g.3ds',
  );
  return { cube, channel: chooseChannel(cube) };
}

afterEach(() => {
  made?.dispose();
  asked = [];
});

describe('GridViewComputations', () => {
  it('computes the mean and the newest wanted map, skipping the biases passed meanwhile', async () => {
    const { cube, channel } = cubeOf(3);
    const c = computations();
    c.want({ centre: -1.0, halfWidth: 0.01 });
    c.setGrid(cube, channel);
    const first = await until(c, (s) => s.didv !== null && s.mean !== null);
    expect(first.didv!.centre).toBe(-1.0);
    const recipe = resolveRecipe();
    expect(Array.from(first.didv!.values)).toEqual(Array.from(didvSlice(cube, channel, recipe, -1.0, 0.01)));
    expect(first.mean!.pixels).toBe(120);
    expect(Array.from(first.mean!.spectrum.bias)).toEqual(
      Array.from(meanSpectrum(cube, channel, recipe)!.spectrum.bias),
    );
    // A drag: five biases while the first of them computes.
    for (const centre of [-0.5, -0.4, -0.3, -0.2, -0.1]) c.want({ centre, halfWidth: 0.01 });
    const last = await until(c, (s) => s.didv?.centre === -0.1);
    expect(asked).toEqual([-1.0, -0.5, -0.1]);
    expect(Array.from(last.didv!.values)).toEqual(Array.from(didvSlice(cube, channel, recipe, -0.1, 0.01)));
  });

  it('never shows a map of the grid it replaced', async () => {
    const a = cubeOf(4);
    const b = cubeOf(8);
    const c = computations();
    c.want({ centre: 0.4, halfWidth: 0 });
    c.setGrid(a.cube, a.channel);
    c.setGrid(b.cube, b.channel); // before a's map came back
    const shown = await until(c, (s) => s.didv !== null);
    expect(shown.didv!.cube).toBe(b.cube);
    expect(Array.from(shown.didv!.values)).toEqual(
      Array.from(didvSlice(b.cube, b.channel, resolveRecipe(), 0.4, 0)),
    );
    expect(shown.loaded).toBe(b.cube);
  });

  it('computes no map while none is wanted', async () => {
    const { cube, channel } = cubeOf(5);
    const c = computations();
    c.setGrid(cube, channel);
    await until(c, (s) => s.mean !== null);
    c.want(null);
    expect(asked).toEqual([]);
    expect(c.snapshot().didv).toBeNull();
  });
});
