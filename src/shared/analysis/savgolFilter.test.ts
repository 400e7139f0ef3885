import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { savgolCoefficients } from './savgolCoefficients.ts';
import { savgolEndGains, savgolFilter, savgolKernel, savgolNoiseGain } from './savgolFilter.ts';
import { mulberry32 } from './random.ts';

interface SavgolCase {
  name: string;
  window: number;
  polyorder: number;
  deriv: number;
  delta: number;
  x: number[];
  y: number[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/savgol.json', import.meta.url), 'utf8')) as {
  cases: SavgolCase[];
};

/**
 * 1e-9 relative per point; points below 1 % of the curve's largest value are held to 1e-11 of
 * that largest value instead, because there cancellation makes a pure relative test meaningless
 * (scipy itself is ~5e-12 of the scale away from exact rational arithmetic there).
 */
function expectSavgolClose(actual: Float64Array, expected: number[]): void {
  const scale = Math.max(...expected.map(Math.abs));
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const allowed = 1e-9 * Math.max(Math.abs(e), 1e-2 * scale);
    if (!(Math.abs(actual[i]! - e) <= allowed)) {
      throw new Error(`point ${i}: ${actual[i]} vs scipy ${e} (allowed ±${allowed})`);
    }
  }
}

describe('savgolFilter', () => {
  it('has fixtures for every window, order and derivative', () => {
    expect(fixture.cases.length).toBeGreaterThan(140);
  });

  for (const c of fixture.cases) {
    it(`equals scipy savgol_filter mode=interp: ${c.name}`, () => {
      const y = savgolFilter(c.x, {
        window: c.window,
        polyorder: c.polyorder,
        deriv: c.deriv,
        delta: c.delta,
      });
      expectSavgolClose(y, c.y);
    });
  }

  it('writes into a caller buffer', () => {
    const c = fixture.cases[0]!;
    const out = new Float64Array(c.x.length);
    const y = savgolFilter(c.x, { window: c.window, polyorder: c.polyorder, deriv: c.deriv, out });
    expect(y).toBe(out);
  });

  it('rejects a window longer than the signal, an even window and polyorder ≥ window', () => {
    expect(() => savgolFilter([1, 2, 3, 4], { window: 5, polyorder: 2 })).toThrow(/must not exceed/);
    expect(() => savgolFilter([1, 2, 3, 4, 5, 6], { window: 4, polyorder: 2 })).toThrow(/odd/);
    expect(() => savgolFilter([1, 2, 3, 4, 5, 6], { window: 5, polyorder: 5 })).toThrow(/polyorder/);
  });

  it('differentiates a cubic exactly, edges included', () => {
    const x = Array.from({ length: 40 }, (_, i) => -1 + i * 0.05);
    const y = x.map((v) => 2 * v ** 3 - v + 0.5);
    const d = savgolFilter(y, { window: 15, polyorder: 3, deriv: 1, delta: 0.05 });
    x.forEach((v, i) => expect(d[i]).toBeCloseTo(6 * v * v - 1, 10));
  });
});

describe('savgolFilter interior: four outputs at a time', () => {
  /** The plain correlation, one output at a time, summed in coefficient order. */
  function plainInterior(y: Float64Array, window: number, polyorder: number, deriv: number, delta: number) {
    const { interior } = savgolKernel(window, polyorder, deriv);
    const half = (window - 1) / 2;
    const scale = deriv === 0 ? 1 : Math.pow(delta, deriv);
    const out = new Float64Array(y.length);
    for (let i = half; i < y.length - half; i++) {
      let acc = 0;
      for (let j = 0; j < window; j++) acc += interior[j]! * y[i - half + j]!;
      out[i] = acc / scale;
    }
    return out;
  }

  it('equals the one-at-a-time sum bit for bit on 200 seeded curves (NaN, ±Infinity, ±0 among them)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const u = mulberry32(seed);
      const window = 3 + 2 * (seed % 12);
      const polyorder = Math.min(window - 1, seed % 5);
      const deriv = seed % 3;
      const n = window + ((seed * 37) % 70);
      const delta = 0.001 + u();
      const y = Float64Array.from({ length: n }, () => {
        const r = u();
        if (seed % 10 === 0 && r < 0.02) return [Number.NaN, Infinity, -Infinity][Math.floor(u() * 3)]!;
        if (seed % 7 === 0 && r < 0.2) return u() < 0.5 ? -0 : 0;
        return Math.sinh(4 * u() - 2) * 1e-9 + 1e-12 * (u() - 0.5);
      });
      const got = savgolFilter(y, { window, polyorder, deriv, delta });
      const want = plainInterior(y, window, polyorder, deriv, delta);
      const half = (window - 1) / 2;
      for (let i = half; i < n - half; i++) expect(Object.is(got[i], want[i])).toBe(true);
    }
  });
});

describe('savgolCoefficients', () => {
  it('matches the classic 5-point quadratic smoothing weights', () => {
    const c = savgolCoefficients(5, 2);
    [-3, 12, 17, 12, -3].forEach((w, i) => expect(c[i]).toBeCloseTo(w / 35, 14));
  });

  it('evaluates the derivative at an off-centre position (scipy docstring example)', () => {
    const c = savgolCoefficients(5, 2, { deriv: 1, pos: 4 });
    const x = [1, 0, 1, 4, 9];
    expect(x.reduce((s, v, i) => s + v * c[i]!, 0)).toBeCloseTo(6, 12);
  });
});

describe('savgolEndGains', () => {
  it("is each end sample's output noise over the interior's, read off the filter's response to unit impulses", () => {
    // The filter (scipy's mode='interp', fixtures above) applied to e_j gives the weight of x[j] in
    // every output; the root sum of squares of those weights at sample p is its noise gain.
    for (const [window, polyorder, deriv] of [
      [15, 3, 1],
      [7, 2, 1],
      [21, 3, 0],
      [9, 4, 2],
    ] as const) {
      const n = 3 * window;
      const weights: number[][] = Array.from({ length: n }, () => []);
      for (let j = 0; j < n; j++) {
        const impulse = new Float64Array(n);
        impulse[j] = 1;
        const out = savgolFilter(impulse, { window, polyorder, deriv });
        for (let p = 0; p < n; p++) weights[p]!.push(out[p]!);
      }
      const rss = (p: number): number => Math.sqrt(weights[p]!.reduce((sum, w) => sum + w * w, 0));
      const interior = rss(Math.floor(n / 2));
      expect(interior).toBeCloseTo(savgolNoiseGain(window, polyorder, deriv), 12);
      const gains = savgolEndGains(window, polyorder, deriv);
      expect(gains).toHaveLength((window - 1) / 2);
      gains.forEach((gain, p) => {
        expect(gain).toBeCloseTo(rss(p) / interior, 10);
        expect(gain).toBeCloseTo(rss(n - 1 - p) / interior, 10);
      });
    }
    // The default first derivative: the end sample 3.46× noisier than the interior.
    expect(savgolEndGains(15, 3, 1)[0]).toBeCloseTo(3.46, 2);
  });
});
