// Pipeline stage for one spectrum: tidy (step 1), pick/combine directions, put it on a uniform
// grid when its steps are uneven, and differentiate (step 4). Buffers for the derivative are
// reused across calls; the tidy curve is the only per-spectrum allocation.
import { centralDifference } from './centralDifference.ts';
import { combineDirections } from './combineDirections.ts';
import { medianStep } from './commonGrid.ts';
import { resampleLinear } from './resampleLinear.ts';
import type { AnalysisRecipe } from './recipe.ts';
import { didvNoise } from './noiseProfile.ts';
import type { CurrentNoise, NoiseProfile } from './noiseProfile.ts';
import { savgolEndGains, savgolFilter, savgolNoiseGain, widestOddWindow } from './savgolFilter.ts';
import { tidySweep } from './tidySweep.ts';
import type { CurveArena } from './curveArena.ts';
import type { Curve, NumberArray, Outcome } from './types.ts';

export interface RawSweep {
  /** V, acquisition order. */
  bias: NumberArray;
  /** A. */
  current: NumberArray;
}

/** A curve ready for differentiation: strictly ascending, uniform step (V). */
export type PreparedCurve = Curve & { step: number };

let stepScratch = new Float64Array(0);

/**
 * The last tidy bias array and what was found about it (median step V, uneven). Sweeps recorded
 * with the same settings have the same bias values: they share this one read-only array (tidySweep's
 * sameBias), and its step and evenness are not recomputed (a median of all steps per sweep).
 */
let lastBias: { bias: Float64Array; step: number; uneven: boolean } | null = null;
let lastTolerance = Number.NaN;

function tidyOrNull(
  sweep: RawSweep | null | undefined,
  minPoints: number,
  arena: CurveArena | null,
): Outcome<Curve> | null {
  if (!sweep) return null;
  return tidySweep(sweep.bias, sweep.current, { minPoints, sameBias: lastBias?.bias, arena });
}

/** Median step (V) of an ascending bias array and whether any step departs from it by more than the tolerance. */
function stepOf(bias: Float64Array, uniformTolerance: number): { step: number; uneven: boolean } {
  const n = bias.length;
  if (stepScratch.length < n) stepScratch = new Float64Array(n);
  const step = medianStep(bias, stepScratch);
  let uneven = false;
  const tolerance = uniformTolerance * step;
  for (let i = 1; i < n && !uneven; i++) uneven = Math.abs(bias[i]! - bias[i - 1]! - step) > tolerance;
  return { step, uneven };
}

export function prepareCurve(
  forward: RawSweep | null,
  backward: RawSweep | null | undefined,
  recipe: AnalysisRecipe,
  /** Where the tidy currents go (curveArena.ts); new arrays when absent. */
  arena: CurveArena | null = null,
): Outcome<PreparedCurve> {
  const f = recipe.direction === 'backward' ? null : tidyOrNull(forward, recipe.minPoints, arena);
  const b = recipe.direction === 'forward' ? null : tidyOrNull(backward, recipe.minPoints, arena);
  if (f && !f.ok) return f;
  if (b && !b.ok) return b;
  const combined = combineDirections(f?.ok ? f : null, b?.ok ? b : null, recipe.direction);
  if (!combined.ok) return combined;
  const { bias, current } = combined;
  const n = bias.length;
  // The evenness depends on the tolerance too: reuse it only under the same one.
  if (lastBias?.bias !== bias || lastTolerance !== recipe.uniformTolerance) {
    lastBias = { bias, ...stepOf(bias, recipe.uniformTolerance) };
    lastTolerance = recipe.uniformTolerance;
  }
  const { step, uneven } = lastBias;
  if (!uneven) return { ok: true, bias, current, step };
  const count = Math.floor((bias[n - 1]! - bias[0]!) / step + 1e-9) + 1;
  const grid = new Float64Array(count);
  for (let k = 0; k < count; k++) grid[k] = Math.min(bias[0]! + k * step, bias[n - 1]!);
  if (count < recipe.minPoints) return { ok: false, reason: `only ${count} points on a uniform grid` };
  return { ok: true, bias: grid, current: resampleLinear(bias, current, grid), step };
}

let didvBuffer = new Float64Array(0);

/**
 * The Savitzky–Golay window used on a grid of `step` V: the recipe's window, narrowed (odd, at least
 * polyorder + 2) to span at most `maxSpan` V. The recipe's 15 points span 0.12 V on a 512-point
 * sweep of 4 V but 0.6 V on a 100-point one: a cubic fit that wide flattened a band-edge peak
 * (FWHM ~0.15 V) below a broad trap beside it, which then joined the band (docs/ANALYSIS.md).
 */
export function savgolWindow(derivative: AnalysisRecipe['derivative'], step: number): number {
  const { window, polyorder, maxSpan } = derivative;
  const widest = widestOddWindow(maxSpan, step);
  const narrowest = polyorder + 2 + ((polyorder + 1) % 2);
  return Math.max(Math.min(window, widest), Math.min(window, narrowest));
}

/**
 * How white noise of σ on the current becomes σ of dI/dV (× 1/step): the root of the sum of squares
 * of the derivative's interior kernel (a central difference: 1/√2).
 */
export function derivativeNoiseGain(derivative: AnalysisRecipe['derivative'], step: number): number {
  if (derivative.method === 'central') return Math.SQRT1_2;
  return savgolNoiseGain(savgolWindow(derivative, step), derivative.polyorder, 1);
}

/** A one-sided difference's gain at each end over the central difference's interior one: √2 / (1/√2). */
const CENTRAL_END_GAINS = Float64Array.of(2);

/**
 * derivativeNoiseGain at the sweep's first samples over the interior's (the last mirror them): the
 * derivative's end kernels are one-sided, and noisier (savgolEndGains).
 */
function derivativeEndGains(derivative: AnalysisRecipe['derivative'], step: number): Float64Array {
  if (derivative.method === 'central') return CENTRAL_END_GAINS;
  return savgolEndGains(savgolWindow(derivative, step), derivative.polyorder, 1);
}

/**
 * The σ of a sweep's dI/dV along it (A/V), from its current's noise (A, currentNoiseOf) through
 * the derivative on a grid of `step` V: interior gain, end gains and noisy blocks; `floor` (A/V)
 * when the caller measures the sweep's σ another way (a grid pixel's third differences, an
 * average's smoothed curve).
 */
export function derivativeNoise(
  noise: CurrentNoise,
  derivative: AnalysisRecipe['derivative'],
  step: number,
  floor?: number,
): NoiseProfile {
  const scale = derivativeNoiseGain(derivative, step) / step;
  return didvNoise(noise, scale, derivativeEndGains(derivative, step), floor ?? noise.sigma * scale);
}

/**
 * Says what savgolWindow did on a grid of `step` V (a view's note), or null when the window was
 * used as set.
 */
export function narrowedWindowNote(derivative: AnalysisRecipe['derivative'], step: number): string | null {
  if (derivative.method !== 'savgol') return null;
  const used = savgolWindow(derivative, step);
  return used < derivative.window
    ? `Savitzky–Golay ${used} points: the window of ${derivative.window} narrowed to span at most ` +
        `${derivative.maxSpan} V (${(1000 * Math.abs(step)).toFixed(0)} mV a step)`
    : null;
}

/**
 * dI/dV (A/V) of a prepared curve. Returns a view into a buffer that the next call overwrites;
 * copy it (slice) to keep it.
 */
export function differentiate(curve: PreparedCurve, recipe: AnalysisRecipe): Outcome<{ didv: Float64Array }> {
  const n = curve.bias.length;
  if (didvBuffer.length < n) didvBuffer = new Float64Array(Math.max(n, 2 * didvBuffer.length));
  const out = didvBuffer.subarray(0, n);
  const { method, polyorder } = recipe.derivative;
  if (method === 'central') return { ok: true, didv: centralDifference(curve.bias, curve.current, out) };
  const window = savgolWindow(recipe.derivative, curve.step);
  if (n < window)
    return { ok: false, reason: `${n} points, fewer than the Savitzky–Golay window (${window})` };
  return {
    ok: true,
    didv: savgolFilter(curve.current, { window, polyorder, deriv: 1, delta: curve.step, out }),
  };
}
