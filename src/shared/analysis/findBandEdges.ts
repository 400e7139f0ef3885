// STS-ANALYSIS.md step 6: valence- and conduction-band edges (V) of one smoothed dI/dV spectrum.
//
// method 'first-peak' (default, the seed paper's), for each side of 0 V separately:
//   1. peaks = local maxima of dI/dV (scipy.signal.find_peaks, plateaus at their middle), with
//      |V| ≥ ignoreBelow (0.1 V);
//   2. keep those whose prominence (scipy.signal.peak_prominences, wlen=None, over the whole
//      curve) ≥ prominenceFraction (5 %) × the largest dI/dV at any point on that side;
//   3. the principal peak is the highest of those; keep the ones at least heightFraction (15 %)
//      of its height;
//   4. VBM = the kept peak with the largest V < 0, CBM = the one with the smallest V > 0, each
//      refined by the parabola through the peak sample and its neighbours.
// method 'onset': σ = population std (ddof = 0) of dI/dV over |V| < noiseWindow (0.2 V); walking
//   outward from 0 V (CBM from the first V ≥ 0 up, VBM from the last V < 0 down), the edge is the
//   first sample where dI/dV > k·σ (k = 5) holds for `run` (3) consecutive samples; no
//   interpolation between samples.
// Either side may be missing: its value is null and `reason` says why. Nothing is guessed.
import { localMaximaInto } from './localMaxima.ts';
import { parabolicApex } from './parabolicApex.ts';
import { hasProminence } from './peakProminences.ts';
import type { NumberArray } from './types.ts';

export type BandEdgeMethod = 'first-peak' | 'onset';

export interface BandEdgeOptions {
  /** Default 'first-peak'. */
  method?: BandEdgeMethod;
  /** first-peak: minimum prominence as a fraction of the largest dI/dV on the side. Default 0.05. */
  prominenceFraction?: number;
  /** first-peak: minimum height as a fraction of the side's principal peak. Default 0.15. */
  heightFraction?: number;
  /** first-peak: peaks with |V| below this (V) are ignored. Default 0.1. */
  ignoreBelow?: number;
  /** onset: threshold in units of the in-gap noise σ. Default 5. */
  onsetK?: number;
  /** onset: σ is taken over |V| < noiseWindow (V). Default 0.2. */
  noiseWindow?: number;
  /** onset: consecutive samples that must stay above the threshold. Default 3. */
  onsetRun?: number;
}

export interface BandEdges {
  /** Valence-band maximum, V (< 0), or null. */
  vbm: number | null;
  /** Conduction-band minimum, V (> 0), or null. */
  cbm: number | null;
  /** cbm − vbm, V, or null when either is missing. */
  gap: number | null;
  /** Why an edge is missing; null when both were found. */
  reason: string | null;
}

export const DEFAULT_BAND_EDGE_OPTIONS: Required<BandEdgeOptions> = {
  method: 'first-peak',
  prominenceFraction: 0.05,
  heightFraction: 0.15,
  ignoreBelow: 0.1,
  onsetK: 5,
  noiseWindow: 0.2,
  onsetRun: 3,
};

// Scratch buffers reused across calls (the pipeline calls this once per spectrum).
let peakScratch = new Int32Array(0);
let candidateScratch = new Int32Array(0);

type Side = 'vbm' | 'cbm';

function firstPeakSide(
  bias: NumberArray,
  didv: NumberArray,
  peaks: Int32Array,
  peakCount: number,
  side: Side,
  /** Largest dI/dV at any point on this side of 0 V (A/V); −Infinity when there is none. */
  largest: number,
  o: Required<BandEdgeOptions>,
): number | string {
  const negative = side === 'vbm';
  const name = negative ? 'V < 0' : 'V > 0';
  if (largest === -Infinity) return `no data at ${name}`;
  if (!(largest > 0)) return `dI/dV is never positive at ${name}`;
  const minProminence = o.prominenceFraction * largest;
  let count = 0;
  let principal = -Infinity;
  for (let k = 0; k < peakCount; k++) {
    const p = peaks[k]!;
    const v = bias[p]!;
    if (!(negative ? v < 0 : v > 0) || Math.abs(v) < o.ignoreBelow) continue;
    if (!hasProminence(didv, p, minProminence)) continue;
    candidateScratch[count++] = p;
    if (didv[p]! > principal) principal = didv[p]!;
  }
  if (count === 0) {
    return `no peak at ${name} with prominence ≥ ${o.prominenceFraction * 100} % of the largest dI/dV there`;
  }
  const minHeight = o.heightFraction * principal;
  // Candidates are in ascending V: VBM is the last qualifying one, CBM the first.
  for (let c = 0; c < count; c++) {
    const p = candidateScratch[negative ? count - 1 - c : c]!;
    if (didv[p]! >= minHeight) return parabolicApex(bias, didv, p);
  }
  return `no peak at ${name} reaches ${o.heightFraction * 100} % of the principal peak`;
}

function onsetSide(
  bias: NumberArray,
  didv: NumberArray,
  threshold: number,
  side: Side,
  run: number,
): number | string {
  const n = bias.length;
  let start = 0;
  while (start < n && bias[start]! < 0) start++;
  const step = side === 'cbm' ? 1 : -1;
  let i = side === 'cbm' ? start : start - 1;
  let above = 0;
  for (; i >= 0 && i < n; i += step) {
    above = didv[i]! > threshold ? above + 1 : 0;
    if (above === run) return bias[i - step * (run - 1)]!;
  }
  return `dI/dV never stays above the onset threshold for ${run} points at ${side === 'cbm' ? 'V ≥ 0' : 'V < 0'}`;
}

export function findBandEdges(
  bias: NumberArray,
  didv: NumberArray,
  options: BandEdgeOptions = {},
): BandEdges {
  const o = { ...DEFAULT_BAND_EDGE_OPTIONS, ...options };
  if (bias.length !== didv.length) throw new RangeError('bias and didv must have the same length');
  const n = bias.length;
  let vbm: number | string;
  let cbm: number | string;
  if (o.method === 'first-peak') {
    if (peakScratch.length < n) {
      peakScratch = new Int32Array(n);
      candidateScratch = new Int32Array(n);
    }
    const peakCount = localMaximaInto(didv, peakScratch);
    let below = -Infinity;
    let above = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = bias[i]!;
      const d = didv[i]!;
      if (v < 0) {
        if (d > below) below = d;
      } else if (v > 0 && d > above) above = d;
    }
    vbm = firstPeakSide(bias, didv, peakScratch, peakCount, 'vbm', below, o);
    cbm = firstPeakSide(bias, didv, peakScratch, peakCount, 'cbm', above, o);
  } else if (o.method === 'onset') {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(bias[i]!) < o.noiseWindow) {
        sum += didv[i]!;
        count++;
      }
    }
    if (count < 2) {
      const reason = `fewer than 2 points in |V| < ${o.noiseWindow} V to estimate the noise`;
      return { vbm: null, cbm: null, gap: null, reason };
    }
    const centre = sum / count;
    let squares = 0;
    for (let i = 0; i < n; i++) if (Math.abs(bias[i]!) < o.noiseWindow) squares += (didv[i]! - centre) ** 2;
    const threshold = o.onsetK * Math.sqrt(squares / count);
    vbm = onsetSide(bias, didv, threshold, 'vbm', o.onsetRun);
    cbm = onsetSide(bias, didv, threshold, 'cbm', o.onsetRun);
  } else {
    throw new RangeError(`unknown band-edge method ${String(o.method)}`);
  }
  const reasons: string[] = [];
  if (typeof vbm === 'string') reasons.push(`VBM: ${vbm}`);
  if (typeof cbm === 'string') reasons.push(`CBM: ${cbm}`);
  const v = typeof vbm === 'number' ? vbm : null;
  const c = typeof cbm === 'number' ? cbm : null;
  return {
    vbm: v,
    cbm: c,
    gap: v !== null && c !== null ? c - v : null,
    reason: reasons.length ? reasons.join('; ') : null,
  };
}
