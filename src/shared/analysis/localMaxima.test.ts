// localMaximaInto (branch-free when there is no plateau) against scipy's _local_maxima_1d written
// plainly: the same indices on seeded noisy curves with plateaus, NaN, ±Infinity and ±0.
import { describe, expect, it } from 'vitest';
import { localMaxima } from './localMaxima.ts';
import { mulberry32 } from './random.ts';

/** scipy.signal._peak_finding_utils._local_maxima_1d, midpoints of plateaus. */
function plainMaxima(y: Float64Array): number[] {
  const peaks: number[] = [];
  let i = 1;
  const last = y.length - 1;
  while (i < last) {
    if (y[i - 1]! < y[i]!) {
      let ahead = i + 1;
      while (ahead < last && y[ahead] === y[i]) ahead++;
      if (y[ahead]! < y[i]!) {
        peaks.push((i + ahead - 1) >> 1);
        i = ahead;
      }
    }
    i++;
  }
  return peaks;
}

describe('localMaxima', () => {
  it('equals the plain plateau walk on 400 seeded curves of 0–600 points', () => {
    let withPlateaus = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const u = mulberry32(seed);
      const n = (seed * 97) % 601;
      const kind = seed % 5;
      const y = Float64Array.from({ length: n }, (_, i) => {
        const r = u();
        if (kind === 1) return Math.round(3 * Math.sin(i / 7) + u()); // plateaus
        if (kind === 2 && r < 0.05) return [Number.NaN, Infinity, -Infinity][Math.floor(u() * 3)]!;
        if (kind === 3 && r < 0.3) return u() < 0.5 ? -0 : 0;
        return Math.sin(i / 20) + 0.05 * (u() - 0.5);
      });
      const expected = plainMaxima(y);
      if (y.some((v, i) => i > 0 && v === y[i - 1])) withPlateaus++;
      expect(Array.from(localMaxima(y))).toEqual(expected);
    }
    expect(withPlateaus).toBeGreaterThan(100);
  });
});
