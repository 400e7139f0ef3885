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
