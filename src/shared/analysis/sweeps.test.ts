import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { averageCurves } from './averageCurves.ts';
import { combineDirections } from './combineDirections.ts';
import { commonGrid } from './commonGrid.ts';
import { medianInPlace } from './quickselect.ts';
import { resampleLinear } from './resampleLinear.ts';
import { tidySweep } from './tidySweep.ts';
import { mulberry32 } from './random.ts';

const interp = JSON.parse(readFileSync(new URL('./fixtures/interp.json', import.meta.url), 'utf8')) as {
  cases: Array<{ name: string; x: number[]; y: number[]; grid: number[]; value: number[] }>;
};

const ramp = (n: number, from: number, step: number) => Array.from({ length: n }, (_, i) => from + i * step);

describe('tidySweep against its plain definition', () => {
  /** Drop non-finite points, sort by bias (stable), merge equal biases into their mean current. */
  function plainTidy(bias: Float64Array, current: Float64Array): { bias: number[]; current: number[] } {
    const points = Array.from(bias, (v, i) => [v, current[i]!, i] as const)
      .filter(([v, c]) => Number.isFinite(v) && Number.isFinite(c))
      .sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    const out = { bias: [] as number[], current: [] as number[] };
    for (let i = 0; i < points.length;) {
      const v = points[i]![0];
      let sum = 0;
      let count = 0;
      while (i < points.length && points[i]![0] === v) {
        sum += points[i]![1];
        count++;
        i++;
      }
      out.bias.push(v);
      out.current.push(sum / count);
    }
    return out;
  }

  it('gives the same curve on 300 seeded sweeps (either direction, ±Infinity, NaN, repeats)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const u = mulberry32(seed);
      const n = 8 + ((seed * 13) % 120);
      const down = seed % 2 === 0;
      const bias = Float64Array.from({ length: n }, (_, i) => (down ? 1 - (2 * i) / n : -1 + (2 * i) / n));
      const current = Float64Array.from(bias, (v) => 1e-9 * Math.sinh(2 * v) + 1e-12 * u());
      const kind = seed % 5;
      const at = Math.floor(u() * n);
      if (kind === 1) current[at] = [Number.NaN, Infinity, -Infinity][seed % 3]!;
      if (kind === 2) bias[at] = [Number.NaN, Infinity, -Infinity][seed % 3]!;
      if (kind === 3 && at > 0) bias[at] = bias[at - 1]!; // a repeated bias
      const r = tidySweep(bias, current, { minPoints: 4 });
      const want = plainTidy(bias, current);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(Array.from(r.bias)).toEqual(want.bias);
        expect(Array.from(r.current)).toEqual(want.current);
      }
    }
  });
});

describe('tidySweep', () => {
  it('sorts a sweep that runs + → −', () => {
    const r = tidySweep(ramp(10, 1, -0.1), ramp(10, 10, -1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bias[0]).toBeCloseTo(0.1, 12);
    expect(r.current[0]).toBe(1);
    expect(r.current[9]).toBe(10);
  });

  it('drops NaN points and counts them', () => {
    const bias = ramp(12, -1, 0.2);
    const current = bias.map((v, i) => (i % 4 === 0 ? Number.NaN : v));
    const r = tidySweep(bias, current);
    expect(r.ok && r.dropped).toBe(3);
    expect(r.ok && r.bias.length).toBe(9);
  });

  it('rejects a sweep with fewer than 8 valid points', () => {
    const r = tidySweep([1, 2, 3, 4, 5, 6, 7, Number.NaN], [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r).toEqual({ ok: false, reason: 'only 7 valid points (at least 8 needed)' });
  });

  it('averages repeated bias values after sorting an unordered sweep', () => {
    const r = tidySweep([0.3, 0.1, 0.2, 0.1, 0.5, 0.4, 0.6, 0.7, 0.8, 0.2], [3, 1, 2, 2, 5, 4, 6, 7, 8, 4]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.bias)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(Array.from(r.current)).toEqual([1.5, 3, 3, 4, 5, 6, 7, 8]);
    expect(r.merged).toBe(2);
  });

  it('rejects mismatched lengths with a reason', () => {
    expect(tidySweep([1, 2], [1]).ok).toBe(false);
  });

  it('shares a bias array only when every value is the same (0 and −0 differ)', () => {
    const down = ramp(11, 1, -0.2); // 1 … −1, + → −, like an instrument sweep
    const first = tidySweep(down, ramp(11, 0, 1));
    if (!first.ok) throw new Error(first.reason);
    const again = tidySweep(Float64Array.from(down), ramp(11, 5, 1), { sameBias: first.bias });
    expect(again.ok && again.bias).toBe(first.bias);
    expect(again.ok && Array.from(again.current)).toEqual(ramp(11, 15, -1));
    const shifted = down.map((v, i) => (i === 4 ? v + 1e-15 : v));
    const other = tidySweep(shifted, ramp(11, 0, 1), { sameBias: first.bias });
    expect(other.ok && other.bias).not.toBe(first.bias);
    expect(other.ok && other.bias[6]).toBe(shifted[4]);
    const zeros = [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5];
    const positive = tidySweep(zeros, zeros);
    const negative = tidySweep(
      zeros.map((v) => (v === 0 ? -0 : v)),
      zeros,
      { sameBias: positive.ok ? positive.bias : null },
    );
    expect(negative.ok && Object.is(negative.bias[2], -0)).toBe(true);
  });
});

describe('combineDirections', () => {
  const forward = { bias: Float64Array.from(ramp(11, -1, 0.2)), current: Float64Array.from(ramp(11, 0, 1)) };
  const backward = {
    bias: Float64Array.from(ramp(9, -0.9, 0.2)),
    current: Float64Array.from(ramp(9, 1.5, 1)),
  };

  it('picks one direction', () => {
    expect(combineDirections(forward, backward, 'forward')).toMatchObject({ ok: true, bias: forward.bias });
    expect(combineDirections(null, backward, 'forward').ok).toBe(false);
    expect(combineDirections(forward, backward, 'backward')).toMatchObject({ ok: true, bias: backward.bias });
  });

  it('mean: backward resampled onto the forward points inside its range', () => {
    const r = combineDirections(forward, backward, 'mean');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Forward points −0.8 … 0.6 lie inside the backward range [−0.9, 0.7].
    expect(r.bias.length).toBe(8);
    expect(r.bias[0]).toBeCloseTo(-0.8, 12);
    // backward current at −0.8 = 2.0, forward = 1 → mean 1.5.
    expect(r.current[0]).toBeCloseTo(1.5, 12);
  });
});

describe('resampleLinear', () => {
  for (const c of interp.cases) {
    it(`equals numpy.interp: ${c.name}`, () => {
      const y = resampleLinear(c.x, c.y, c.grid);
      c.value.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 13));
    });
  }

  it('outside range: refuses to extrapolate', () => {
    expect(() => resampleLinear([0, 1], [0, 1], [1.5])).toThrow(/no extrapolation/);
    expect(() => resampleLinear([0, 1], [0, 1], [Number.NaN])).toThrow(/outside/);
  });

  it('handles a descending grid', () => {
    expect(Array.from(resampleLinear([0, 1, 2], [0, 10, 20], [1.5, 0.5]))).toEqual([15, 5]);
  });
});

describe('commonGrid', () => {
  it('covers the overlap with the median step', () => {
    const r = commonGrid([
      { bias: ramp(41, -2, 0.1) },
      { bias: ramp(31, -1.5, 0.1) },
      { bias: ramp(101, -1.8, 0.05) },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.step).toBeCloseTo(0.1, 12);
    expect(r.grid[0]).toBeCloseTo(-1.5, 12);
    expect(r.grid[r.grid.length - 1]).toBeLessThanOrEqual(1.5);
    expect(r.grid.length).toBe(31);
  });

  it('sweeps with identical bias points: those points are the grid', () => {
    const bias = Float64Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
    const r = commonGrid([{ bias }, { bias: bias.slice() }]);
    expect(r.ok && Array.from(r.grid)).toEqual(Array.from(bias));
  });

  it('takes the shared points only when every array, each compared once, holds them', () => {
    const bias = Float64Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
    const copy = bias.slice();
    const other = Float64Array.from(bias, (v, i) => (i === 10 ? v - 0.05 : v));
    // Arrays seen again (a chunk's shared array) after an equal copy, then one that differs.
    const shared = commonGrid([bias, copy, copy, bias, copy].map((b) => ({ bias: b })));
    expect(shared.ok && Array.from(shared.grid)).toEqual(Array.from(bias));
    const mixed = commonGrid([bias, copy, copy, other, copy].map((b) => ({ bias: b })));
    // Not shared: the overlap (−1 … 0.95 V) at the median step, 0.2 V.
    if (!mixed.ok) throw new Error(mixed.reason);
    expect(mixed.grid).toHaveLength(10);
    mixed.grid.forEach((v, i) => expect(v).toBeCloseTo(bias[i]!, 12));
    expect(mixed.grid).not.toBe(bias);
  });

  it('reports disjoint ranges', () => {
    expect(commonGrid([{ bias: [0, 1] }, { bias: [2, 3] }])).toMatchObject({ ok: false });
    expect(commonGrid([])).toMatchObject({ ok: false });
  });
});

describe('averageCurves', () => {
  it('mean, median and sample std (ddof = 1)', () => {
    const r = averageCurves([
      [1, 2],
      [2, 4],
      [6, 9],
    ]);
    expect(Array.from(r.centre)).toEqual([3, 5]);
    expect(r.std[0]).toBeCloseTo(Math.sqrt(7), 12);
    const med = averageCurves(
      [
        [1, 2],
        [2, 4],
        [6, 9],
      ],
      'median',
    );
    expect(Array.from(med.centre)).toEqual([2, 4]);
  });

  it('one curve: std is NaN', () => {
    expect(Number.isNaN(averageCurves([[1, 2]]).std[0])).toBe(true);
  });
});

describe('medianInPlace', () => {
  it('matches a sorted median on random data', () => {
    let seed = 1;
    for (let n = 1; n < 60; n++) {
      const a = Float64Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) % 13) - 6);
      const sorted = Array.from(a).sort((x, y) => x - y);
      const expected = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(medianInPlace(a)).toBe(expected);
    }
  });
});
