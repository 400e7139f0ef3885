// The grid's own topography: the per-pixel Z parameter as a map, against the positions the
// project's .3ds reader gives each pixel's spectrum (read independently, big-endian DataView).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { decodeNanonis3dsCube } from '../formats/nanonis3dsCube.ts';
import { parseNanonis3ds } from '../formats/nanonis3ds.ts';
import { mappableParameters, parameterMap } from './parameterMap.ts';

describe('parameterMap', () => {
  it.each(['NanonisReader_STS_grid_lockin.3ds'])(
    '%s: Z at each written pixel equals the reader’s spectrum position z',
    (name) => {
      const bytes = new Uint8Array(readFileSync(realFile('nanonis-3ds', name)));
      const cube = decodeNanonis3dsCube(bytes, name);
      expect(mappableParameters(cube)).toContain('Z (m)');
      const z = parameterMap(cube, 'Z (m)');
      const parsed = parseNanonis3ds(bytes, name);
      const forward = parsed.spectra.filter((s) => s.direction === 'forward' && !s.isAverage);
      expect(forward.length).toBeGreaterThan(0);
      const seen = new Set<number>();
      for (const s of forward) {
        if (seen.has(s.gridIndex!)) continue;
        seen.add(s.gridIndex!);
        expect(z[s.gridIndex!]).toBe(s.position!.z);
      }
      expect(seen.size).toBe(cube.written);
      // A topography: heights vary across the grid, within a few nm.
      const finite = Array.from(z).filter(Number.isFinite);
      expect(Math.max(...finite) - Math.min(...finite)).toBeGreaterThan(0);
      expect(Math.max(...finite) - Math.min(...finite)).toBeLessThan(50e-9);
    },
  );

  it('the aborted grid: NaN beyond its 88 written pixels; an unknown parameter is all NaN', () => {
    const name = 'Grid Spectroscopy006.3ds';
    const cube = decodeNanonis3dsCube(new Uint8Array(readFileSync(realFile('nanonis-3ds', name))), name);
    expect(cube.written).toBe(88);
    const parameter = mappableParameters(cube)[0]!;
    const map = parameterMap(cube, parameter);
    expect(map).toHaveLength(1024);
    expect(map.subarray(0, 88).every(Number.isFinite)).toBe(true);
    expect(map.subarray(88).every(Number.isNaN)).toBe(true);
    expect(parameterMap(cube, 'Nope (m)').every(Number.isNaN)).toBe(true);
  });
});
