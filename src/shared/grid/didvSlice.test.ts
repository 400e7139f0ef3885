import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../analysis/recipe.ts';
import { savgolFilter } from '../analysis/savgolFilter.ts';
import { channelOffset, decodeNanonis3dsCube } from '../formats/nanonis3dsCube.ts';
import { didvSlice } from './didvSlice.ts';
import { chooseChannel } from './gridChannel.ts';

describe('didvSlice', () => {
  it('is the Savitzky–Golay derivative of each pixel’s ascending current at the bias', () => {
    const grid = syntheticGrid({ seed: 6, width: 6, height: 5, points: 101, written: 27 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'didv.3ds');
    const map = didvSlice(cube, chooseChannel(cube), resolveRecipe(), -1.12, 0);
    // Sweep +2 → −2 V in 100 steps of 0.04 V: ascending point k at −2 + 0.04 k; −1.12 V is k = 22.
    const pixel = 13;
    const at = channelOffset(cube, pixel, 0);
    const ascending = Float64Array.from(cube.data.subarray(at, at + 101)).reverse();
    // The recipe's 15 points narrowed to 13 (at most derivative.maxSpan, 0.5 V, at 0.04 V a step).
    const didv = savgolFilter(ascending, { window: 13, polyorder: 3, deriv: 1, delta: 0.04 });
    expect(map[pixel]).toBeCloseTo(didv[22]!, 18);
    expect(map[pixel]! / Math.abs(didv[22]!)).toBeCloseTo(Math.sign(didv[22]!), 9);
    for (let p = 27; p < 30; p++) expect(map[p]).toBeNaN();
  });
});
