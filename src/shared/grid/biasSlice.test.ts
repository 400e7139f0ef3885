import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { channelOffset, decodeNanonis3dsCube } from '../formats/nanonis3dsCube.ts';
import { biasSlice, biasSliceFromFile, biasSliceRows } from './biasSlice.ts';

describe('biasSlice', () => {
  // 41 points from +2 to −2 V: step −0.1 V, point i at 2 − 0.1 i.
  const grid = syntheticGrid({ seed: 2, width: 5, height: 4, points: 41, written: 17 });
  const cube = decodeNanonis3dsCube(grid.bytes, 'slice.3ds');
  const value = (pixel: number, channel: number, i: number): number =>
    cube.data[channelOffset(cube, pixel, channel) + i]!;

  it('one point at the bias, the window mean around it, NaN where never written', () => {
    const single = biasSlice(cube, 0, -1.0);
    expect(single[3]).toBe(value(3, 0, 30));
    const window = biasSlice(cube, 1, 0.5, 0.15);
    // 0.65 … 0.35 V → points 14, 15, 16 (0.6, 0.5, 0.4 V).
    expect(window[6]).toBeCloseTo((value(6, 1, 14) + value(6, 1, 15) + value(6, 1, 16)) / 3, 20);
    expect(single).toHaveLength(20);
    for (let pixel = 17; pixel < 20; pixel++) expect(single[pixel]).toBeNaN();
  });

  it('read straight from the bytes: the same map as from the decoded cube', () => {
    for (const [channel, centre, half] of [
      [0, -1.0, 0],
      [1, 0.5, 0.15],
      [0, 1.234, 0.3],
    ] as const) {
      expect(Array.from(biasSliceFromFile(grid.bytes, 'slice.3ds', channel, centre, half))).toEqual(
        Array.from(biasSlice(cube, channel, centre, half)),
      );
    }
  });

  it('computed a slice of pixels at a time (as the Grid view does between tasks): the same map', () => {
    for (const [channel, centre, half, perSlice] of [
      [0, -1.0, 0, 1],
      [1, 0.5, 0.15, 3],
      [0, 1.234, 0.3, 8],
    ] as const) {
      const rows = new Float64Array(20).fill(NaN);
      for (let from = 0; from < cube.written; from += perSlice)
        biasSliceRows(cube, channel, { centre, halfWidth: half }, rows, from, from + perSlice);
      expect(Array.from(rows)).toEqual(Array.from(biasSlice(cube, channel, centre, half)));
    }
  });

  it('a bias outside the sweep gives NaN', () => {
    expect(biasSlice(cube, 0, 2.5).every(Number.isNaN)).toBe(true);
  });
});
