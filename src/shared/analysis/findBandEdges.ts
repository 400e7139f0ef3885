// STS-ANALYSIS.md step 6: valence- and conduction-band edges (V) of one smoothed dI/dV spectrum.
//
// method 'band' (default): walk inward from each band's maximum; isolated in-gap peaks (dI/dV
//   falls back to the in-gap baseline between them and the band) never become edges, and a
//   metal (no band rising clearly above the in-gap level) has none. Definition in bandWalk.ts.
// method 'first-peak' (the seed paper's; kept for comparison; takes tall in-gap states for edges),
//   for each side of 0 V separately:
//   1. peaks = local maxima of dI/dV (scipy.signal.find_peaks, plateaus at their middle), with
//      |V| ≥ ignoreBelow (0.1 V);
//   2. keep those whose prominence (scipy.signal.peak_prominences, wlen=None, over the whole
//      curve) ≥ prominenceFraction (5 %) × the largest dI/dV at any point on that side;
//   3. the principal peak is the highest of those; keep the ones at least heightFraction (15 %)
//      of its height;
//   4. VBM = the kept peak with the largest V < 0, CBM = the one with the smallest V > 0, each
//      refined by the parabola through the peak sample and its neighbours.
// method 'onset': over |V| < noiseWindow (0.2 V), centre = median and σ = 1.4826 · MAD of dI/dV
//   (robust: in-gap peaks inside the window barely move them); threshold = centre + k·σ (k = 5).
//   Each edge is found walking INWARD from the side's largest dI/dV (so in-gap states beyond the
//   first dip are never reached): the last sample above the threshold before `run` (3)
//   consecutive samples at or below it; no interpolation between samples.
// Either side may be missing: its value is null and `reason` says why. Nothing is guessed.
import { localMaximaInto } from './localMaxima.ts';
import { parabolicApex } from './parabolicApex.ts';
import { bandWalk } from './bandWalk.ts';
import type { BandWalkResult } from './bandWalk.ts';
import { DEFAULT_RECIPE, type AnalysisRecipe } from './recipe.ts';
import { hasProminence } from './peakProminences.ts';
import { medianInPlace } from './quickselect.ts';
import type { NumberArray } from './types.ts';

/**
 * The band-edge options are the recipe's `edges` (recipe.ts documents each, with its default): the
 * type and the defaults are derived from its schema, not declared again here.
 */
export type BandEdgeOptions = Partial<AnalysisRecipe['edges']>;
export type BandEdgeMethod = AnalysisRecipe['edges']['method'];

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

export const DEFAULT_BAND_EDGE_OPTIONS: Required<BandEdgeOptions> = DEFAULT_RECIPE.edges;

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
  const negative = side === 'vbm';
  const name = negative ? 'V < 0' : 'V > 0';
  let top = -1;
  for (let i = 0; i < n; i++) {
    if ((negative ? bias[i]! < 0 : bias[i]! > 0) && (top < 0 || didv[i]! > didv[top]!)) top = i;
  }
  if (top < 0) return `no data at ${name}`;
  if (!(didv[top]! > threshold)) return `dI/dV never exceeds the onset threshold at ${name}`;
  const inward = negative ? 1 : -1;
  let below = 0;
  let last = top;
  for (let i = top; i >= 0 && i < n && (negative ? bias[i]! < 0 : bias[i]! > 0); i += inward) {
    if (didv[i]! > threshold) {
      below = 0;
      last = i;
    } else if (++below === run) return bias[last]!;
  }
  return `dI/dV never falls below the onset threshold for ${run} points at ${name}: no gap on this side`;
}

export function findBandEdges(
  bias: NumberArray,
  didv: NumberArray,
  options: BandEdgeOptions = {},
  /** The band walk of this curve when the caller already has it (method 'band'). */
  walked?: BandWalkResult,
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
    const window: number[] = [];
    for (let i = 0; i < n; i++) if (Math.abs(bias[i]!) < o.noiseWindow) window.push(didv[i]!);
    if (window.length < 2) {
      const reason = `fewer than 2 points in |V| < ${o.noiseWindow} V to estimate the noise`;
      return { vbm: null, cbm: null, gap: null, reason };
    }
    const values = Float64Array.from(window);
    const centre = medianInPlace(values);
    const deviations = values.map((v) => Math.abs(v - centre));
    const threshold = centre + o.onsetK * 1.4826 * medianInPlace(deviations);
    vbm = onsetSide(bias, didv, threshold, 'vbm', o.onsetRun);
    cbm = onsetSide(bias, didv, threshold, 'cbm', o.onsetRun);
  } else if (o.method === 'band') {
    const walk = walked ?? bandWalk(bias, didv, o);
    vbm = walk.vbm.edge;
    cbm = walk.cbm.edge;
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
