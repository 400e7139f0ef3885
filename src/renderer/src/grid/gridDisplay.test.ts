import { describe, expect, it } from 'vitest';
import { lineCutPixels, pixelAt } from './gridDisplay.ts';

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

describe('lineCutPixels', () => {
  it('walks the longer axis one pixel at a time', () => {
    expect(lineCutPixels({ column: 0, row: 0 }, { column: 3, row: 1 }, 10)).toEqual([0, 1, 12, 13]);
    expect(lineCutPixels({ column: 2, row: 2 }, { column: 2, row: 2 }, 10)).toEqual([22]);
  });
});
