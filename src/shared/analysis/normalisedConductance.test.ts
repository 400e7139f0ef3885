// Feenstra normalisation against numpy: fixtures/feenstra.json (make_feenstra_fixture.py) holds
// seeded gapped spectra with noise, their scipy Savitzky–Golay dI/dV, and the broadened I/V as the
// direct O(n²) convolution with exp(−|V'−V|/ΔV), for ΔV = 0.3 V and 1.0 V.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalisedConductance } from './normalisedConductance.ts';

interface FeenstraCase {
  seed: number;
  deltaV: number;
  bias: number[];
  current: number[];
  didv: number[];
  offset: number;
  broadened: number[];
  normalised: number[];
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/feenstra.json'), 'utf8')) as {
  cases: FeenstraCase[];
};

describe('normalisedConductance against numpy', () => {
  it('has several seeds and both widths', () => {
    expect(new Set(fixture.cases.map((c) => c.seed)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(fixture.cases.map((c) => c.deltaV))).toEqual(new Set([0.3, 1.0]));
  });

  for (const c of fixture.cases) {
    it(`seed ${c.seed}, ΔV = ${c.deltaV} V: broadened I/V and normalised dI/dV match`, () => {
      const r = normalisedConductance(c.bias, c.current, c.didv, { deltaV: c.deltaV });
      expect(r.currentOffset).toBeCloseTo(c.offset, 22);
      // Relative error against the larger of the value and 1e-6 of the curve's scale.
      const scale = Math.max(...c.broadened.map(Math.abs));
      c.broadened.forEach((b, i) => {
        expect(Math.abs(r.broadened[i]! - b)).toBeLessThan(1e-9 * Math.max(Math.abs(b), 1e-6 * scale));
      });
      c.normalised.forEach((n, i) => {
        if (Math.abs(c.broadened[i]!) > 1e-6 * scale)
          expect(Math.abs(r.normalised[i]! - n)).toBeLessThan(1e-8 * Math.max(1, Math.abs(n)));
      });
    });

    it(`seed ${c.seed}, ΔV = ${c.deltaV} V: the broadened I/V does not go to ~0 at the sweep ends`, () => {
      const r = normalisedConductance(c.bias, c.current, c.didv, { deltaV: c.deltaV });
      for (const i of [0, c.bias.length - 1]) {
        const local = (c.current[i]! - r.currentOffset) / c.bias[i]!;
        // Same sign as the sweep's own I/V there and at least a fifth of it (the kernel is cut at
        // the end and renormalised, so it averages one side only; see normalisedConductance.ts).
        expect(Math.sign(r.broadened[i]!)).toBe(Math.sign(local));
        expect(r.broadened[i]! / local).toBeGreaterThan(0.2);
        expect(r.broadened[i]! / local).toBeLessThanOrEqual(1);
      }
    });
  }
});

describe('normalisedConductance on a grid seen before (the kernel kept per grid)', () => {
  const fixtureCase = (k: number): FeenstraCase => fixture.cases[k % fixture.cases.length]!;
  const bits = (a: Float64Array): string =>
    Array.from(a, (x) => (Object.is(x, -0) ? '-0' : String(x))).join(',');

  it('gives every curve on one grid, and each grid taken in turn, what a first call on it gives', () => {
    const a = fixtureCase(0);
    const b = fixtureCase(1);
    const first = normalisedConductance(a.bias, a.current, a.didv, { deltaV: a.deltaV });
    normalisedConductance(b.bias, b.current, b.didv, { deltaV: b.deltaV });
    // Another curve on grid A, then the first one again: equal to the last bit.
    const scaled = a.current.map((x) => 1.7 * x);
    const other = normalisedConductance(a.bias, scaled, a.didv, { deltaV: a.deltaV });
    const again = normalisedConductance(a.bias, a.current, a.didv, { deltaV: a.deltaV });
    expect(bits(again.normalised)).toBe(bits(first.normalised));
    expect(bits(again.broadened)).toBe(bits(first.broadened));
    // The other curve again after another grid (its kernel made anew): the same bits.
    normalisedConductance(b.bias, b.current, b.didv, { deltaV: b.deltaV });
    const otherAfterB = normalisedConductance(a.bias, scaled, a.didv, { deltaV: a.deltaV });
    expect(bits(otherAfterB.normalised)).toBe(bits(other.normalised));
    expect(bits(other.broadened)).not.toBe(bits(first.broadened));
  });

  it('does not keep the kernel of a bias array changed in place, nor of another ΔV', () => {
    const a = fixtureCase(2);
    const bias = Float64Array.from(a.bias);
    const before = normalisedConductance(bias, a.current, a.didv, { deltaV: 1.0 });
    // The same array, every bias stretched by 10 %: a new grid behind the same object.
    for (let i = 0; i < bias.length; i++) bias[i] = 1.1 * bias[i]!;
    const changed = normalisedConductance(bias, a.current, a.didv, { deltaV: 1.0 });
    normalisedConductance(fixtureCase(3).bias, fixtureCase(3).current, fixtureCase(3).didv);
    const fresh = normalisedConductance(Float64Array.from(bias), a.current, a.didv, { deltaV: 1.0 });
    expect(bits(changed.broadened)).toBe(bits(fresh.broadened));
    expect(bits(changed.broadened)).not.toBe(bits(before.broadened));
    // ΔV is part of the kernel: the direct O(n²) sum on the stretched grid for ΔV = 0.3 V.
    const narrow = normalisedConductance(bias, a.current, a.didv, { deltaV: 0.3 });
    const n = bias.length;
    const q = (i: number): number =>
      ((i < n - 1 ? bias[i + 1]! : bias[i]!) - (i > 0 ? bias[i - 1]! : bias[i]!)) / 2;
    const g = (i: number): number =>
      Math.abs(bias[i]!) < 1e-6 ? a.didv[i]! : (a.current[i]! - narrow.currentOffset) / bias[i]!;
    for (const j of [0, Math.floor(n / 3), n - 1]) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) {
        const w = q(i) * Math.exp(-Math.abs(bias[i]! - bias[j]!) / 0.3);
        num += w * g(i);
        den += w;
      }
      expect(Math.abs(narrow.broadened[j]! - num / den)).toBeLessThan(1e-9 * Math.abs(num / den));
    }
  });
});
