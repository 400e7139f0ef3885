// Pipeline stage: the numbers of one differentiated spectrum: band edges and in-gap states
// (step 6, spectrumBandEdges), principal VB peak (A/V) (spectrumEdges), and trap integrals of the
// VB-peak-normalised dI/dV (step 8, V) (spectrumTraps, which re-analysis reruns alone when only
// the windows change). The integrals are taken on dI/dV and divided by the peak
// height, which equals integrating the normalised curve.
import type { InGapState } from './bandWalk.ts';
import type { BandEdges } from './findBandEdges.ts';
import { principalVbPeak } from './normaliseByVbPeak.ts';
import type { FlagFinding } from './qualityFlags.ts';
import type { AnalysisRecipe } from './recipe.ts';
import { spectrumBandEdges } from './spectrumBandEdges.ts';
import { trapWindows } from './trapWindows.ts';
import type { TrapWindows } from './trapWindows.ts';
import type { NoiseProfile } from './noiseProfile.ts';
import type { NumberArray } from './types.ts';

export interface SpectrumMeasures {
  edges: BandEdges;
  /** In-gap peaks (bias V, height / principal VB peak, width V). */
  inGapStates: InGapState[];
  /** Flags that follow from dI/dV alone (no-gap, too-few-points). */
  flags: FlagFinding[];
  /** Height of the principal VB peak, A/V; null when there is none or it is ≤ 0. */
  vbPeak: number | null;
  /** Integrals of dI/dV / vbPeak, V; all null without a VB peak. */
  traps: TrapWindows;
}

/** The measures before the trap integrals: edges, in-gap states, dI/dV flags, VB peak. */
export type SpectrumEdges = Omit<SpectrumMeasures, 'traps'>;

export function spectrumEdges(
  bias: NumberArray,
  didv: NumberArray,
  recipe: Pick<AnalysisRecipe, 'edges'>,
  /** σ of dI/dV's noise (A/V), when known. */
  noise?: number | NoiseProfile | null,
): SpectrumEdges {
  const p = principalVbPeak(bias, didv);
  const vbPeak = p >= 0 && didv[p]! > 0 ? didv[p]! : null;
  const found = spectrumBandEdges(bias, didv, recipe.edges, vbPeak, noise);
  const edges: BandEdges = { vbm: found.vbm, cbm: found.cbm, gap: found.gap, reason: found.reason };
  return { edges, inGapStates: found.inGapStates, flags: found.flags, vbPeak };
}

/** Trap integrals of dI/dV / vbPeak (V) over the recipe's windows; all null without a VB peak. */
export function spectrumTraps(
  bias: NumberArray,
  didv: NumberArray,
  measured: Pick<SpectrumEdges, 'edges' | 'vbPeak'>,
  recipe: Pick<AnalysisRecipe, 'traps'>,
): TrapWindows {
  const { edges, vbPeak } = measured;
  if (vbPeak === null) return { deep: null, shallowVb: null, shallowCb: null };
  const raw = trapWindows(bias, didv, { vbm: edges.vbm, cbm: edges.cbm, deep: recipe.traps.deep });
  const scale = (v: number | null) => (v === null ? null : v / vbPeak);
  return { deep: scale(raw.deep), shallowVb: scale(raw.shallowVb), shallowCb: scale(raw.shallowCb) };
}

export function spectrumMeasures(
  bias: NumberArray,
  didv: NumberArray,
  recipe: Pick<AnalysisRecipe, 'edges' | 'traps'>,
  /** σ of dI/dV's noise (A/V), when known. */
  noise?: number | NoiseProfile | null,
): SpectrumMeasures {
  const measured = spectrumEdges(bias, didv, recipe, noise);
  return { ...measured, traps: spectrumTraps(bias, didv, measured, recipe) };
}
