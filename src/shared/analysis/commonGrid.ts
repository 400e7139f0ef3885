// STS-ANALYSIS.md step 2: the grid that sweeps are resampled onto before they are combined.
// Range: the overlap of the inputs' bias ranges (never beyond any of them: no extrapolation).
// Step: the median of the inputs' own median bias steps (V), so one sweep with a coarse or odd
// step does not set the grid. Points: lo, lo + step, … up to hi (the last one ≤ hi). When all
// sweeps share the same bias points exactly, those points are the grid.
import { medianInPlace } from './quickselect.ts';
import type { NumberArray, Outcome } from './types.ts';

export type CommonGridResult = Outcome<{ grid: Float64Array; step: number }>;

export interface CommonGridOptions {
  /** Grid step in V; when given it replaces the median step. */
  step?: number;
}

/** Median of the positive steps of one ascending bias array (V); NaN for < 2 points. */
export function medianStep(bias: NumberArray, scratch?: Float64Array): number {
  const n = bias.length;
  if (n < 2) return Number.NaN;
  const steps = scratch && scratch.length >= n - 1 ? scratch : new Float64Array(n - 1);
  let uniform = true;
  const first = bias[1]! - bias[0]!;
  for (let i = 1; i < n; i++) {
    const s = bias[i]! - bias[i - 1]!;
    steps[i - 1] = s;
    if (s !== first) uniform = false;
  }
  return uniform ? first : medianInPlace(steps, n - 1);
}

/** The bias array all sweeps share value for value, or null. */
function sharedBias(sweeps: ReadonlyArray<{ bias: NumberArray }>): NumberArray | null {
  const first = sweeps[0]!.bias;
  if (first.length < 2) return null;
  // Sweeps with one setting share one array (prepareCurve), or one per packed chunk in the pool's
  // group stage: each array is compared once (the last one found equal is remembered), not each
  // sweep (3,300 sweeps × 512 values took ~4 ms per group there).
  let equal = first;
  for (let s = 1; s < sweeps.length; s++) {
    const bias = sweeps[s]!.bias;
    if (bias === first || bias === equal) continue;
    if (bias.length !== first.length) return null;
    for (let i = 0; i < bias.length; i++) if (bias[i] !== first[i]) return null;
    equal = bias;
  }
  return first;
}

export function commonGrid(
  sweeps: ReadonlyArray<{ bias: NumberArray }>,
  options: CommonGridOptions = {},
): CommonGridResult {
  if (sweeps.length === 0) return { ok: false, reason: 'no sweeps to combine' };
  const shared = sharedBias(sweeps);
  if (shared && options.step === undefined) {
    // Every sweep has the same bias points: they are the grid (the overlap, at their own step),
    // which spares resampling and keeps the measured values exactly.
    return { ok: true, grid: Float64Array.from(shared), step: medianStep(shared) };
  }
  let lo = -Infinity;
  let hi = Infinity;
  const steps = new Float64Array(sweeps.length);
  let scratch = new Float64Array(0);
  for (let s = 0; s < sweeps.length; s++) {
    const bias = sweeps[s]!.bias;
    if (bias.length < 2) return { ok: false, reason: `sweep ${s} has fewer than 2 points` };
    lo = Math.max(lo, bias[0]!);
    hi = Math.min(hi, bias[bias.length - 1]!);
    if (options.step === undefined) {
      if (scratch.length < bias.length) scratch = new Float64Array(bias.length);
      steps[s] = medianStep(bias, scratch);
    }
  }
  if (!(hi > lo)) return { ok: false, reason: `the sweeps' bias ranges do not overlap` };
  const step = options.step ?? medianInPlace(steps);
  if (!(step > 0) || !Number.isFinite(step))
    return { ok: false, reason: `no positive bias step (got ${step})` };
  // Tolerance of 1e-9 step so a range that is a whole number of steps keeps its last point.
  const count = Math.floor((hi - lo) / step + 1e-9) + 1;
  const grid = new Float64Array(count);
  for (let k = 0; k < count; k++) grid[k] = Math.min(lo + k * step, hi);
  return { ok: true, grid, step };
}
