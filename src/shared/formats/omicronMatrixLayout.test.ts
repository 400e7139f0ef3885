import { describe, expect, it } from 'vitest';
import { arrangeImages, splitCurves } from './omicronMatrixLayout.ts';
import type { MatrixAxis } from './omicronMatrixParameters.ts';
import { ParseError } from './types.ts';

function axis(name: string, length: number, mirrored: boolean): MatrixAxis {
  return { name, length, mirrored, next: '0' };
}

describe('splitCurves', () => {
  it('mirrored ramp, two repetitions, the last sweep cut: forward, backward, forward, backward', () => {
    const values = Float64Array.from({ length: 3 * 4 - 1 }, (_, i) => i);
    const curves = splitCurves(axis('Default::Spectroscopy::V', 6, true), values);
    expect(curves.map((c) => [c.direction, c.sweep, [...c.rampIndex], [...c.values]])).toEqual([
      ['forward', 1, [0, 1, 2], [0, 1, 2]],
      ['backward', 1, [2, 1, 0], [3, 4, 5]],
      ['forward', 2, [0, 1, 2], [6, 7, 8]],
      ['backward', 2, [2, 1], [9, 10]],
    ]);
  });

  it('a linear ramp gives forward sweeps only', () => {
    const curves = splitCurves(axis('Default::Clock2::t2', 4, false), new Float64Array(6));
    expect(curves.map((c) => [c.direction, c.sweep, c.values.length])).toEqual([
      ['forward', 1, 4],
      ['forward', 2, 2],
    ]);
  });

  it('an odd mirrored length is refused', () => {
    expect(() => splitCurves(axis('V', 5, true), new Float64Array(5))).toThrow(ParseError);
  });
});

describe('arrangeImages', () => {
  // 3 x 2 pixels, X and Y mirrored: stored as up line 0 fwd, up line 0 bwd, up line 1 fwd, up line 1
  // bwd, then the down lines. Value = 100·pass + 10·line + stored position along the line.
  const fast = axis('Default::XYScanner::X', 6, true);
  const slow = axis('Default::XYScanner::Y', 4, true);
  const stored: number[] = [];
  for (let line = 0; line < 4; line++) {
    for (let half = 0; half < 2; half++) for (let i = 0; i < 3; i++) stored.push(100 * half + 10 * line + i);
  }

  it('up lines fill from the bottom, down lines from the top, backward lines mirrored back', () => {
    const images = arrangeImages(fast, slow, Float64Array.from(stored));
    expect(images.map((i) => [i.direction, i.down, i.linesWritten])).toEqual([
      ['forward', false, 2],
      ['backward', false, 2],
      ['forward', true, 2],
      ['backward', true, 2],
    ]);
    const rows = (k: number): number[][] => {
      const data = [...(images[k]?.data ?? [])];
      return [data.slice(0, 3), data.slice(3, 6)];
    };
    expect(rows(0)).toEqual([
      [10, 11, 12], // up line 1 at the top
      [0, 1, 2], // up line 0 at the bottom
    ]);
    expect(rows(1)).toEqual([
      [112, 111, 110], // stored right to left
      [102, 101, 100],
    ]);
    expect(rows(2)).toEqual([
      [20, 21, 22], // down line 0 (first of the down pass) at the top
      [30, 31, 32],
    ]);
    expect(rows(3)).toEqual([
      [122, 121, 120],
      [132, 131, 130],
    ]);
  });

  it('an aborted scan keeps the lines written and leaves the rest NaN', () => {
    const images = arrangeImages(fast, slow, Float64Array.from(stored.slice(0, 8)));
    // 8 values: up line 0 forward and backward, then 2 points of up line 1 forward.
    expect(images.map((i) => i.linesWritten)).toEqual([2, 1, 0, 0]);
    expect([...(images[0]?.data ?? [])]).toEqual([10, 11, NaN, 0, 1, 2]);
    expect([...(images[1]?.data ?? [])]).toEqual([NaN, NaN, NaN, 102, 101, 100]);
    expect(images[2]?.data.every(Number.isNaN)).toBe(true);
  });

  it('refuses axes whose scan would exceed the reader limit, before allocating', () => {
    const huge = axis('Default::XYScanner::X', 2 * 65536, true);
    expect(() =>
      arrangeImages(huge, axis('Default::XYScanner::Y', 65536, false), new Float64Array(4)),
    ).toThrow(/exceeds the reader's limit/);
  });
});
