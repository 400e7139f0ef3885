// STS-ANALYSIS.md step 9: how repeated sweeps change one spot. For sweep k (1…) of a series:
// VBM_k, CBM_k, Eg_k (V), ΔEg_k = Eg_k − Eg_1 (V), and the in-gap integral (V) of the
// VB-peak-normalised dI/dV (step 8 normalisation) over the FIRST sweep's gap [VBM_1, CBM_1].
// `metallic`: no gap found, or normalised dI/dV at 0 V (linearly interpolated) above
// metallicThreshold (0.1).
import { findBandEdges } from './findBandEdges.ts';
import type { BandEdgeOptions, BandEdges } from './findBandEdges.ts';
import { integrateWindow } from './integrateWindow.ts';
import { principalVbPeak } from './normaliseByVbPeak.ts';
import type { NumberArray } from './types.ts';

export interface SeriesSweep {
  /** V, ascending. */
  bias: NumberArray;
  /** Smoothed dI/dV, A/V. */
  didv: NumberArray;
}

export interface SeriesDegradationOptions {
  edges?: BandEdgeOptions;
  /** Normalised dI/dV at 0 V above this marks a sweep metallic. Default 0.1. */
  metallicThreshold?: number;
}

export interface SweepDegradation {
  /** 1-based position in the series. */
  k: number;
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  /** Eg_k − Eg_1, V; null when either gap is missing. */
  deltaGap: number | null;
  /** ∫ normalised dI/dV over [VBM_1, CBM_1], V; null without a first gap or VB peak. */
  inGap: number | null;
  /** Normalised dI/dV at 0 V, or null. */
  atZero: number | null;
  metallic: boolean;
  /** Why an edge or the normalisation is missing; null when all was found. */
  reason: string | null;
}

/** Linear interpolation of y at 0 V; null when 0 V is outside the sweep. */
export function valueAtZero(bias: NumberArray, y: NumberArray): number | null {
  for (let i = 0; i + 1 < bias.length; i++) {
    const a = bias[i]!;
    const b = bias[i + 1]!;
    if (a <= 0 && b >= 0) return a === b ? y[i]! : y[i]! + ((y[i + 1]! - y[i]!) * -a) / (b - a);
  }
  return null;
}

/**
 * One row of the table from a sweep's own edges and principal VB peak height (A/V, null when
 * none) and the first sweep's edges. Works on the raw dI/dV and divides by the peak, so the
 * pipeline needs no normalised copy.
 */
export function sweepDegradation(
  k: number,
  bias: NumberArray,
  didv: NumberArray,
  edges: BandEdges,
  vbPeak: number | null,
  first: BandEdges,
  metallicThreshold: number,
): SweepDegradation {
  let inGap: number | null = null;
  let atZero: number | null = null;
  if (vbPeak !== null && vbPeak > 0) {
    const zero = valueAtZero(bias, didv);
    atZero = zero === null ? null : zero / vbPeak;
    if (first.vbm !== null && first.cbm !== null) {
      const integral = integrateWindow(bias, didv, first.vbm, first.cbm);
      inGap = integral === null ? null : integral / vbPeak;
    }
  }
  const reasons = [
    edges.reason,
    vbPeak !== null && vbPeak > 0 ? null : 'no positive VB peak to normalise by',
  ];
  const reason = reasons.filter((r) => r !== null).join('; ');
  return {
    k,
    vbm: edges.vbm,
    cbm: edges.cbm,
    gap: edges.gap,
    deltaGap: edges.gap !== null && first.gap !== null ? edges.gap - first.gap : null,
    inGap,
    atZero,
    metallic: edges.gap === null || (atZero !== null && atZero > metallicThreshold),
    reason: reason || null,
  };
}

export function seriesDegradation(
  sweeps: ReadonlyArray<SeriesSweep>,
  options: SeriesDegradationOptions = {},
): SweepDegradation[] {
  const { edges: edgeOptions = {}, metallicThreshold = 0.1 } = options;
  let first: BandEdges | null = null;
  return sweeps.map((sweep, index) => {
    const edges = findBandEdges(sweep.bias, sweep.didv, edgeOptions);
    first ??= edges;
    const p = principalVbPeak(sweep.bias, sweep.didv);
    const peak = p < 0 ? null : sweep.didv[p]!;
    return sweepDegradation(index + 1, sweep.bias, sweep.didv, edges, peak, first, metallicThreshold);
  });
}
