import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { frameToLocal } from '../geometry/frameToLocal.ts';
import { decodeNanonis3dsCube, gridParameterIndex } from '../formats/nanonis3dsCube.ts';
import { gridOverlayOnImage, gridPixelCentre, gridPixelCentres } from './gridRegistration.ts';

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

describe('a grid drawn on an image (gridOverlayOnImage)', () => {
  it('the real 45° lock-in grid on an unrotated image centred on it: a diamond, pixel centres inside', () => {
    const name = 'NanonisReader_STS_grid_lockin.3ds';
    const cube = decodeNanonis3dsCube(new Uint8Array(readFileSync(realFile('nanonis-3ds', name))), name);
    const grid = cube.layout.frame;
    expect(grid.angleDeg).toBe(45);
    // A 10 nm image centred on the grid: the 5 nm frame turned 45° spans ±(5/√2)/2 nm about the centre.
    const image = { centreX: grid.centreX, centreY: grid.centreY, width: 10e-9, height: 10e-9, angleDeg: 0 };
    const overlay = gridOverlayOnImage(image, grid, cube.layout.pointsX, cube.layout.pointsY, cube.written);
    const half = (5e-9 * Math.SQRT1_2) / 10e-9;
    const us = overlay.corners.map((c) => c.u).sort((a, b) => a - b);
    const vs = overlay.corners.map((c) => c.v).sort((a, b) => a - b);
    // Diamond: one corner at each extreme of u and of v, two on the centre line.
    expect(us[0]).toBeCloseTo(0.5 - half, 9);
    expect(us[3]).toBeCloseTo(0.5 + half, 9);
    expect(us[1]).toBeCloseTo(0.5, 9);
    expect(vs[0]).toBeCloseTo(0.5 - half, 9);
    expect(vs[3]).toBeCloseTo(0.5 + half, 9);
    expect(overlay.u).toHaveLength(900);
    // In the grid's own (rotated) axes the centres fill a 30 × 30 lattice of pitch 5/30 nm whose
    // outermost centres sit half a pitch inside the frame: |local| ≤ (5 − 5/30)/2 nm.
    const c = Math.SQRT1_2;
    let widest = 0;
    const onLattice: number[] = [];
    for (let p = 0; p < 900; p++) {
      const du = (overlay.u[p]! - 0.5) * 10;
      const dv = (0.5 - overlay.v[p]!) * 10;
      const localX = du * c - dv * c;
      const localY = du * c + dv * c;
      widest = Math.max(widest, Math.abs(localX), Math.abs(localY));
      // Distance to the nearest lattice line, in pitches.
      const k = (localX + 2.5) / (5 / 30) - 0.5;
      onLattice.push(Math.abs(k - Math.round(k)));
    }
    expect(widest).toBeCloseTo((5 - 5 / 30) / 2, 9);
    expect(Math.max(...onLattice)).toBeLessThan(1e-6);
  });

  it('an aborted grid: only its written pixels, at the same places as in the whole lattice', () => {
    const image = { centreX: 0, centreY: 0, width: 2e-8, height: 2e-8, angleDeg: 10 };
    const grid = { centreX: 1e-9, centreY: -2e-9, width: 8e-9, height: 4e-9, angleDeg: 30 };
    const all = gridOverlayOnImage(image, grid, 8, 4, 32);
    const aborted = gridOverlayOnImage(image, grid, 8, 4, 11);
    expect(aborted.u).toHaveLength(11);
    expect(Array.from(aborted.u)).toEqual(Array.from(all.u.subarray(0, 11)));
    const centre = gridPixelCentre(grid, 8, 4, 3, 1);
    const expected = frameToLocal(image, centre.x, centre.y);
    expect(all.u[11]).toBeCloseTo(expected.u, 12);
    expect(all.v[11]).toBeCloseTo(expected.v, 12);
  });
});
