import { describe, expect, it } from 'vitest';
import { lineCutPixels } from './gridDisplay.ts';

describe('lineCutPixels', () => {
  it('walks the longer axis one pixel at a time', () => {
    expect(lineCutPixels({ column: 0, row: 0 }, { column: 3, row: 1 }, 10)).toEqual([0, 1, 12, 13]);
    expect(lineCutPixels({ column: 2, row: 2 }, { column: 2, row: 2 }, 10)).toEqual([22]);
  });
});
