// The Grid view's pool on real worker threads gives the single-thread numbers: the dI/dV map at
// several biases and windows equal to didvSlice() bit for bit, the mean spectrum to meanSpectrum()
// within rounding; partly written grids, blocks smaller than a worker's share, a second grid
// loaded over the first, a grid whose pixels' sweeps differ (no mean).
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube, gridParameterIndex } from '../shared/formats/nanonis3dsCube.ts';
import { didvSlice } from '../shared/grid/didvSlice.ts';
import { chooseChannel } from '../shared/grid/gridChannel.ts';
import { meanSpectrum } from '../shared/grid/meanSpectrum.ts';
import { createNodeGridViewPool } from '../testing/nodeGridViewPool.ts';

const pool = createNodeGridViewPool(2);
afterAll(() => pool.terminate());

const same = (a: Float64Array, b: Float64Array): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]) || a[i] === b[i]).toBe(true);
};

describe('grid view pool', () => {
  for (const seed of [4, 9]) {
    it(`gives the single-thread dI/dV maps and mean (seed ${seed}, partly written)`, async () => {
      const grid = syntheticGrid({ seed, width: 9, height: 8, points: 121, written: 61 });
      const cube = decodeNanonis3dsCube(grid.bytes, 'view.3ds');
      const channel = chooseChannel(cube);
      await pool.load(cube, channel);
      for (const [centre, halfWidth] of [
        [-1.12, 0],
        [0.5, 0.02],
        [1.9, 0.1],
      ] as const) {
        const expected = didvSlice(cube, channel, resolveRecipe(), centre, halfWidth);
        same(await pool.didvSlice({}, centre, halfWidth), expected);
        expect(expected.slice(0, 61).some(Number.isFinite)).toBe(true);
      }
      const overrides = { derivative: { window: 21 } };
      same(
        await pool.didvSlice(overrides, 0.3, 0.05),
        didvSlice(cube, channel, resolveRecipe(overrides), 0.3, 0.05),
      );
      const mean = (await pool.meanSpectrum({}))!;
      const reference = meanSpectrum(cube, channel, resolveRecipe())!;
      expect(mean.pixels).toBe(61);
      expect(Array.from(mean.spectrum.bias)).toEqual(Array.from(reference.spectrum.bias));
      const scale = Math.max(...Array.from(reference.spectrum.didv, Math.abs));
      reference.spectrum.didv.forEach((v, i) =>
        expect(Math.abs(mean.spectrum.didv[i]! - v)).toBeLessThan(1e-12 * scale),
      );
    });
  }

  it('splits a grid into many blocks across the workers', async () => {
    // 2,048 points a sweep: 512 pixels a block, so 40 × 40 pixels go in four blocks.
    const grid = syntheticGrid({ seed: 5, width: 40, height: 40, points: 2048 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'big.3ds');
    const channel = chooseChannel(cube);
    await pool.load(cube, channel);
    same(await pool.didvSlice({}, 0.8, 0.01), didvSlice(cube, channel, resolveRecipe(), 0.8, 0.01));
  });

  it('has no mean when the pixels were swept over different biases', async () => {
    const grid = syntheticGrid({ seed: 7, width: 4, height: 4, points: 51 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'ranges.3ds');
    const start = gridParameterIndex(cube, 'Sweep Start');
    expect(start).toBeGreaterThanOrEqual(0);
    cube.data[9 * cube.pixelFloats + start] = cube.data[start]! - 0.5; // pixel 9 starts 0.5 V lower
    const channel = chooseChannel(cube);
    expect(meanSpectrum(cube, channel, resolveRecipe())).toBeNull();
    await pool.load(cube, channel);
    expect(await pool.meanSpectrum({})).toBeNull();
  });

  it('has no mean and an all-NaN map before any pixel is written', async () => {
    const grid = syntheticGrid({ seed: 2, width: 3, height: 3, points: 51, written: 0 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'empty.3ds');
    await pool.load(cube, chooseChannel(cube));
    expect(await pool.meanSpectrum({})).toBeNull();
    const map = await pool.didvSlice({}, 0, 0.01);
    expect(map).toHaveLength(9);
    expect(Array.from(map).every(Number.isNaN)).toBe(true);
  });
});
