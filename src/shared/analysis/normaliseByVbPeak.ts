// STS-ANALYSIS.md step 8: a dI/dV spectrum divided by its principal valence-band peak, the highest
// local maximum (scipy find_peaks sense) of dI/dV at V < 0, so spectra from different tips and
// set-points compare on one scale (dimensionless). No peak, or a peak ≤ 0: a reason instead.
import { localMaximaInto } from './localMaxima.ts';
import type { NumberArray, Outcome } from './types.ts';

export type VbPeakNormalised = Outcome<{
  /** dI/dV / peak, dimensionless. */
  normalised: Float64Array;
  /** Height of the principal VB peak, in dI/dV units (A/V). */
  peak: number;
  /** Bias of that peak sample, V. */
  peakBias: number;
}>;

let peakScratch = new Int32Array(0);

/** The highest local maximum at V < 0: its index, or −1. */
export function principalVbPeak(bias: NumberArray, didv: NumberArray): number {
  if (peakScratch.length < didv.length) peakScratch = new Int32Array(didv.length);
  const count = localMaximaInto(didv, peakScratch);
  let best = -1;
  for (let k = 0; k < count; k++) {
    const p = peakScratch[k]!;
    if (bias[p]! < 0 && (best < 0 || didv[p]! > didv[best]!)) best = p;
  }
  return best;
}

export function normaliseByVbPeak(bias: NumberArray, didv: NumberArray): VbPeakNormalised {
  if (bias.length !== didv.length) throw new RangeError('bias and didv must have the same length');
  const p = principalVbPeak(bias, didv);
  if (p < 0) return { ok: false, reason: 'no local maximum of dI/dV at V < 0' };
  const peak = didv[p]!;
  if (!(peak > 0)) return { ok: false, reason: 'the principal VB peak of dI/dV is not positive' };
  const normalised = new Float64Array(didv.length);
  for (let i = 0; i < didv.length; i++) normalised[i] = didv[i]! / peak;
  return { ok: true, normalised, peak, peakBias: bias[p]! };
}
