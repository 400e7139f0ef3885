// STS-ANALYSIS.md step 6, method 'band' (the default): band edges found by walking inward from
// each band's maximum, so isolated in-gap peaks are never taken for an edge, however tall.
//
// For one smoothed dI/dV spectrum (A/V on an ascending bias grid, V):
//   B  in-gap baseline: 5th percentile of dI/dV between the two sides' maxima (the in-gap span);
//   σ  noise of dI/dV: given by the caller (the pipeline: the current's noise σ_I propagated
//      through the derivative kernel, σ_I · ‖h‖₂), else 1.4826 · MAD of the second-difference
//      residual d[i] − (d[i−1] + d[i+1])/2 divided by √1.5;
//   per side (V < 0 for VBM, V > 0 for CBM):
//   P  the side's largest dI/dV (a band peak, or the sweep end when the band keeps rising);
//   no band onset when P − B < minContrast · max(|B|, bandK·σ): a metal, or a gap too filled to tell;
//   the walk starts at the outermost region reaching B + bandPeakFraction · (P − B) (from the sweep
//   end inward), at its highest sample, which is P unless a region nearly as tall lies further out
//   (a trap can stand above the band-edge peak and the band's tail; see walkStart.ts), and that
//   region's top clears the level by bandK · the noise above the floor there (noisy blocks, the
//   derivative's end kernels);
//   walking from there toward 0 V, each local maximum q (prominence ≥ prominenceFraction · (P − B)
//   and ≥ bandK·σ, |V| ≥ ignoreBelow) belongs to the band when the lowest dI/dV between it and the
//   band's innermost peak so far (the valley v) stays above the baseline:
//      v − B ≥ connectFraction · (min(q, previous peak) − B)  and  v − B ≥ bandK·σ,
//   v lifted by bandK·σ_b first where it lies in a noisy block of the caller's profile
//   (noiseProfile.ts: a dip of a noisy shoulder is noise, not a return to the gap);
//   or when it is itself at least bandPeakFraction (0.75) of P − B above B (an edge peak beside a
//   tail that rises to the sweep end; in-gap states stay below ~0.6 of the band), which only one
//   peak may do (a start peak outward of P, cut off from the sweep end by a dip below
//   B + connectFraction · (P − B), was that one), and none once P, or a peak as prominent as an
//   in-gap state, has joined; where P is the sweep's end sample, or stands less than bandK·σ (σ
//   raised by the derivative's end kernels) above the samples out to the end (the tail still rises
//   where the sweep stops, so P says where the sweep ended, not how tall the band is), the first
//   peak inward of it needs tailPeakFraction (0.55) instead: a smoothed edge peak of a coarse
//   sweep stands 0.6–0.75 of the tail's end;
//   the first maximum that fails both ends the band: it and everything inward are in the gap;
//   except that while the band is only a tail rising to the sweep end and bumps on it (neither P,
//   nor a peak joined by its height, nor one with prominence ≥ inGapK·σ), a failing maximum with
//   prominence < inGapK·σ (too weak to be an in-gap state) is passed over as noise.
//   The edge is the innermost band peak (apex of a parabola fitted over its top, fittedApex.ts).
//   A band without any peak (dI/dV rising to the sweep end) has its edge where dI/dV falls below
//   B + connectFraction · (P − B) walking inward (linear interpolation).
// In-gap states are the local maxima between the two band regions with prominence ≥
// prominenceFraction · (P_VB − B) and ≥ inGapK·σ, σ where the state is when the caller gives a
// profile (noiseProfile.ts; the walk itself uses the profile's floor): bias (apex of the parabola fitted over the top,
// as for the edges), height relative to the principal VB peak, full width at half prominence (V).
import { localMaximaInto } from './localMaxima.ts';
import { fittedApex } from './fittedApex.ts';
import { halfProminenceWidth, hasProminence, peakProminence } from './peakProminences.ts';
import { percentileSorted } from './percentile.ts';
import { selectPair } from './quickselect.ts';
import {
  constantNoise,
  curveNoise,
  noiseAt,
  noiseOver,
  noiseToEnd,
  noiseWithEnds,
  noisyAt,
  withDidvNoise,
} from './noiseProfile.ts';
import type { NoiseProfile } from './noiseProfile.ts';
import { walkStart } from './walkStart.ts';
import type { NumberArray } from './types.ts';

export interface BandWalkOptions {
  /** Candidate peaks need prominence ≥ this × (P − B). */
  prominenceFraction: number;
  /** Peaks with |V| below this (V) are ignored. */
  ignoreBelow: number;
  /** Noise multiple k: peaks, valleys and the band contrast must exceed bandK·σ. */
  bandK: number;
  /** Noise multiple for in-gap states: their prominence must exceed inGapK·σ. */
  inGapK: number;
  /** A peak joins the band when the valley to it stays this fraction of its height above B. */
  connectFraction: number;
  /** A side has a band only when P − B ≥ this × max(|B|, bandK·σ). */
  minContrast: number;
  /** A peak this fraction of P − B above B belongs to the band whatever the valley. */
  bandPeakFraction: number;
  /**
   * bandPeakFraction for the first peak inward of P when P is the sweep's end sample (a tail still
   * rising where the sweep stops).
   */
  tailPeakFraction: number;
  /**
   * Samples each side of the edge peak its apex is fitted over (fittedApex.ts); 1, or absent, is
   * the parabola through three points.
   */
  apexHalfWidth?: number;
}

export interface InGapState {
  /** V: the vertex of the parabola fitted over the peak's top (fittedApex.ts), as for the edges. */
  bias: number;
  /** dI/dV at the apex divided by the principal VB peak (dimensionless). */
  height: number;
  /** Full width at half prominence, V. */
  width: number;
}

export interface BandSide {
  /** The edge, V, or a reason why there is none. */
  edge: number | string;
  /** Index of the innermost band sample: the band region runs from here outward. */
  inner: number;
  /** The side's largest dI/dV, A/V (−Infinity without data). */
  top: number;
}

export interface BandWalkResult {
  vbm: BandSide;
  cbm: BandSide;
  /** In-gap baseline B and noise σ, A/V. */
  baseline: number;
  noise: number;
  inGapStates: InGapState[];
}

let baselineScratch = new Float64Array(0);
const pair = new Float64Array(2);

/** The 5th percentile (numpy 'linear') of didv[from..to], by selection instead of a full sort. */
export function baselineOf(didv: NumberArray, from: number, to: number): number {
  const m = to - from + 1;
  if (baselineScratch.length < m) baselineScratch = new Float64Array(m);
  // The whole scratch buffer, its first m values used (no subarray object per call).
  const values = baselineScratch;
  let finite = true;
  for (let k = 0; k < m; k++) {
    const v = didv[from + k]!;
    values[k] = v;
    if (v !== v) finite = false;
  }
  if (!finite) return percentileSorted(values.subarray(0, m).sort(), 5); // NaN sorts last: keep that behaviour
  const position = 0.05 * (m - 1);
  const below = Math.min(Math.max(Math.floor(position), 0), m - 1);
  // The order statistics `below` and `below + 1` (the latter = the former for one value).
  let a = values[0]!;
  let b = a;
  if (m > 1) {
    selectPair(values, m, below + 1, pair);
    a = pair[0]!;
    b = pair[1]!;
  }
  const t = position - below;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function walkSide(
  bias: NumberArray,
  didv: NumberArray,
  /** 1 at the local maxima of didv. */
  isPeak: Uint8Array,
  side: 'vbm' | 'cbm',
  top: number,
  topIndex: number,
  baseline: number,
  profile: NoiseProfile,
  o: BandWalkOptions,
  /** The profile whose noisy blocks' σ lifts dips (withDidvNoise: read from the dI/dV too). */
  liftProfile: NoiseProfile,
): BandSide {
  const noise = profile.floor;
  const negative = side === 'vbm';
  const name = negative ? 'V < 0' : 'V > 0';
  if (topIndex < 0) return { edge: `no data at ${name}`, inner: -1, top };
  const floor = o.bandK * noise;
  const contrast = top - baseline;
  if (!(contrast >= o.minContrast * Math.max(Math.abs(baseline), floor)) || !(contrast > 0)) {
    // The test it failed, in its own terms: the rise P − B against the larger of |B| and the
    // noise floor kσ (a multiple of B itself read nonsense for a baseline below zero: "−1.76×").
    const needs = `a band needs ${o.minContrast}×`;
    const ratio = !(contrast > 0)
      ? ' (it stays at or below it)'
      : floor >= Math.abs(baseline)
        ? ` (it rises ${(contrast / floor).toFixed(2)}× the ${o.bandK}σ noise floor; ${needs})`
        : ` (it rises ${(contrast / Math.abs(baseline)).toFixed(2)}× the in-gap level${baseline < 0 ? ', which is below zero' : ''}; ${needs})`;
    return {
      edge: `no band onset at ${name}: dI/dV does not rise clearly above the in-gap level${ratio}`,
      inner: topIndex,
      top,
    };
  }
  const fractionProminence = o.prominenceFraction * contrast;
  const inward: 1 | -1 = negative ? 1 : -1;
  const n = bias.length;
  const start = walkStart(
    didv,
    topIndex,
    inward,
    baseline + o.bandPeakFraction * contrast,
    (i) => o.bandK * (noiseWithEnds(profile, i, n) - profile.floor),
  );
  // P says where the sweep ended, not how tall the band is, when it is the sweep's end sample or
  // stands less than bandK·σ above the lowest sample between it and the end (σ there: the end
  // kernels are up to 3.5× noisier): a bump of noise on a tail that still rises there (512-point
  // synthetic grid pixels took such a bump 5 samples from the end for their VBM, 0.8 V into the
  // band, and ended the band at the first bump inward).
  const tailEnd =
    topIndex === (negative ? 0 : n - 1) ||
    !hasProminence(didv, topIndex, o.bandK * noiseToEnd(profile, topIndex, n, inward === 1 ? -1 : 1));
  let edgeIndex =
    start > 0 && start < n - 1 && isPeak[start] === 1 && !(tailEnd && start === topIndex) ? start : -1;
  // Whether a peak joined by its height alone, or P did (a walk that starts at P's peak: a trap
  // nearly as tall beyond a dip to the in-gap level took the VBM 0.83 V into the gap on 512-point
  // grid pixels), or a peak as prominent as an in-gap state (≥ inGapK·σ): no other peak may then
  // join by its height. A walk that starts at a peak outward
  // of P, cut off from the sweep end by a dip to the in-gap level (walkStart found a peak as tall
  // as the band, not the band's tail), has taken that peak for its height: P inward of it, beyond
  // another dip, is a trap standing above the edge peak (the synthetic grids' crown-edge defect
  // pixels, where the trap took the VBM 0.84 V into the gap on 512-point sweeps).
  let heightJoined =
    edgeIndex === topIndex ||
    (edgeIndex >= 0 && !staysAbove(didv, start, -inward, baseline + o.connectFraction * contrast));
  // The band holds more than a tail rising to the sweep end and the bumps on it when it started at
  // P's peak or heightJoined: until then a failing maximum too weak to be an in-gap state is passed
  // over as noise.
  const startedAtPeakP = edgeIndex === topIndex;
  let previousHeight = didv[start]!;
  let valley = Infinity;
  let valleyIndex = start;
  let inner = start;
  for (let i = start + inward; i >= 0 && i < n && (negative ? bias[i]! < 0 : bias[i]! > 0); i += inward) {
    const d = didv[i]!;
    // In a noisy block (noiseProfile.ts) a maximum qualifies, and is passed over as tail noise,
    // against that block's σ, and a dip is lifted by bandK · its σ before the connection test: a
    // noisy shoulder's dips are noise, not a return to the gap. Requiring the dip to stand
    // bandK · σ_b clear of the gap instead lost edges (93 % within 60 mV at 0.5 % current noise
    // on the Gaussian model, against 99 %).
    // hasProminence(…, t) ⇔ prominence ≥ t exactly, but stops scanning early. σ is read at maxima only.
    if (
      isPeak[i] === 1 &&
      Math.abs(bias[i]!) >= o.ignoreBelow &&
      hasProminence(didv, i, Math.max(fractionProminence, o.bandK * noiseAt(profile, i)))
    ) {
      const endProminence = Math.max(fractionProminence, o.inGapK * noiseAt(profile, i));
      const lower = Math.min(d, previousHeight) - baseline;
      const lifted = valley + o.bandK * noisyAt(liftProfile, valleyIndex) - baseline;
      const connected = lifted >= o.connectFraction * lower && lifted >= floor;
      // A peak nearly as tall as the band is the band's, even where dI/dV dips between it and a
      // tail rising to the sweep end (in-gap states stay below ~0.6 of the band). Only one peak
      // joins by its height alone, and none once P or a peak as prominent as an in-gap state has
      // joined: a second as tall, beyond another dip, is a trap standing as high as the edge peak
      // (the synthetic grid's defect pixels, a degraded sweep's CB under a low tail).
      // Beside a tail that still rises where the sweep stops, P is only where the sweep ended: the
      // first peak inward of it needs tailPeakFraction of the rise (a smoothed edge peak of a
      // coarse sweep stands ~0.6–0.75 of the tail's end on synthetic grids of 100–200 points).
      const fraction = tailEnd && edgeIndex < 0 ? o.tailPeakFraction : o.bandPeakFraction;
      const tall = d - baseline >= fraction * contrast;
      if (connected || (tall && !heightJoined)) {
        if (!connected || i === topIndex || hasProminence(didv, i, endProminence)) heightJoined = true;
        edgeIndex = i;
        previousHeight = d;
        valley = Infinity;
        valleyIndex = i;
        inner = i;
        continue;
      }
      // While the band is only a tail rising to the sweep end (and bumps on it), a maximum too weak
      // to be an in-gap state (prominence < inGapK·σ) is noise on that tail: it neither joins nor
      // ends the band, and the walk goes on to the edge peak beyond it. Once the band holds more,
      // any failing maximum ends it (skipping there let traps join the band in the probe).
      if (startedAtPeakP || heightJoined || hasProminence(didv, i, endProminence)) break;
    }
    if (d < valley) {
      valley = d;
      valleyIndex = i;
    }
  }
  if (edgeIndex >= 0)
    return { edge: fittedApex(bias, didv, edgeIndex, o.apexHalfWidth ?? 1, baseline), inner, top };
  // A band without a peak: where it falls below B + connectFraction·(P − B), walking inward.
  const level = baseline + o.connectFraction * contrast;
  for (let i = start; i + inward >= 0 && i + inward < n; i += inward) {
    const a = didv[i]!;
    const b = didv[i + inward]!;
    if (a >= level && b < level) {
      const t = (a - level) / (a - b);
      const v = bias[i]! + t * (bias[i + inward]! - bias[i]!);
      return negative === v < 0
        ? { edge: v, inner: i, top }
        : { edge: `no band onset at ${name}`, inner: i, top };
    }
  }
  return {
    edge: `dI/dV never falls to the in-gap level at ${name}: no gap on this side`,
    inner: topIndex,
    top,
  };
}

/** Whether didv stays at or above `level` from index `from` to the sweep end in direction `step` (±1). */
function staysAbove(didv: NumberArray, from: number, step: number, level: number): boolean {
  for (let i = from; i >= 0 && i < didv.length; i += step) if (!(didv[i]! >= level)) return false;
  return true;
}

/** Samples each side of an in-gap state whose σ it is judged by: half the default Savitzky–Golay window. */
const STATE_REACH = 7;

let peakScratch = new Int32Array(0);
let isPeakScratch = new Uint8Array(0);

export function bandWalk(
  bias: NumberArray,
  didv: NumberArray,
  o: BandWalkOptions,
  /** Height (A/V) that in-gap heights are divided by; default the largest dI/dV at V < 0. */
  principalVb?: number | null,
  /**
   * σ of dI/dV's noise (A/V) when the caller knows it: one value, or a profile along the sweep (the
   * pipeline propagates the current's noise through the derivative kernel, noiseProfile.ts);
   * default curveNoise(didv), which underestimates it on smoothed curves.
   */
  knownNoise?: number | NoiseProfile | null,
): BandWalkResult {
  const n = bias.length;
  if (peakScratch.length < n) {
    peakScratch = new Int32Array(n);
    isPeakScratch = new Uint8Array(n);
  }
  const profile =
    knownNoise === null || knownNoise === undefined
      ? constantNoise(curveNoise(didv))
      : typeof knownNoise === 'number'
        ? constantNoise(knownNoise)
        : knownNoise;
  const noise = profile.floor;
  // The scratch buffers whole, their first count / n entries used (no subarray objects).
  const count = localMaximaInto(didv, peakScratch);
  const peaks = peakScratch;
  const isPeak = isPeakScratch;
  isPeak.fill(0, 0, n);
  for (let k = 0; k < count; k++) isPeak[peaks[k]!] = 1;
  let vbTop = -Infinity;
  let vbIndex = -1;
  let cbTop = -Infinity;
  let cbIndex = -1;
  for (let i = 0; i < n; i++) {
    const v = bias[i]!;
    const d = didv[i]!;
    if (Math.abs(v) < o.ignoreBelow) continue;
    if (v < 0 && d > vbTop) {
      vbTop = d;
      vbIndex = i;
    } else if (v > 0 && d > cbTop) {
      cbTop = d;
      cbIndex = i;
    }
  }
  const from = vbIndex >= 0 ? vbIndex : 0;
  const to = cbIndex >= 0 ? cbIndex : n - 1;
  const baseline = baselineOf(didv, Math.min(from, to), Math.max(from, to));
  // A noisy block's dips are lifted by its σ read from the dI/dV too (withDidvNoise: noise of a few
  // samples' period that second differences barely see); its maxima and in-gap states are judged
  // against the current's σ through the kernel. Judging them against the dI/dV's reading as well
  // kept the band's onset bumps from qualifying: `Bias-Spectroscopy002.dat`'s CBM went to 0.15 V.
  const liftProfile = withDidvNoise(profile, didv);
  const vbm = walkSide(bias, didv, isPeak, 'vbm', vbTop, vbIndex, baseline, profile, o, liftProfile);
  const cbm = walkSide(bias, didv, isPeak, 'cbm', cbTop, cbIndex, baseline, profile, o, liftProfile);
  // In-gap states: strictly inside the band regions (or the whole side when a band is missing).
  const lo = typeof vbm.edge === 'number' ? vbm.inner : -1;
  const hi = typeof cbm.edge === 'number' ? cbm.inner : n;
  const reference = principalVb ?? (vbTop > 0 ? vbTop : null);
  // In-gap states get a noise multiple of their own: a gap of a few hundred points holds dozens of
  // noise maxima, and bandK·σ (made for the few peaks a band walk meets) lets several through.
  // Each against σ where it is (the largest over STATE_REACH samples each side): a gap that runs
  // onto a band's noisy shoulder held one spurious state per few maxima there.
  const fractionProminence = o.prominenceFraction * (Math.max(vbTop, cbTop) - baseline);
  const inGapStates: InGapState[] = [];
  if (reference !== null && reference > 0 && typeof vbm.edge === 'number' && typeof cbm.edge === 'number') {
    for (let k = 0; k < count; k++) {
      const index = peaks[k]!;
      if (index <= lo || index >= hi) continue;
      const minProminence = Math.max(
        fractionProminence,
        o.inGapK * noiseOver(profile, index - STATE_REACH, index + STATE_REACH),
      );
      if (!hasProminence(didv, index, minProminence)) continue;
      inGapStates.push({
        bias: fittedApex(bias, didv, index, o.apexHalfWidth ?? 1, baseline),
        height: didv[index]! / reference,
        width: halfProminenceWidth(bias, didv, index, peakProminence(didv, index)),
      });
    }
  }
  return { vbm, cbm, baseline, noise, inGapStates };
}
