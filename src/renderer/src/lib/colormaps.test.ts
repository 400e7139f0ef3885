import { describe, expect, it } from 'vitest';
import { colormapTable, COLORMAP_NAMES, parseCssColour } from './colormaps.ts';

const rgbAt = (table: Uint8Array, i: number): number[] => Array.from(table.subarray(i * 3, i * 3 + 3));

describe('colormaps', () => {
  it('builds a 256-entry table for every map', () => {
    for (const name of COLORMAP_NAMES) expect(colormapTable(name)).toHaveLength(768);
  });

  it("matches matplotlib's viridis at its ends", () => {
    // matplotlib viridis(0) = (0.267004, 0.004874, 0.329415), viridis(1) = (0.993248, 0.906157, 0.143936)
    expect(rgbAt(colormapTable('viridis'), 0)).toEqual([68, 1, 84]);
    expect(rgbAt(colormapTable('viridis'), 255)).toEqual([253, 231, 37]);
  });

  it('runs gray from black to white and afmhot through its gnuplot ramps', () => {
    expect(rgbAt(colormapTable('gray'), 0)).toEqual([0, 0, 0]);
    expect(rgbAt(colormapTable('gray'), 255)).toEqual([255, 255, 255]);
    expect(rgbAt(colormapTable('gray'), 128)).toEqual([128, 128, 128]);
    expect(rgbAt(colormapTable('viridis'), 128)).toEqual([33, 145, 140]);
    expect(rgbAt(colormapTable('afmhot'), 0)).toEqual([0, 0, 0]);
    expect(rgbAt(colormapTable('afmhot'), 128)).toEqual([255, 129, 1]);
    expect(rgbAt(colormapTable('afmhot'), 255)).toEqual([255, 255, 255]);
  });

  it('parses both colour notations d3 returns', () => {
    expect(parseCssColour('#440154')).toEqual([68, 1, 84]);
    expect(parseCssColour('rgb(12, 34, 56)')).toEqual([12, 34, 56]);
    expect(() => parseCssColour('hsl(1, 2%, 3%)')).toThrow(/unexpected colour/);
  });
});
