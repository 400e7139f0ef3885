import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapMeans } from './bootstrapMeans.ts';
import { deepTrapReduction } from './deepTrapReduction.ts';
import { integrateWindow } from './integrateWindow.ts';
import { normalisedConductance } from './normalisedConductance.ts';
import { normaliseByVbPeak } from './normaliseByVbPeak.ts';
import { mulberry32 } from './random.ts';
import { scaleLockIn } from './scaleLockIn.ts';
import { trapWindows } from './trapWindows.ts';

const trapz = JSON.parse(readFileSync(new URL('./fixtures/trapz.json', import.meta.url), 'utf8')) as {
  cases: Array<{ name: string; x: number[]; y: number[]; lo: number; hi: number; value: number }>;
};

const grid = (n: number, from: number, step: number) =>
  Float64Array.from({ length: n }, (_, i) => from + i * step);

describe('integrateWindow', () => {
  for (const c of trapz.cases) {
    it(`equals numpy.trapezoid with interpolated bounds: ${c.name}`, () => {
      const v = integrateWindow(c.x, c.y, c.lo, c.hi);
      expect(v).not.toBeNull();
      expect(v!).toBeCloseTo(c.value, 12);
    });
  }

  it('outside range: null, never extrapolated', () => {
    expect(integrateWindow([0, 1, 2], [1, 1, 1], -0.5, 1)).toBeNull();
    expect(integrateWindow([0, 1, 2], [1, 1, 1], 1, 1)).toBe(0);
    expect(integrateWindow([0, 1, 2], [1, 1, 1], 0.25, 1.75)).toBeCloseTo(1.5, 14);
  });
});

describe('normaliseByVbPeak and trapWindows', () => {
  const bias = grid(401, -2, 0.01);
  const g = (v: number, c: number, h: number) => h * Math.exp(-0.5 * ((v - c) / 0.08) ** 2);
  const didv = bias.map((v) => g(v, -1.3, 4e-10) + g(v, -1.8, 3e-10) + g(v, 1.6, 5e-10) + 1e-11);

  it('divides by the highest local maximum at V < 0', () => {
    const r = normaliseByVbPeak(bias, didv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.peakBias).toBeCloseTo(-1.3, 12);
    expect(Math.max(...Array.from(r.normalised.subarray(0, 200)))).toBeCloseTo(1, 12);
  });

  it('reports a spectrum without a VB peak', () => {
    expect(
      normaliseByVbPeak(
        bias,
        bias.map((v) => v),
      ),
    ).toMatchObject({ ok: false });
  });

  it('deep and shallow windows', () => {
    const flat = bias.map(() => 0.5);
    const t = trapWindows(bias, flat, { vbm: -1.13, cbm: 1.53 });
    expect(t.deep!).toBeCloseTo(0.9, 12);
    expect(t.shallowVb!).toBeCloseTo(0.5 * 0.33, 12);
    expect(t.shallowCb!).toBeCloseTo(0.5 * 0.53, 12);
    const inside = trapWindows(bias, flat, { vbm: -0.7, cbm: null });
    expect(inside.shallowVb).toBeNull();
    expect(inside.shallowCb).toBeNull();
  });
});

describe('deepTrapReduction', () => {
  it('47 % less in B, with a CI that brackets it', () => {
    const random = mulberry32(3);
    const a = Array.from({ length: 70 }, () => 1 + 0.2 * (random() - 0.5));
    const b = Array.from({ length: 60 }, () => 0.53 + 0.1 * (random() - 0.5));
    const r = deepTrapReduction(a, b);
    expect(r.reduction!).toBeCloseTo(0.47, 1);
    expect(r.ci95![0]).toBeLessThan(r.reduction!);
    expect(r.ci95![1]).toBeGreaterThan(r.reduction!);
    expect(r.ci95![1] - r.ci95![0]).toBeLessThan(0.05);
    expect(deepTrapReduction(a, b)).toEqual(r);
  });

  it('resampled means follow mulberry32 exactly (inlined generator)', () => {
    const values = Float64Array.from({ length: 37 }, (_, i) => i * i);
    const random = mulberry32(99);
    const expected = Array.from({ length: 5 }, () => {
      let sum = 0;
      for (let i = 0; i < 37; i++) sum += values[Math.floor(random() * 37)]!;
      return sum / 37;
    });
    expect(Array.from(bootstrapMeans(values, 5, 99))).toEqual(expected);
  });

  it('empty group: null', () => {
    expect(deepTrapReduction([], [1])).toEqual({ reduction: null, ci95: null, nA: 0, nB: 1 });
  });
});

describe('scaleLockIn', () => {
  it('recovers scale and offset', () => {
    const lockIn = Array.from({ length: 50 }, (_, i) => Math.sin(i / 5));
    const didv = lockIn.map((x) => 3e-9 * x + 2e-11);
    const r = scaleLockIn(lockIn, didv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scale / 3e-9).toBeCloseTo(1, 12);
    expect(r.offset / 2e-11).toBeCloseTo(1, 10);
    expect(r.r2).toBeCloseTo(1, 12);
    const origin = scaleLockIn(lockIn, didv, { offset: false });
    expect(origin.ok && origin.offset).toBe(0);
  });

  it('a constant channel cannot be scaled', () => {
    expect(scaleLockIn([1, 1, 1, 1], [1, 2, 3, 4])).toMatchObject({ ok: false });
  });
});

describe('normalisedConductance', () => {
  it('equals the direct O(n²) sum of the documented formula', () => {
    const bias = grid(201, -2, 0.02);
    const current = bias.map((v) => 1e-10 * Math.sinh(v / 0.4) + 3e-13);
    const didv = bias.map((v) => (1e-10 / 0.4) * Math.cosh(v / 0.4));
    const r = normalisedConductance(bias, current, didv);
    const offsetPoints = current.filter((_, i) => Math.abs(bias[i]!) < 0.1);
    const offset = offsetPoints.reduce((s, v) => s + v, 0) / offsetPoints.length;
    expect(r.currentOffset).toBeCloseTo(offset, 20);
    const n = bias.length;
    for (const j of [0, 37, 100, 163, 200]) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) {
        const q = ((i < n - 1 ? bias[i + 1]! : bias[i]!) - (i > 0 ? bias[i - 1]! : bias[i]!)) / 2;
        const g = Math.abs(bias[i]!) < 1e-6 ? didv[i]! : (current[i]! - offset) / bias[i]!;
        const w = q * Math.exp(-Math.abs(bias[i]! - bias[j]!) / 1.0);
        num += w * g;
        den += w;
      }
      expect(r.broadened[j]! / (num / den)).toBeCloseTo(1, 11);
      expect(r.normalised[j]! / (didv[j]! / (num / den))).toBeCloseTo(1, 11);
    }
  });
});
