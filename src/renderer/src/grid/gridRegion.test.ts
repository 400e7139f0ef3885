import { describe, expect, it } from 'vitest';
import { pixelAt, pixelsInside, screenBox } from './gridRegion.ts';

describe('pixelAt', () => {
  it('unrotated: row 0 at the bottom, column 0 at the left', () => {
    // 4 × 2 pixels at 10 px: the map spans x −20…20, y −10…10 about its centre.
    expect(pixelAt(-15, 5, 4, 2, 10, 0)).toEqual({ column: 0, row: 0 });
    expect(pixelAt(15, -5, 4, 2, 10, 0)).toEqual({ column: 3, row: 1 });
    expect(pixelAt(25, 0, 4, 2, 10, 0)).toBeNull();
  });

  it('rotated 90° clockwise: the right column is drawn at the bottom', () => {
    // Column 3 row 0 (bottom right when unrotated, at +x, +y on screen) goes to (−5, +15).
    expect(pixelAt(-5, 15, 4, 2, 10, 90)).toEqual({ column: 3, row: 0 });
    expect(pixelAt(5, -15, 4, 2, 10, 90)).toEqual({ column: 0, row: 1 });
  });
});

describe('drawn regions on a grid map', () => {
  it('a box on an unrotated 4 × 3 map takes the pixels whose centres it encloses', () => {
    // 10 px per pixel, map centre at (0, 0): columns span x −20…20, rows y −15…15 (row 0 at the bottom).
    const box = screenBox({ dx: -12, dy: 14 }, { dx: 8, dy: -4 }, 4, 3, 10, 0);
    // x from 0.8 to 2.8 pixels → centres 1.5, 2.5; y from 0.1 to 1.9 rows up → centres 0.5, 1.5.
    expect(pixelsInside(box, 4, 3).sort((a, b) => a - b)).toEqual([1, 2, 5, 6]);
  });

  it('a lasso: a triangle takes the centres inside it only; fewer than 3 points take none', () => {
    const triangle = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 0, y: 4 },
    ];
    // Centres (c + 0.5, r + 0.5) with c + r + 1 < 4: (0,0) (1,0) (2,0) (0,1) (1,1) (0,2).
    expect(pixelsInside(triangle, 5, 5).sort((a, b) => a - b)).toEqual([0, 1, 2, 5, 6, 10]);
    expect(pixelsInside(triangle.slice(0, 2), 5, 5)).toEqual([]);
  });

  it('on a 45° map a screen box is a turned square in pixels: its area in pixels is kept', () => {
    const box = screenBox({ dx: -20, dy: -20 }, { dx: 20, dy: 20 }, 30, 30, 2, 45);
    // 40 × 40 CSS px at 2 px per pixel: 400 pixel² → about 400 centres inside.
    const inside = pixelsInside(box, 30, 30).length;
    expect(inside).toBeGreaterThan(370);
    expect(inside).toBeLessThan(430);
  });
});
