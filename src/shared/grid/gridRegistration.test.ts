import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { frameToLocal } from '../geometry/frameToLocal.ts';
import { decodeNanonis3dsCube, gridParameterIndex } from '../formats/nanonis3dsCube.ts';
import { gridPixelCentres } from './gridRegistration.ts';

describe('grid pixel centres against the X/Y Nanonis stored in each pixel', () => {
  // The 45° lock-in grid's stored positions sit 0.11 nm (2.2 % of its 5 nm frame) to −x of the
  // Grid settings frame, uniformly (drift correction of that old Nanonis); spacing and rotation
  // match. So: the lattice must match to 0.1 % after removing one common offset, and that offset
  // must stay under 3 % of the frame (0 for the two newer grids).
  it.each([
    ['Grid Spectroscopy002.3ds', 1e-4],
    ['Grid Spectroscopy006.3ds', 1e-4],
    ['NanonisReader_STS_grid_lockin.3ds', 0.03],
  ] as const)(
    '%s: every written pixel at its centre (common offset ≤ %f of the frame)',
    (name, offsetLimit) => {
      const cube = decodeNanonis3dsCube(new Uint8Array(readFileSync(realFile('nanonis-3ds', name))), name);
      const { frame, pointsX, pointsY } = cube.layout;
      const centres = gridPixelCentres(frame, pointsX, pointsY);
      const ix = gridParameterIndex(cube, 'X (m)');
      const iy = gridParameterIndex(cube, 'Y (m)');
      const dx: number[] = [];
      const dy: number[] = [];
      for (let p = 0; p < cube.written; p++) {
        dx.push(cube.data[p * cube.pixelFloats + ix]! - centres.x[p]!);
        dy.push(cube.data[p * cube.pixelFloats + iy]! - centres.y[p]!);
      }
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const ox = mean(dx);
      const oy = mean(dy);
      expect(Math.hypot(ox, oy) / frame.width).toBeLessThan(offsetLimit);
      const worst = Math.max(...dx.map((d, p) => Math.hypot(d - ox, dy[p]! - oy) / frame.width));
      expect(worst).toBeLessThan(1e-3);
    },
  );

  it('agrees with the .sxm frame convention: pixel centres land inside the frame, row 0 at the bottom', () => {
    const frame = { centreX: 1e-7, centreY: -2e-7, width: 4e-8, height: 2e-8, angleDeg: 30 };
    const centres = gridPixelCentres(frame, 4, 2);
    // Pixel (column 0, row 0): u = 0.125, v = 0.75 (v = 0 at the top edge of the displayed image).
    const first = frameToLocal(frame, centres.x[0]!, centres.y[0]!);
    expect(first.u).toBeCloseTo(0.125, 12);
    expect(first.v).toBeCloseTo(0.75, 12);
    const last = frameToLocal(frame, centres.x[7]!, centres.y[7]!);
    expect(last.u).toBeCloseTo(0.875, 12);
    expect(last.v).toBeCloseTo(0.25, 12);
  });
});
