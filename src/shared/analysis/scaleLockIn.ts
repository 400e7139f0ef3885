// STS-ANALYSIS.md step 4: a lock-in channel (in volts or the instrument's unit) shown as dI/dV in
// A/V. Least squares: numericalDidv ≈ scale · lockIn + offset, over the points where both are
// finite. The offset is fitted by default because lock-in outputs carry a demodulation offset;
// with { offset: false } the fit goes through the origin. r2 is the coefficient of determination
// of the fit, a check that the channel really is dI/dV.
import { assertSameLength } from './assertNumberArray.ts';
import type { NumberArray, Outcome } from './types.ts';

export interface ScaleLockInOptions {
  /** Fit an additive offset as well as the scale. Default true. */
  offset?: boolean;
}

export type ScaleLockInResult = Outcome<{
  /** A/V per lock-in unit. */
  scale: number;
  /** A/V. */
  offset: number;
  r2: number;
  /** scale · lockIn + offset, A/V. */
  scaled: Float64Array;
}>;

export function scaleLockIn(
  lockIn: NumberArray,
  numericalDidv: NumberArray,
  options: ScaleLockInOptions = {},
): ScaleLockInResult {
  const { offset: withOffset = true } = options;
  assertSameLength(lockIn, numericalDidv, 'lockIn and numericalDidv');
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < lockIn.length; i++) {
    const x = lockIn[i]!;
    const y = numericalDidv[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    sx += x;
    sy += y;
  }
  if (n < (withOffset ? 3 : 2)) return { ok: false, reason: `only ${n} usable points for the lock-in fit` };
  // Centred sums for the offset fit (no cancellation); raw sums through the origin.
  const mx = withOffset ? sx / n : 0;
  const my = withOffset ? sy / n : 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < lockIn.length; i++) {
    const x = lockIn[i]!;
    const y = numericalDidv[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  if (!(sxx > 0)) return { ok: false, reason: 'the lock-in channel is constant' };
  const scale = sxy / sxx;
  const offset = my - scale * mx;
  const scaled = new Float64Array(lockIn.length);
  let residual = 0;
  let total = 0;
  const mean = sy / n;
  for (let i = 0; i < lockIn.length; i++) {
    scaled[i] = scale * lockIn[i]! + offset;
    const y = numericalDidv[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(lockIn[i]!)) continue;
    residual += (y - scaled[i]!) ** 2;
    total += (y - mean) ** 2;
  }
  return { ok: true, scale, offset, r2: total > 0 ? 1 - residual / total : 1, scaled };
}
