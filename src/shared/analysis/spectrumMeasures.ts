// Pipeline stage: the numbers of one differentiated spectrum: band edges (step 6), principal VB
// peak (A/V) and trap integrals of the VB-peak-normalised dI/dV (step 8, V). The integrals are
// taken on dI/dV and divided by the peak height, which equals integrating the normalised curve.
import { findBandEdges } from './findBandEdges.ts';
import type { BandEdges } from './findBandEdges.ts';
import { principalVbPeak } from './normaliseByVbPeak.ts';
import type { AnalysisRecipe } from './recipe.ts';
import { trapWindows } from './trapWindows.ts';
import type { TrapWindows } from './trapWindows.ts';
import type { NumberArray } from './types.ts';

export interface SpectrumMeasures {
  edges: BandEdges;
  /** Height of the principal VB peak, A/V; null when there is none or it is ≤ 0. */
  vbPeak: number | null;
  /** Integrals of dI/dV / vbPeak, V; all null without a VB peak. */
  traps: TrapWindows;
}

export function spectrumMeasures(
  bias: NumberArray,
  didv: NumberArray,
  recipe: AnalysisRecipe,
): SpectrumMeasures {
  const edges = findBandEdges(bias, didv, recipe.edges);
  const p = principalVbPeak(bias, didv);
  const vbPeak = p >= 0 && didv[p]! > 0 ? didv[p]! : null;
  if (vbPeak === null) return { edges, vbPeak, traps: { deep: null, shallowVb: null, shallowCb: null } };
  const raw = trapWindows(bias, didv, { vbm: edges.vbm, cbm: edges.cbm, deep: recipe.traps.deep });
  const scale = (v: number | null) => (v === null ? null : v / vbPeak);
  return {
    edges,
    vbPeak,
    traps: { deep: scale(raw.deep), shallowVb: scale(raw.shallowVb), shallowCb: scale(raw.shallowCb) },
  };
}
