// Sub-sample position of a band-edge peak from more than three samples: the vertex of the
// least-squares parabola over the peak sample and up to `halfWidth` samples on each side (the same
// number on both sides, so a symmetric peak's apex is not pulled), taking only samples at least
// TOP_FRACTION of the peak's height over `base` (the peak's own top, not a neighbouring band or
// the valley). On the seeded synthetic sessions (2 pA noise, 10 mV steps, Savitzky–Golay 15/3)
// the three-point parabola (parabolicApex) put the band edges 13.9 mV rms from the truth, this fit
// 10.0 mV (p99 38 → 28 mV); the trade is a few mV of pull on a peak that is itself asymmetric
// (docs/ANALYSIS.md). A fit that is not concave, or with fewer than five samples, falls back to
// parabolicApex; the vertex is kept within the fitted samples.
import { parabolicApex } from './parabolicApex.ts';
import type { NumberArray } from './types.ts';

/**
 * Samples above this fraction of the peak's height over the baseline are its top. Lower reaches
 * further down the flanks: less scatter, more pull from an asymmetric peak (0.5: 9.3 mV rms on the
 * synthetic sessions but 10.5 mV off on a noise-free edge peak stepping onto its continuum, where
 * 0.6 gives 9.1 mV and the three-point parabola 5.7 mV).
 */
const TOP_FRACTION = 0.6;

export function fittedApex(
  x: NumberArray,
  y: NumberArray,
  i: number,
  halfWidth: number,
  base: number,
): number {
  const top = base + TOP_FRACTION * (y[i]! - base);
  let left = 0;
  while (left < halfWidth && i - left - 1 >= 0 && y[i - left - 1]! >= top) left++;
  let right = 0;
  while (right < halfWidth && i + right + 1 < x.length && y[i + right + 1]! >= top) right++;
  const k = Math.min(left, right);
  if (k <= 1) return parabolicApex(x, y, i);
  // y ≈ c + b·t + a·t², t = x − x[i]: the normal equations' sums.
  const x0 = x[i]!;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (let j = i - k; j <= i + k; j++) {
    const t = x[j]! - x0;
    const tt = t * t;
    const v = y[j]!;
    s1 += t;
    s2 += tt;
    s3 += tt * t;
    s4 += tt * tt;
    t0 += v;
    t1 += v * t;
    t2 += v * tt;
  }
  const s0 = 2 * k + 1;
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  const b = (s0 * (t1 * s4 - s3 * t2) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
  const a = (s0 * (s2 * t2 - t1 * s3) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2)) / det;
  if (!(a < 0) || !Number.isFinite(b)) return parabolicApex(x, y, i);
  return x0 + Math.min(Math.max(-b / (2 * a), x[i - k]! - x0), x[i + k]! - x0);
}
