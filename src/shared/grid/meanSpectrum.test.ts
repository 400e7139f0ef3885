// The grid's mean spectrum equals the mean of its written pixels' spectra (the derivative is
// linear), on synthetic grids of several seeds, partly written.
import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../formats/nanonis3dsCube.ts';
import { chooseChannel } from './gridChannel.ts';
import { meanSpectrum } from './meanSpectrum.ts';
import { pixelSpectrum } from './pixelSpectrum.ts';

describe('meanSpectrum', () => {
  for (const seed of [3, 6, 11]) {
    it(`is the mean of the written pixels' dI/dV (seed ${seed})`, () => {
      const grid = syntheticGrid({ seed, width: 6, height: 5, points: 101, written: 23 });
      const cube = decodeNanonis3dsCube(grid.bytes, 'mean.3ds');
      const channel = chooseChannel(cube);
      const recipe = resolveRecipe();
      const mean = meanSpectrum(cube, channel, recipe);
      expect(mean?.pixels).toBe(23);
      const each = Array.from({ length: 23 }, (_, p) => pixelSpectrum(cube, p, channel, recipe)!);
      const scale = Math.max(...each.flatMap((s) => Array.from(s.didv, Math.abs)));
      mean!.spectrum.didv.forEach((v, i) => {
        const expected = each.reduce((sum, s) => sum + s.didv[i]!, 0) / each.length;
        expect(Math.abs(v - expected)).toBeLessThan(1e-12 * scale);
      });
      expect(Array.from(mean!.spectrum.bias)).toEqual(Array.from(each[0]!.bias));
    });
  }

  it('has no mean before any pixel is written', () => {
    const grid = syntheticGrid({ seed: 2, width: 3, height: 3, points: 51, written: 0 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'empty.3ds');
    expect(meanSpectrum(cube, chooseChannel(cube), resolveRecipe())).toBeNull();
  });
});
