// STS-ANALYSIS.md step 9: how repeated sweeps change one spot. For sweep k (1…) of a series:
// VBM_k, CBM_k, Eg_k (V), ΔEg_k = Eg_k − Eg_1 (V), and the in-gap integral (V) of the
// VB-peak-normalised dI/dV (step 8 normalisation) over the FIRST sweep's gap [VBM_1, CBM_1].
// `metallic`: no gap found, or normalised dI/dV at 0 V (linearly interpolated) above
// metallicThreshold (0.1).
import { findBandEdges } from './findBandEdges.ts';
import type { BandEdgeOptions } from './findBandEdges.ts';
import { integrateWindow } from './integrateWindow.ts';
import { normaliseByVbPeak } from './normaliseByVbPeak.ts';
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

function valueAtZero(bias: NumberArray, y: NumberArray): number | null {
  for (let i = 0; i + 1 < bias.length; i++) {
    const a = bias[i]!;
    const b = bias[i + 1]!;
    if (a <= 0 && b >= 0) return a === b ? y[i]! : y[i]! + ((y[i + 1]! - y[i]!) * -a) / (b - a);
  }
  return null;
}

export function seriesDegradation(
  sweeps: ReadonlyArray<SeriesSweep>,
  options: SeriesDegradationOptions = {},
): SweepDegradation[] {
  const { edges: edgeOptions = {}, metallicThreshold = 0.1 } = options;
  const rows: SweepDegradation[] = [];
  let first: { vbm: number | null; cbm: number | null; gap: number | null } | null = null;
  sweeps.forEach((sweep, index) => {
    const edges = findBandEdges(sweep.bias, sweep.didv, edgeOptions);
    if (first === null) first = edges;
    const normalised = normaliseByVbPeak(sweep.bias, sweep.didv);
    const reasons = [edges.reason, normalised.ok ? null : normalised.reason].filter((r) => r !== null);
    let inGap: number | null = null;
    let atZero: number | null = null;
    if (normalised.ok) {
      atZero = valueAtZero(sweep.bias, normalised.normalised);
      if (first.vbm !== null && first.cbm !== null) {
        inGap = integrateWindow(sweep.bias, normalised.normalised, first.vbm, first.cbm);
      }
    }
    rows.push({
      k: index + 1,
      vbm: edges.vbm,
      cbm: edges.cbm,
      gap: edges.gap,
      deltaGap: edges.gap !== null && first.gap !== null ? edges.gap - first.gap : null,
      inGap,
      atZero,
      metallic: edges.gap === null || (atZero !== null && atZero > metallicThreshold),
      reason: reasons.length ? reasons.join('; ') : null,
    });
  });
  return rows;
}
