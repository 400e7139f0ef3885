// A model tunnelling spectrum of a semiconductor nanoplatelet with known truth: dI/dV has a peak
// at each band edge (VBM < 0 < CBM), the bulk band continuum beyond it, in-gap trap states and a
// small constant background; I(V) is its integral from 0 V, plus white current noise.

import { currentFromConductance, withNoise } from './modelCurrent.ts';

export interface SpotTruth {
  /** Band edges, volts (sample bias). */
  vbm: number;
  cbm: number;
  /** In-gap trap amplitude relative to the valence-band peak (dimensionless). */
  trap: number;
  /** Constant background conductance relative to the valence-band peak. */
  background: number;
}

/** Peak conductance at the valence-band edge, A/V. */
export const PEAK_CONDUCTANCE = 1e-9;
/** Gaussian width of the band-edge peaks, volts. */
const EDGE_WIDTH = 0.09;
/** How far beyond an edge the bulk continuum starts, volts. */
const CONTINUUM_GAP = 0.25;

function gauss(v: number, centre: number, width: number): number {
  const z = (v - centre) / width;
  return Math.exp(-0.5 * z * z);
}

/** dI/dV in units of the valence-band peak conductance. */
export function relativeConductance(v: number, spot: SpotTruth): number {
  const edges = gauss(v, spot.vbm, EDGE_WIDTH) + 1.3 * gauss(v, spot.cbm, EDGE_WIDTH);
  const belowVb = Math.max(0, spot.vbm - CONTINUUM_GAP - v);
  const aboveCb = Math.max(0, v - spot.cbm - CONTINUUM_GAP);
  const continuum = 2 * belowVb ** 1.2 + 2.5 * aboveCb ** 1.2;
  const traps = spot.trap * (gauss(v, -0.35, 0.15) + 0.8 * gauss(v, 0.55, 0.2));
  return edges + continuum + traps + spot.background;
}

/** Noise-free I(V) in amperes on the given bias grid (ascending), I(0 V) = 0. */
export function modelCurrent(bias: ArrayLike<number>, spot: SpotTruth): Float64Array {
  return currentFromConductance(bias, (v) => relativeConductance(v, spot), PEAK_CONDUCTANCE);
}

export { withNoise };
