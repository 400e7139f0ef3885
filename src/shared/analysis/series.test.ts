import { describe, expect, it } from 'vitest';
import { detectSeries, firstOfEachSeries } from './detectSeries.ts';
import type { SeriesSpot } from './detectSeries.ts';
import { seriesDegradation } from './seriesDegradation.ts';

const spot = (
  id: number,
  fileName: string,
  time: number | null,
  x: number | null,
  sweep = 1,
): SeriesSpot<number> => ({
  id,
  fileName,
  time,
  x,
  y: x === null ? null : 0,
  sweep,
});

describe('detectSeries', () => {
  it('sweep columns of one file form a series, in sweep order', () => {
    const s = detectSeries([spot(3, 'a.dat', 0, 0, 3), spot(1, 'a.dat', 0, 0, 1), spot(2, 'a.dat', 0, 0, 2)]);
    expect(s).toEqual([{ spotIds: [1, 2, 3] }]);
  });

  it('joins consecutive files within 0.5 nm, split by a move or a file elsewhere', () => {
    const s = detectSeries([
      spot(4, 'd.dat', 40, 0.3e-9),
      spot(1, 'a.dat', 10, 0),
      spot(2, 'b.dat', 20, 0.4e-9),
      spot(3, 'c.dat', 30, 5e-9),
      spot(5, 'e.dat', 50, null),
    ]);
    expect(s.map((x) => x.spotIds)).toEqual([[1, 2], [3], [4], [5]]);
    expect(firstOfEachSeries(s)).toEqual([1, 3, 4, 5]);
  });

  it('orders by time, then file name; unknown times last', () => {
    const s = detectSeries([spot(2, 'b.dat', null, 0), spot(1, 'a.dat', null, 0), spot(0, 'z.dat', 5, 0)]);
    expect(s).toEqual([{ spotIds: [0, 1, 2] }]);
  });

  it('joins only within 10 min of the previous start: revisits hours later and same-instant copies are new spots', () => {
    const min = 60_000;
    const s = detectSeries([
      spot(1, 'a.dat', 0, 0),
      spot(2, 'b.dat', 3 * min, 0.1e-9),
      spot(3, 'c.dat', 3 * min + 3 * 3600_000, 0.1e-9),
      spot(4, 'd.dat', 3 * min + 3 * 3600_000, 0.1e-9),
      spot(5, 'e.dat', 3 * min + 3 * 3600_000 + 9 * min, 0.2e-9),
    ]);
    expect(s.map((x) => x.spotIds)).toEqual([[1, 2], [3], [4, 5]]);
    expect(
      detectSeries([spot(1, 'a.dat', 0, 0), spot(2, 'b.dat', 11 * min, 0)], { maxGapMinutes: 10 }),
    ).toHaveLength(2);
    expect(
      detectSeries([spot(1, 'a.dat', 0, 0), spot(2, 'b.dat', 11 * min, 0)], { maxGapMinutes: 20 }),
    ).toHaveLength(1);
  });

  it('split and join by hand', () => {
    const s = detectSeries(
      [spot(1, 'a.dat', 0, 0), spot(2, 'b.dat', 60_000, 0), spot(3, 'c.dat', 120_000, 50e-9)],
      {
        split: [2],
        join: [3],
      },
    );
    expect(s.map((x) => x.spotIds)).toEqual([[1], [2, 3]]);
  });

  it('grid pixels are separate spots', () => {
    const s = detectSeries([
      { ...spot(1, 'g.3ds', 0, 0), gridIndex: 0 },
      { ...spot(2, 'g.3ds', 0, 10e-9), gridIndex: 1 },
    ]);
    expect(s.length).toBe(2);
  });
});

describe('seriesDegradation', () => {
  const bias = Float64Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
  const g = (v: number, c: number, h: number) => h * Math.exp(-0.5 * ((v - c) / 0.08) ** 2);
  const sweep = (vbm: number, cbm: number, floor: number) => ({
    bias,
    didv: bias.map((v) => g(v, vbm, 1e-9) + g(v, cbm, 1e-9) + floor * 1e-9),
  });

  it('gap shrinks and fills: ΔEg, in-gap integral over the first gap, metallic flag', () => {
    const rows = seriesDegradation([sweep(-1.13, 1.53, 0.01), sweep(-0.9, 1.2, 0.05), sweep(-0.5, 0.6, 0.2)]);
    expect(rows.map((r) => r.k)).toEqual([1, 2, 3]);
    expect(rows[0]!.gap).toBeCloseTo(2.66, 3);
    expect(rows[0]!.deltaGap).toBe(0);
    expect(rows[1]!.deltaGap).toBeCloseTo(2.1 - 2.66, 3);
    expect(rows[0]!.metallic).toBe(false);
    expect(rows[2]!.metallic).toBe(true);
    expect(rows[2]!.atZero!).toBeGreaterThan(0.1);
    expect(rows[1]!.inGap!).toBeGreaterThan(rows[0]!.inGap!);
    expect(rows[2]!.inGap!).toBeGreaterThan(rows[1]!.inGap!);
  });

  it('no gap on the first sweep: no in-gap integrals, metallic', () => {
    const flat = { bias, didv: bias.map(() => 1) };
    const rows = seriesDegradation([flat, sweep(-1, 1, 0)]);
    expect(rows[0]!.metallic).toBe(true);
    expect(rows[0]!.reason).toMatch(/VBM/);
    expect(rows[1]!.inGap).toBeNull();
    expect(rows[1]!.deltaGap).toBeNull();
  });
});
