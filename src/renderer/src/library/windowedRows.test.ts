import { describe, expect, it } from 'vitest';
import { rowWindow } from './windowedRows.ts';

describe('rowWindow', () => {
  const base = { viewportHeight: 300, rowHeight: 20, rowCount: 200, overscan: 5 };

  it('at the top renders the rows in view and the overscan below, none above', () => {
    // 300 px / 20 px = rows 0..14 in view, + 5 below.
    expect(rowWindow({ ...base, scrollTop: 0 })).toEqual({
      start: 0,
      end: 20,
      padTop: 0,
      padBottom: 180 * 20,
    });
  });

  it('in the middle keeps every row in view and pads the rest to the page height', () => {
    // scrollTop 1010: rows 50 (half hidden) .. 66 (partly) in view.
    const w = rowWindow({ ...base, scrollTop: 1010 });
    expect(w).toEqual({ start: 45, end: 71, padTop: 45 * 20, padBottom: (200 - 71) * 20 });
    expect(w.padTop + (w.end - w.start) * 20 + w.padBottom).toBe(200 * 20);
  });

  it('at the bottom ends at the last row; past the end (a shorter list) clamps', () => {
    expect(rowWindow({ ...base, scrollTop: 200 * 20 - 300 })).toEqual({
      start: 180,
      end: 200,
      padTop: 180 * 20,
      padBottom: 0,
    });
    // The list shrank to 3 rows while the box was still scrolled far down.
    expect(rowWindow({ ...base, rowCount: 3, scrollTop: 2000 })).toEqual({
      start: 3,
      end: 3,
      padTop: 60,
      padBottom: 0,
    });
  });

  it('every row is rendered by some scroll position (no gaps between windows)', () => {
    for (const rowHeight of [17, 22.5, 31]) {
      const seen = new Set<number>();
      for (let scrollTop = 0; scrollTop <= 200 * rowHeight; scrollTop += 290) {
        const w = rowWindow({ ...base, rowHeight, scrollTop });
        // The rows wholly or partly in view are all rendered.
        const first = Math.floor(scrollTop / rowHeight);
        const last = Math.min(199, Math.floor((scrollTop + 299) / rowHeight));
        expect(w.start).toBeLessThanOrEqual(first);
        if (first < 200) expect(w.end).toBeGreaterThan(last);
        for (let i = w.start; i < w.end; i++) seen.add(i);
      }
      expect(seen.size).toBe(200);
    }
  });

  it('an empty list renders nothing', () => {
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
      padTop: 0,
      padBottom: 0,
    });
  });
});
