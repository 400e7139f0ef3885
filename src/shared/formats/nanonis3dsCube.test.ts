import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { realFile } from '../../testing/realData.ts';
import { gridPixelCentres } from '../grid/gridRegistration.ts';
import { parseNanonis3ds } from './nanonis3ds.ts';
import { channelOffset, decodeNanonis3dsCube, gridParameterIndex } from './nanonis3dsCube.ts';
import { ParseError } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('nanonis-3ds', name)));
}

describe('decodeNanonis3dsCube on the real grids', () => {
  it('Grid Spectroscopy002.3ds: one Float32Array, values as in the file', () => {
    const cube = decodeNanonis3dsCube(readReal('Grid Spectroscopy002.3ds'), 'Grid Spectroscopy002.3ds');
    expect(cube.written).toBe(400);
    expect(cube.pixelFloats).toBe(18 + 10 * 128);
    expect(cube.data).toBeInstanceOf(Float32Array);
    expect(cube.data.length).toBe(400 * cube.pixelFloats);
    const current = channelOffset(cube, 0, 0);
    // The reader's (DataView) values of the same file.
    expect(cube.data[current]).toBe(8.781005089719685e-11);
    expect(cube.data[current + 64]).toBe(2.9688567576569014e-11);
    expect(cube.data[channelOffset(cube, 399, 0) + 127]).toBe(-1.6023475601922854e-10);
    expect(cube.data[399 * cube.pixelFloats + gridParameterIndex(cube, 'X (m)')]).toBe(1.1778700326203762e-7);
  });

  it('Grid Spectroscopy006.3ds: the aborted grid holds its 88 written pixels only', () => {
    const cube = decodeNanonis3dsCube(readReal('Grid Spectroscopy006.3ds'), 'Grid Spectroscopy006.3ds');
    expect([cube.layout.pointsX, cube.layout.pointsY, cube.written]).toEqual([32, 32, 88]);
    expect(cube.data.length).toBe(88 * cube.pixelFloats);
    expect(cube.channels.filter((c) => c.direction === 'backward')).toHaveLength(8);
  });

  it.each(['Grid Spectroscopy002.3ds', 'NanonisReader_STS_grid_lockin.3ds'])(
    '%s: every channel of every pixel equals the I–V reader',
    (name) => {
      const bytes = readReal(name);
      const cube = decodeNanonis3dsCube(bytes, name);
      const parsed = parseNanonis3ds(bytes, name);
      expect(cube.written).toBe(parsed.grid?.pixelsWritten);
      const points = cube.layout.points;
      for (const spectrum of parsed.spectra) {
        const pixel = spectrum.gridIndex!;
        const at = channelOffset(cube, pixel, 0);
        expect(Array.from(cube.data.subarray(at, at + points))).toEqual(Array.from(spectrum.current));
        spectrum.extra.forEach((extra) => {
          const channel = cube.channels.findIndex((c) => c.name === extra.name);
          const offset = channelOffset(cube, pixel, channel);
          expect(Array.from(cube.data.subarray(offset, offset + points))).toEqual(Array.from(extra.values));
        });
      }
    },
  );

  it('names the file on a missing header end', () => {
    const bytes = new TextEncoder().encode('Grid dim="2 x 2"\r\n');
    expect(() => decodeNanonis3dsCube(bytes, 'broken.3ds')).toThrow(ParseError);
    expect(() => decodeNanonis3dsCube(bytes, 'broken.3ds')).toThrow(/broken\.3ds: no :HEADER_END:/);
  });
});

describe('the synthetic grid generator writes the real layout', () => {
  it('reads back with the project reader: dimensions, 30° frame, parameters and pixel positions', () => {
    const grid = syntheticGrid({ seed: 7, width: 12, height: 10, points: 64 });
    const parsed = parseNanonis3ds(grid.bytes, 'synthetic.3ds');
    expect(parsed.notIv).toBeNull();
    expect(parsed.grid).toEqual({
      pointsX: 12,
      pointsY: 10,
      pixelsWritten: 120,
      points: 64,
      frame: grid.frame,
    });
    expect(parsed.spectra).toHaveLength(120);
    expect(parsed.spectra[0]?.bias[0]).toBe(2);
    expect(parsed.spectra[0]?.bias[63]).toBe(-2);
    expect(parsed.spectra[0]?.extra.map((e) => e.name)).toEqual(['LIX 1 omega (A)']);
    // Same header keys, in the same order, as the real lock-in grid's first ten lines.
    const realKeys = new TextDecoder('latin1')
      .decode(readReal('NanonisReader_STS_grid_lockin.3ds').subarray(0, 900))
      .split('\r\n')
      .slice(0, 9)
      .map((line) => line.split('=')[0]);
    const ourKeys = new TextDecoder('latin1')
      .decode(grid.bytes.subarray(0, 1200))
      .split('\r\n')
      .map((line) => line.split('=')[0])
      .filter((key) => realKeys.includes(key));
    expect(ourKeys).toEqual(realKeys);
    // Every pixel's X/Y at its centre in the 30° frame, by the convention the real grids follow
    // (gridRegistration.test.ts); stored as float32, as Nanonis does.
    const centres = gridPixelCentres(grid.frame, 12, 10);
    parsed.spectra.forEach((spectrum) => {
      expect(spectrum.position?.x).toBe(Math.fround(centres.x[spectrum.gridIndex!]!));
      expect(spectrum.position?.y).toBe(Math.fround(centres.y[spectrum.gridIndex!]!));
    });
  });

  it('an aborted synthetic grid stops after the written pixels', () => {
    const grid = syntheticGrid({ seed: 3, width: 8, height: 8, points: 32, written: 21 });
    const cube = decodeNanonis3dsCube(grid.bytes, 'aborted.3ds');
    expect(cube.written).toBe(21);
    expect(parseNanonis3ds(grid.bytes, 'aborted.3ds').grid?.pixelsWritten).toBe(21);
  });
});
