// The one adapter between grid maps and the per-spectrum analysis of src/shared/analysis: a grid
// pixel's forward sweep, bias ascending, differentiated with the recipe's derivative, band edges
// by the recipe's method, deep-trap integral and in-gap density of the VB-peak-normalised dI/dV.
// When the default band-edge method changes in src/shared/analysis, only `bandEdgesOf` changes.
//
// Metal guard: a band edge must stand clearly above the noise. The first-peak rule keeps peaks
// whose prominence is ≥ 5 % of the side's largest dI/dV; on a metal with a small, smooth dI/dV the
// noise wiggles pass that test and become "edges". Here an edge is kept only when it stands
// ≥ GUARD_K × σ(dI/dV) clear of the noise, σ propagated from the current noise (third differences
// of I) through the derivative kernel: an edge at a local maximum by that peak's prominence (a
// wiggle on a sloping metallic dI/dV has a noise-sized prominence); an edge elsewhere (onset) by
// its rise above the lowest dI/dV between 0 V and the edge. The band method ('band', the default)
// is exempt: it has noise tests of its own (given the same σ), and its edge peak sits on the band's
// rise, so the guard dropped real edges (pixelEdges.test.ts).
import { bandWalk } from '../analysis/bandWalk.ts';
import { findBandEdges, type BandEdges } from '../analysis/findBandEdges.ts';
import { integrateWindow } from '../analysis/integrateWindow.ts';
import { principalVbPeak } from '../analysis/normaliseByVbPeak.ts';
import { currentNoiseOf } from '../analysis/noiseProfile.ts';
import type { NoiseProfile } from '../analysis/noiseProfile.ts';
import { peakProminence } from '../analysis/peakProminences.ts';
import {
  derivativeNoise,
  derivativeNoiseGain,
  differentiate,
  prepareCurve,
} from '../analysis/prepareSpectrum.ts';
import type { AnalysisRecipe } from '../analysis/recipe.ts';
import { savgolFilter, savgolNoiseGain, widestOddWindow } from '../analysis/savgolFilter.ts';
import type { NumberArray } from '../analysis/types.ts';

/**
 * A pixel's band edges by the recipe's method. The band walk gets the pixel's propagated σ, as the
 * per-spectrum pipeline gives it (its own estimate from the smoothed dI/dV runs low).
 */
function bandEdgesOf(
  bias: NumberArray,
  didv: NumberArray,
  recipe: AnalysisRecipe,
  noise: number | NoiseProfile,
): BandEdges {
  const walk = recipe.edges.method === 'band' ? bandWalk(bias, didv, recipe.edges, null, noise) : undefined;
  return findBandEdges(bias, didv, recipe.edges, walk);
}

/**
 * An edge must stand this many σ(dI/dV) clear. Savitzky–Golay-smoothed white noise (window 15,
 * order 3) has peaks whose prominence exceeds 5.2 σ in 1 % and 6.4 σ in 0.1 % of cases; band-edge
 * peaks of a semiconductor stand tens of σ clear.
 */
export const GUARD_K = 8;

/** Bits of the quality-flag map. */
export const PIXEL_FLAGS = {
  noVbm: 1,
  noCbm: 2,
  /** An edge found by the method was dropped by the metal guard (not above the noise). */
  belowNoise: 4,
  /** The sweep could not be analysed (too few valid points, window longer than the sweep). */
  unusable: 8,
} as const;

export interface PixelMeasures {
  /** V (sample bias); NaN when there is none. */
  vbm: number;
  cbm: number;
  gap: number;
  /** ∫ dI/dV / (principal VB peak) over the recipe's deep window, V; NaN without a VB peak. */
  deepTrap: number;
  /** ∫ dI/dV / (principal VB peak) over [VBM, CBM], V; NaN without both edges. */
  inGap: number;
  flags: number;
}

export type PixelSignal = 'current' | 'didv';

/**
 * σ of white noise on y, from its third differences (variance 20 σ²). A smooth curve adds only
 * h³·y''' per difference, far below the noise on STS sweeps.
 */
function noiseSigma(y: NumberArray): number {
  const n = y.length;
  if (n < 5) return 0;
  let sum = 0;
  for (let i = 0; i + 3 < n; i++) {
    const d = y[i + 3]! - 3 * y[i + 2]! + 3 * y[i + 1]! - y[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum / (n - 3) / 20);
}

/** Index of the sample nearest bias v (bias ascending). */
function nearestIndex(bias: NumberArray, v: number): number {
  let lo = 0;
  let hi = bias.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (bias[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(bias[lo]! - v) <= Math.abs(bias[hi]! - v) ? lo : hi;
}

/** A local maximum within 2 samples of `at`, or -1. */
function nearbyPeak(didv: NumberArray, at: number): number {
  let best = -1;
  for (let i = Math.max(1, at - 2); i <= Math.min(didv.length - 2, at + 2); i++) {
    const isPeak = didv[i]! > didv[i - 1]! && didv[i]! >= didv[i + 1]!;
    if (isPeak && (best < 0 || didv[i]! > didv[best]!)) best = i;
  }
  return best;
}

/**
 * How far an edge stands out (dI/dV units): the prominence of the peak it sits on, or, when it is
 * not at a peak, its dI/dV minus the lowest dI/dV from 0 V out to the edge.
 */
function edgeStanding(bias: NumberArray, didv: NumberArray, edge: number): number {
  const at = nearestIndex(bias, edge);
  const peak = nearbyPeak(didv, at);
  if (peak >= 0) return peakProminence(didv, peak);
  const zero = nearestIndex(bias, 0);
  let lowest = Infinity;
  const [from, to] = at < zero ? [at, zero] : [zero, at];
  for (let i = from; i <= to; i++) if (didv[i]! < lowest) lowest = didv[i]!;
  return didv[at]! - lowest;
}

/**
 * Widest bias span (V) the smoothing of a lock-in dI/dV covers. The lock-in channel is dI/dV
 * already; smoothing is only for its noise, and a cubic Savitzky–Golay window as wide as a band-edge
 * peak lowers that peak more than a broader in-gap state beside it: with the recipe's 15 points on a
 * 100-point sweep of 4 V (0.6 V) the synthetic grids' defect pixels (a trap of 0.5 of the VB peak)
 * had their CBM on the trap in 2,200 of 2,200 (`gridLockIn.test.ts`), on 128 points (0.47 V) in none.
 */
export const LOCK_IN_SMOOTHING_MAX_SPAN = 0.35;

/**
 * The Savitzky–Golay smoothing of a lock-in dI/dV on a grid of `step` V: the recipe's window and
 * order, the window narrowed (odd, ≥ order + 2) to span at most LOCK_IN_SMOOTHING_MAX_SPAN; null
 * (no smoothing) with the central-difference method or where no such window fits.
 */
export function lockInSmoothing(
  recipe: AnalysisRecipe,
  step: number,
): { window: number; polyorder: number } | null {
  const { method, window, polyorder } = recipe.derivative;
  if (method !== 'savgol') return null;
  const narrowed = Math.min(window, widestOddWindow(LOCK_IN_SMOOTHING_MAX_SPAN, step));
  return narrowed >= polyorder + 2 ? { window: narrowed, polyorder } : null;
}

const NONE: PixelMeasures = { vbm: NaN, cbm: NaN, gap: NaN, deepTrap: NaN, inGap: NaN, flags: 0 };

let smoothBuffer = new Float64Array(0);

/**
 * Measures one pixel. `bias` ascending or descending (V), `values` the forward sweep of the chosen
 * channel: a current (A), differentiated by the recipe; or a lock-in dI/dV (any unit), only
 * smoothed (lockInSmoothing: the recipe's Savitzky–Golay window, at most 0.35 V wide) before the
 * edge search.
 */
export function pixelMeasures(
  bias: NumberArray,
  values: NumberArray,
  signal: PixelSignal,
  recipe: AnalysisRecipe,
): PixelMeasures {
  const prepared = prepareCurve({ bias, current: values }, null, recipe);
  if (!prepared.ok) return { ...NONE, flags: PIXEL_FLAGS.unusable | PIXEL_FLAGS.noVbm | PIXEL_FLAGS.noCbm };
  let didv: Float64Array;
  let sigma: number;
  // The current's σ along the sweep where it is clearly noisier than the gap (noiseProfile.ts), as
  // the pipeline's spectra have it; a lock-in channel's second differences are its peaks' curvature.
  let noise: number | NoiseProfile;
  if (signal === 'current') {
    const derived = differentiate(prepared, recipe);
    if (!derived.ok) return { ...NONE, flags: PIXEL_FLAGS.unusable | PIXEL_FLAGS.noVbm | PIXEL_FLAGS.noCbm };
    didv = derived.didv;
    sigma =
      (noiseSigma(prepared.current) * derivativeNoiseGain(recipe.derivative, prepared.step)) / prepared.step;
    // The floor stays the third-difference σ the maps were made with; the noisy blocks come from
    // the current's second differences, as a spectrum's.
    noise = derivativeNoise(currentNoiseOf(prepared.current), recipe.derivative, prepared.step, sigma);
  } else {
    const n = prepared.current.length;
    const smoothing = lockInSmoothing(recipe, prepared.step);
    if (smoothing !== null && n < smoothing.window)
      return { ...NONE, flags: PIXEL_FLAGS.unusable | PIXEL_FLAGS.noVbm | PIXEL_FLAGS.noCbm };
    if (smoothBuffer.length < n) smoothBuffer = new Float64Array(n);
    didv = smoothBuffer.subarray(0, n);
    if (smoothing !== null) savgolFilter(prepared.current, { ...smoothing, deriv: 0, out: didv });
    else didv.set(prepared.current);
    sigma =
      noiseSigma(prepared.current) *
      (smoothing === null ? 1 : savgolNoiseGain(smoothing.window, smoothing.polyorder, 0));
    noise = sigma;
  }
  const bias64 = prepared.bias;
  const edges = bandEdgesOf(bias64, didv, recipe, noise);
  let flags = 0;
  let vbm = edges.vbm ?? NaN;
  let cbm = edges.cbm ?? NaN;
  // The band walk has noise tests of its own (a band must rise minContrast × max(|B|, bandK·σ)
  // above the gap, its peaks stand bandK·σ clear), and its edge peak sits on the band's rise, so
  // its prominence is small by nature: the guard would drop real edges. The other rules have none.
  const floor = recipe.edges.method === 'band' ? -Infinity : GUARD_K * sigma;
  if (!Number.isNaN(vbm) && !(edgeStanding(bias64, didv, vbm) >= floor)) {
    vbm = NaN;
    flags |= PIXEL_FLAGS.belowNoise;
  }
  if (!Number.isNaN(cbm) && !(edgeStanding(bias64, didv, cbm) >= floor)) {
    cbm = NaN;
    flags |= PIXEL_FLAGS.belowNoise;
  }
  if (Number.isNaN(vbm)) flags |= PIXEL_FLAGS.noVbm;
  if (Number.isNaN(cbm)) flags |= PIXEL_FLAGS.noCbm;
  const p = principalVbPeak(bias64, didv);
  const peak = p >= 0 ? didv[p]! : NaN;
  let deepTrap = NaN;
  let inGap = NaN;
  if (peak > 0) {
    const [lo, hi] = recipe.traps.deep;
    deepTrap = (integrateWindow(bias64, didv, lo, hi) ?? NaN) / peak;
    if (!Number.isNaN(vbm) && !Number.isNaN(cbm))
      inGap = (integrateWindow(bias64, didv, vbm, cbm) ?? NaN) / peak;
  }
  return { vbm, cbm, gap: cbm - vbm, deepTrap, inGap, flags };
}
