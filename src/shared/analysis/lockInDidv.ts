// STS-ANALYSIS.md step 4 with recipe.didvSource 'lock-in': the lock-in channel as dI/dV (A/V).
// With both X and Y, the phase θ is the one that puts the most signal in phase: the direction of
// largest variance of (X, Y), θ = ½·atan2(2·Sxy, Sxx − Syy) (central second moments); the channel
// is X·cos θ + Y·sin θ. It is then scaled to A/V by least squares against the numerical
// derivative (scaleLockIn: scale and offset; R² reports how well the channel is dI/dV).
import { scaleLockIn } from './scaleLockIn.ts';
import type { NumberArray, Outcome } from './types.ts';

export type LockInDidv = Outcome<{ didv: Float64Array; scale: number; phase: number; r2: number }>;

export function inPhase(
  x: NumberArray,
  y: NumberArray | null | undefined,
): { signal: Float64Array; phase: number } {
  const n = x.length;
  if (!y) return { signal: Float64Array.from(x), phase: 0 };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  const phase = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const c = Math.cos(phase);
  const s = Math.sin(phase);
  const signal = new Float64Array(n);
  for (let i = 0; i < n; i++) signal[i] = x[i]! * c + y[i]! * s;
  return { signal, phase };
}

export function lockInDidv(
  x: NumberArray,
  y: NumberArray | null | undefined,
  numericalDidv: NumberArray,
): LockInDidv {
  if (x.length !== numericalDidv.length || (y && y.length !== x.length))
    return { ok: false, reason: 'the lock-in channel has a different number of points from the sweep' };
  const { signal, phase } = inPhase(x, y);
  const fit = scaleLockIn(signal, numericalDidv);
  if (!fit.ok) return fit;
  return { ok: true, didv: fit.scaled, scale: fit.scale, phase, r2: fit.r2 };
}
