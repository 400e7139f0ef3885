// The fast tip-change and saturation checks against their plain definitions (the code before the
// speed work: a general median per point, fresh arrays): the same findings, the same numbers in the
// reasons, on seeded noisy sweeps with and without steps, spikes and clipped runs.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { medianInPlace } from './quickselect.ts';
import { departures, saturation, secondDifferenceNoise, tipChange } from './qualityFlags.ts';
import { biasPairText, currentText } from './reasonText.ts';

/**
 * tipChange as first written: medianInPlace over each point's neighbours; with `localK`, a step
 * must also exceed localK times 1.4826 · median |departure| of the 24 departures each side (not
 * itself nor its two neighbours).
 */
function referenceTipChange(
  bias: Float64Array,
  current: Float64Array,
  k: number,
  localK?: number,
): string | null {
  const n = current.length;
  if (n < 10) return null;
  const m = n - 1;
  const d = new Float64Array(m);
  for (let i = 0; i < m; i++) d[i] = current[i + 1]! - current[i]!;
  const departure = new Float64Array(m);
  const window = new Float64Array(6);
  for (let i = 0; i < m; i++) {
    let count = 0;
    for (let j = Math.max(0, i - 3); j <= Math.min(m - 1, i + 3); j++) if (j !== i) window[count++] = d[j]!;
    departure[i] = d[i]! - medianInPlace(window, count);
  }
  const sigma = 1.4826 * medianInPlace(departure.map(Math.abs));
  if (!(sigma > 0)) return null;
  const threshold = k * sigma;
  let worst = -1;
  for (let i = 1; i + 1 < m; i++) {
    const s = departure[i]!;
    if (Math.abs(s) <= threshold) continue;
    if (Math.abs(s + departure[i + 1]!) <= threshold / 2 || Math.abs(s + departure[i - 1]!) <= threshold / 2)
      continue;
    if (localK !== undefined) {
      const around: number[] = [];
      for (let j = Math.max(0, i - 24); j <= Math.min(m - 1, i + 24); j++)
        if (Math.abs(j - i) > 1) around.push(Math.abs(departure[j]!));
      if (Math.abs(s) <= localK * 1.4826 * medianInPlace(Float64Array.from(around))) continue;
    }
    if (worst < 0 || Math.abs(s) > Math.abs(departure[worst]!)) worst = i;
  }
  if (worst < 0) return null;
  const step = departure[worst]!;
  return `current steps by ${currentText(step)} (${(Math.abs(step) / sigma).toFixed(0)} σ) between ${biasPairText(bias[worst]!, bias[worst + 1]!)}`;
}

function referenceNoise(y: Float64Array): number {
  const r = new Float64Array(y.length - 2);
  for (let i = 1; i < y.length - 1; i++) r[i - 1] = Math.abs(y[i - 1]! - 2 * y[i]! + y[i + 1]!);
  return (1.4826 * medianInPlace(r)) / Math.sqrt(6);
}

/** A seeded sweep: a smooth I(V) with white noise; some with a step, a spike or a clipped end. */
function sweep(seed: number, points: number): { bias: Float64Array; current: Float64Array } {
  const u = mulberry32(seed);
  const bias = Float64Array.from({ length: points }, (_, i) => -2 + (4 * i) / (points - 1));
  const current = bias.map((v) => 1e-9 * Math.sinh(2 * v) + 2e-12 * (u() + u() + u() - 1.5));
  const kind = seed % 4;
  const at = Math.floor(u() * (points - 4)) + 2;
  if (kind === 1) for (let i = at; i < points; i++) current[i] = current[i]! + 8e-11 * (u() < 0.5 ? -1 : 1);
  if (kind === 2) current[at] = current[at]! + 1e-10;
  if (kind === 3) {
    // Clipped at the level where the last eighth of the sweep begins: flat at the maximum.
    const start = points - 1 - Math.floor(points / 8);
    for (let i = start + 1; i < points; i++) current[i] = current[start]!;
  }
  return { bias, current };
}

describe('quality flags: fast paths equal the plain definitions', () => {
  it('departures: each step minus the median of its six neighbours, as a per-point median gives it', () => {
    // Noise with many ties (values on a coarse grid, ±0 among them) and plain noise, 7–600 steps.
    for (let seed = 1; seed <= 300; seed++) {
      const u = mulberry32(seed);
      const m = 7 + ((seed * 53) % 594);
      const coarse = seed % 3 === 0;
      const d = Float64Array.from({ length: m }, () =>
        coarse ? (Math.round(u() * 6) - 3) * 0.5 || (u() < 0.5 ? -0 : 0) : u() - 0.5 + (seed % 5) * 1e-3,
      );
      const fast = new Float64Array(m);
      departures(d, m, fast);
      const window = new Float64Array(6);
      for (let i = 0; i < m; i++) {
        let count = 0;
        for (let j = Math.max(0, i - 3); j <= Math.min(m - 1, i + 3); j++)
          if (j !== i) window[count++] = d[j]!;
        // Equal as numbers (a tie of 0 and −0 may give either sign of zero).
        expect(fast[i]! === d[i]! - medianInPlace(window, count)).toBe(true);
      }
    }
  });

  it('departures with ±Infinity and NaN among the steps: as a per-point median where it is defined', () => {
    const same = (a: number, b: number): boolean => a === b || (a !== a && b !== b);
    for (let seed = 1; seed <= 120; seed++) {
      const u = mulberry32(seed);
      const m = 7 + ((seed * 29) % 300);
      const withNaN = seed % 2 === 0;
      const d = Float64Array.from({ length: m }, () => {
        const r = u();
        if (r < 0.05) return Infinity;
        if (r < 0.1) return -Infinity;
        if (withNaN && r < 0.13) return Number.NaN;
        return Math.round(u() * 8) - 4;
      });
      const fast = new Float64Array(m);
      departures(d, m, fast);
      const window = new Float64Array(6);
      for (let i = 0; i < m; i++) {
        let count = 0;
        let nan = d[i] !== d[i];
        for (let j = Math.max(0, i - 3); j <= Math.min(m - 1, i + 3); j++) {
          if (d[j] !== d[j]) nan = true;
          if (j !== i) window[count++] = d[j]!;
        }
        // A median of values with a NaN among them is not defined; elsewhere the same number.
        if (!nan) expect(same(fast[i]!, d[i]! - medianInPlace(window, count))).toBe(true);
      }
    }
  });

  it('tipChange and secondDifferenceNoise on 400 seeded sweeps of 10–700 points', () => {
    let found = 0;
    /** Steps found by k alone that are not beyond 4 σ of the noise around them. */
    let local = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const points = 10 + ((seed * 37) % 691);
      const { bias, current } = sweep(seed, points);
      const expected = referenceTipChange(bias, current, 6);
      expect(tipChange(bias, current, { k: 6 })?.reason ?? null).toBe(expected);
      const aboveLocal = referenceTipChange(bias, current, 6, 4);
      expect(tipChange(bias, current, { k: 6, localK: 4 })?.reason ?? null).toBe(aboveLocal);
      if (expected && !aboveLocal) local++;
      expect(secondDifferenceNoise(current)).toBe(referenceNoise(current));
      if (expected) found++;
    }
    // The comparison covers sweeps with a finding and without one.
    expect(found).toBeGreaterThan(50);
    expect(found).toBeLessThan(350);
    // The local test changes few findings (the 8e-11 A steps of 2e-12 A noise stand out locally).
    expect(local).toBeLessThan(found / 4);
  });

  it('tipChange near its threshold (steps of 2–12 σ, k of 2–10) equals the plain definition', () => {
    // Where the largest departure is close to k·σ: the count that skips the median (noStepPasses)
    // must never skip a sweep whose step passes.
    let found = 0;
    let sweeps = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const u = mulberry32(9000 + seed);
      const points = 12 + Math.floor(u() * 600);
      const bias = Float64Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
      // σ of a departure is ~1.3× the white noise's (2e-12 A): steps of 2–12 σ.
      const step = (2 + 10 * u()) * 2.6e-12 * (u() < 0.5 ? -1 : 1);
      const at = 2 + Math.floor(u() * (points - 5));
      const current = bias.map(
        (v, i) => 1e-10 * v + 2e-12 * (u() + u() + u() - 1.5) * 2 + (i > at ? step : 0),
      );
      const k = 2 + 8 * u();
      const expected = referenceTipChange(bias, current, k);
      expect(tipChange(bias, current, { k })?.reason ?? null, `seed ${seed}`).toBe(expected);
      sweeps++;
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(sweeps / 5);
    expect(found).toBeLessThan((4 * sweeps) / 5);
  });

  it('a step must stand out from the noise around it: noise growing with the current is not a tip change', () => {
    // 300 seeded 400-point sweeps each: noise of 1 pA + 2 % of the current (as real preamplifier
    // and tunnelling noise grows with it) without any step, and 1 pA Gaussian noise with one
    // 12 pA step.
    const gaussian = (u: () => number): number =>
      Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const bias = Float64Array.from({ length: 400 }, (_, i) => -2 + (4 * i) / 399);
    const counts = { noiseK: 0, noiseLocal: 0, stepK: 0, stepLocal: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const u = mulberry32(seed);
      const noisy = bias.map((v) => {
        const ideal = 1e-10 * Math.sinh(2 * v);
        return ideal + (1e-12 + 0.02 * Math.abs(ideal)) * gaussian(u);
      });
      if (tipChange(bias, noisy, { k: 6 })) counts.noiseK++;
      if (tipChange(bias, noisy, { k: 6, localK: 4 })) counts.noiseLocal++;
      const at = 20 + Math.floor(u() * 360);
      const stepped = bias.map(
        (v, i) => 1e-10 * Math.sinh(2 * v) + 1e-12 * gaussian(u) + (i >= at ? 12e-12 : 0),
      );
      if (tipChange(bias, stepped, { k: 6 })) counts.stepK++;
      if (tipChange(bias, stepped, { k: 6, localK: 4 })) counts.stepLocal++;
    }
    // Measured: noise flagged 300 → 52 of 300; steps found 231 → 231.
    expect(counts.noiseK).toBeGreaterThan(250);
    expect(counts.noiseLocal).toBeLessThan(0.3 * counts.noiseK);
    expect(counts.stepK).toBeGreaterThan(200);
    expect(counts.stepLocal).toBeGreaterThanOrEqual(counts.stepK - 3);
  });

  it('saturation equals its two-pass definition on 400 seeded sweeps (clipped high or low, NaN, ±Infinity)', () => {
    /** The longest run within tolerance of the maximum, then of the minimum, as first written. */
    function plainSaturation(
      bias: Float64Array,
      current: Float64Array,
      run: number,
      k: number,
    ): string | null {
      const n = current.length;
      if (n < run) return null;
      let max = -Infinity;
      let min = Infinity;
      for (const c of current) {
        if (c > max) max = c;
        if (c < min) min = c;
      }
      const noise = referenceNoise(current);
      for (const extreme of [max, min]) {
        const tolerance = Math.max(k * noise, 1e-6 * Math.abs(extreme));
        let length = 0;
        let best = 0;
        let bestEnd = 0;
        for (let i = 0; i < n; i++) {
          length = Math.abs(current[i]! - extreme) <= tolerance ? length + 1 : 0;
          if (length > best) {
            best = length;
            bestEnd = i;
          }
        }
        if (best >= run)
          return `current flat at ${(extreme * 1e9).toPrecision(4)} nA for ${best} points (${bias[bestEnd - best + 1]!.toFixed(3)} to ${bias[bestEnd]!.toFixed(3)} V): clipped`;
      }
      return null;
    }
    let clipped = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { bias, current } = sweep(seed, 20 + ((seed * 31) % 500));
      const u = mulberry32(seed + 1000);
      const n = current.length;
      if (seed % 5 === 1) for (let i = 0; i < Math.floor(n / 6); i++) current[i] = current[0]!; // clipped low
      if (seed % 7 === 2) current[Math.floor(u() * n)] = [Number.NaN, Infinity, -Infinity][seed % 3]!;
      const expected = plainSaturation(bias, current, 5, 4);
      expect(saturation(bias, current, { run: 5, k: 4 })?.reason ?? null).toBe(expected);
      if (expected) clipped++;
    }
    expect(clipped).toBeGreaterThan(100);
    expect(clipped).toBeLessThan(350);
  });

  it('saturation with the noise passed in equals saturation computing it', () => {
    let clipped = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { bias, current } = sweep(seed, 64 + seed);
      const own = saturation(bias, current, { run: 5, k: 4 });
      const given = saturation(bias, current, { run: 5, k: 4, noise: referenceNoise(current) });
      expect(given).toEqual(own);
      if (own) clipped++;
    }
    expect(clipped).toBeGreaterThanOrEqual(50);
  });
});
