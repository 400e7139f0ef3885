import { describe, expect, it } from 'vitest';
import { bandPath } from './paths.ts';
import { linearScale } from './scale.ts';
import type { Scale } from './scale.ts';

/** The band by its definition: runs of points where x, lo and hi all scale to finite pixels. */
function bandByDefinition(x: number[], lo: number[], hi: number[], sx: Scale, sy: Scale): string {
  let d = '';
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 1) {
      const top = run.map((i) => `${sx(x[i]!).toFixed(2)},${sy(hi[i]!).toFixed(2)}`);
      const bottom = run.map((i) => `${sx(x[i]!).toFixed(2)},${sy(lo[i]!).toFixed(2)}`).reverse();
      d += `M${top.join('L')}L${bottom.join('L')}Z`;
    }
    run = [];
  };
  for (let i = 0; i < x.length; i++) {
    if ([sx(x[i]!), sy(lo[i]!), sy(hi[i]!)].every(Number.isFinite)) run.push(i);
    else flush();
  }
  flush();
  return d;
}

/** Mulberry32: seeded uniform numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('bandPath', () => {
  it.each([1, 2, 3, 4])('equals the band by its definition, gaps at NaN and ±Infinity (seed %i)', (seed) => {
    const next = random(seed);
    const n = 300;
    const x = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
    // Single non-finite points, runs of them, a lone finite point between gaps.
    const hole = (v: number): number => {
      const r = next();
      return r < 0.04 ? Number.NaN : r < 0.06 ? Number.POSITIVE_INFINITY : v;
    };
    const lo = x.map((v) => hole(Math.sin(3 * v) - 0.2 * next()));
    const hi = x.map((v, i) => hole(Math.sin(3 * v) + 0.2 * next() + (i % 50 === 0 ? 5 : 0)));
    lo[101] = Number.NaN;
    lo[103] = Number.NaN;
    const sx = linearScale([-2, 2], [60, 1000]);
    const sy = linearScale([-1.5, 1.5], [500, 20]);
    const ours = bandPath(x, lo, hi, sx, sy);
    expect(ours).toBe(bandByDefinition(x, lo, hi, sx, sy));
    expect(ours.split('Z').length).toBeGreaterThan(3);
  });
});
