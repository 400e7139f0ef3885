// Every parameter of the analysis in one object, with the defaults of STS-ANALYSIS.md. A result
// stores the recipe that produced it (the caller adds the app version).
import type { AverageMode } from './averageCurves.ts';
import type { DirectionMode } from './combineDirections.ts';
import type { BandEdgeOptions } from './findBandEdges.ts';
import type { HistogramOptions } from './histogram.ts';
import { DEFAULT_SEED } from './random.ts';

export interface AnalysisRecipe {
  /** Step 1: which sweep direction, or the mean of both. */
  direction: DirectionMode;
  /** Step 1: fewest valid points of a usable sweep. */
  minPoints: number;
  /** Step 3: point-wise mean or median of the group's I(V). */
  average: AverageMode;
  /** Step 3/7: average only the first sweep of each series (each spot once), or every sweep. */
  averageSweeps: 'first-of-series' | 'all';
  /** Step 4: Savitzky–Golay (window, polyorder; first derivative, delta = grid step) or central difference. */
  derivative: { method: 'savgol' | 'central'; window: number; polyorder: number };
  /**
   * A sweep whose steps differ from their median by more than this fraction is resampled onto a
   * uniform grid (its own range, median step) before differentiating; Savitzky–Golay assumes one step.
   */
  uniformTolerance: number;
  /** Step 5: Feenstra broadening width ΔV (V) and the offset window (V). */
  normalisation: { deltaV: number; offsetWindow: number };
  /** Step 6. */
  edges: Required<BandEdgeOptions>;
  /** Step 8: deep-trap window, V. */
  traps: { deep: [number, number] };
  /** Step 8: bootstrap of the deep-trap reduction. */
  bootstrap: { resamples: number; seed: number; level: number };
  /** Series detection radius (m) and the metallic threshold of normalised dI/dV at 0 V. */
  series: { radius: number; metallicThreshold: number };
  /** Step 7: histogram bins for VBM, CBM, Eg. */
  histogram: HistogramOptions;
}

/** Frozen so no caller can change the defaults for everyone else; resolveRecipe copies. */
function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

export const DEFAULT_RECIPE: AnalysisRecipe = deepFreeze({
  direction: 'forward',
  minPoints: 8,
  average: 'mean',
  averageSweeps: 'first-of-series',
  derivative: { method: 'savgol', window: 15, polyorder: 3 },
  uniformTolerance: 1e-3,
  normalisation: { deltaV: 1.0, offsetWindow: 0.1 },
  edges: {
    method: 'first-peak',
    prominenceFraction: 0.05,
    heightFraction: 0.15,
    ignoreBelow: 0.1,
    onsetK: 5,
    noiseWindow: 0.2,
    onsetRun: 3,
  },
  traps: { deep: [-0.8, 1.0] },
  bootstrap: { resamples: 2000, seed: DEFAULT_SEED, level: 0.95 },
  series: { radius: 0.5e-9, metallicThreshold: 0.1 },
  histogram: { binWidth: 0.02 },
});

/** A recipe with some sections or fields left out; the rest come from DEFAULT_RECIPE. */
export interface RecipeOverrides {
  direction?: DirectionMode;
  minPoints?: number;
  average?: AverageMode;
  averageSweeps?: AnalysisRecipe['averageSweeps'];
  derivative?: Partial<AnalysisRecipe['derivative']>;
  uniformTolerance?: number;
  normalisation?: Partial<AnalysisRecipe['normalisation']>;
  edges?: BandEdgeOptions;
  traps?: Partial<AnalysisRecipe['traps']>;
  bootstrap?: Partial<AnalysisRecipe['bootstrap']>;
  series?: Partial<AnalysisRecipe['series']>;
  histogram?: HistogramOptions;
}

export function resolveRecipe(overrides: RecipeOverrides = {}): AnalysisRecipe {
  const o = overrides;
  return {
    direction: o.direction ?? DEFAULT_RECIPE.direction,
    minPoints: o.minPoints ?? DEFAULT_RECIPE.minPoints,
    average: o.average ?? DEFAULT_RECIPE.average,
    averageSweeps: o.averageSweeps ?? DEFAULT_RECIPE.averageSweeps,
    derivative: { ...DEFAULT_RECIPE.derivative, ...o.derivative },
    uniformTolerance: o.uniformTolerance ?? DEFAULT_RECIPE.uniformTolerance,
    normalisation: { ...DEFAULT_RECIPE.normalisation, ...o.normalisation },
    edges: { ...DEFAULT_RECIPE.edges, ...o.edges },
    traps: { deep: [...(o.traps?.deep ?? DEFAULT_RECIPE.traps.deep)] as [number, number] },
    bootstrap: { ...DEFAULT_RECIPE.bootstrap, ...o.bootstrap },
    series: { ...DEFAULT_RECIPE.series, ...o.series },
    histogram: o.histogram ?? DEFAULT_RECIPE.histogram,
  };
}
