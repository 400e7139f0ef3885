// The demo's band model (stsModel.ts keeps the earlier model other generators use): a model tunnelling spectrum of a semiconductor nanoplatelet with known truth. dI/dV (in units
// of the principal valence-band peak) has, on each side of the gap, a band: a band-edge peak at
// the edge (~0.35 of the principal peak), a step onto the band continuum just beyond it, the
// principal band peak deeper in and a rising tail; in the gap, isolated in-gap states (Gaussians
// of 0.1–0.6 of the principal peak) on a small constant background. Between an in-gap state and
// the band dI/dV falls back to the background; between the edge peak and the principal peak it
// does not. I(V) is the integral of dI/dV from 0 V; noise is added to the current.

import { currentFromConductance, withNoise } from './modelCurrent.ts';

export interface InGapTruth {
  /** Centre, V. */
  bias: number;
  /** Height relative to the principal VB peak. */
  height: number;
  /** Gaussian σ, V. */
  width: number;
}

export interface SpotTruth {
  /** Nominal band edges, volts (sample bias): centres of the band-edge peaks. */
  vbm: number;
  cbm: number;
  /** In-gap states. */
  inGap: InGapTruth[];
  /** Constant background conductance relative to the principal VB peak. */
  background: number;
}

/** Conductance of the principal VB peak, A/V. */
export const PEAK_CONDUCTANCE = 1e-9;
/** Gaussian σ of the band-edge peaks, volts. */
const EDGE_WIDTH = 0.05;

function gauss(v: number, centre: number, width: number): number {
  const z = (v - centre) / width;
  return Math.exp(-0.5 * z * z);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One band's dI/dV at depth d (V) into it (d < 0 in the gap), relative units. */
function band(d: number, scale: number): number {
  const edge = 0.35 * gauss(d, 0, EDGE_WIDTH);
  const step = 0.12 * sigmoid((d - 0.05) / 0.025);
  const principal = 0.75 * gauss(d, 0.45, 0.15);
  const tail = 0.6 * Math.max(0, d - 0.8) ** 1.5;
  return scale * (edge + step + principal + tail);
}

/** The principal VB peak of the band alone (relative units): the band's largest value within 0.8 V of its edge. */
export function principalBandPeak(): number {
  let best = 0;
  for (let k = 0; k <= 800; k++) best = Math.max(best, band(k * 1e-3, 1));
  return best;
}

/** dI/dV of the two bands alone (no in-gap states, no background), relative units. */
export function bandConductance(v: number, spot: Pick<SpotTruth, 'vbm' | 'cbm'>): number {
  return band(spot.vbm - v, 1) + band(v - spot.cbm, 1.2);
}

/** dI/dV in units of the principal VB peak conductance. */
export function relativeConductance(v: number, spot: SpotTruth): number {
  let traps = 0;
  for (const s of spot.inGap) traps += s.height * gauss(v, s.bias, s.width);
  return bandConductance(v, spot) + traps + spot.background;
}

/**
 * The true band edges of a spot: the apex of the band-edge peak of the noise-free band DOS (a few
 * mV beyond the nominal centre, where the step onto the continuum tilts it), found on a 0.1 mV grid.
 */
export function trueEdges(spot: Pick<SpotTruth, 'vbm' | 'cbm'>): { vbm: number; cbm: number } {
  const apex = (centre: number): number => {
    let best = centre;
    let bestValue = -Infinity;
    for (let k = -600; k <= 600; k++) {
      const v = centre + k * 1e-4;
      const value = bandConductance(v, spot);
      if (value > bestValue) {
        bestValue = value;
        best = v;
      }
    }
    return best;
  };
  return { vbm: apex(spot.vbm), cbm: apex(spot.cbm) };
}

/** Noise-free I(V) in amperes on the given bias grid (ascending), I(0 V) = 0. */
export function modelCurrent(bias: ArrayLike<number>, spot: SpotTruth): Float64Array {
  return currentFromConductance(bias, (v) => relativeConductance(v, spot), PEAK_CONDUCTANCE);
}

export { withNoise };

/** Clips the current at ±level (A), as a saturated preamplifier or a limited sweep range would. */
export function clipped(current: Float64Array, level: number): Float64Array {
  return current.map((value) => Math.max(-level, Math.min(level, value)));
}

/** A tip change at point `at`: from there on the current is scaled by `factor` and offset by `offset` (A). */
export function withTipChange(
  current: Float64Array,
  at: number,
  factor: number,
  offset: number,
): Float64Array {
  return current.map((value, i) => (i < at ? value : value * factor + offset));
}
