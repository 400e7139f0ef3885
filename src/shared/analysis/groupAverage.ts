// Pipeline stage for one group (steps 2–8 on the average): resample the group's curves onto their
// common grid, average I(V) point-wise, then differentiate the average (the seed paper averages
// 60–80 I–V curves first, then differentiates), and measure it like a single spectrum.
import { averageCurves } from './averageCurves.ts';
import { commonGrid } from './commonGrid.ts';
import { normalisedConductance } from './normalisedConductance.ts';
import { differentiate } from './prepareSpectrum.ts';
import type { AnalysisRecipe } from './recipe.ts';
import { resampleLinear } from './resampleLinear.ts';
import { spectrumMeasures } from './spectrumMeasures.ts';
import type { SpectrumMeasures } from './spectrumMeasures.ts';
import type { Curve, Outcome } from './types.ts';

/** The curves of a group's averaged spectrum on its common grid (stored with a run; the API's GroupCurves). */
export interface GroupCurves {
  /** Curves averaged. */
  n: number;
  /** Common grid, V. */
  bias: Float64Array;
  /** Mean (or median) current, A. */
  current: Float64Array;
  /** Point-wise sample std of the current (ddof = 1), A. */
  currentStd: Float64Array;
  /** dI/dV of the averaged current, A/V. */
  didv: Float64Array;
  /** Feenstra (dI/dV)/(I/V)‾, dimensionless (step 5). */
  normalisedConductance: Float64Array;
  /** dI/dV / principal VB peak, dimensionless (step 8); null without a VB peak. */
  didvByVbPeak: Float64Array | null;
}

export type GroupAverage = Outcome<SpectrumMeasures & GroupCurves>;

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A group's curves on their common grid, averaged point-wise (the I(V) half of groupAverage). */
export type AveragedGroupCurve = Outcome<{
  grid: Float64Array;
  step: number;
  centre: Float64Array;
  std: Float64Array;
  n: number;
}>;

export function averageGroupCurves(
  curves: ReadonlyArray<Curve>,
  recipe: Pick<AnalysisRecipe, 'average'>,
): AveragedGroupCurve {
  const gridResult = commonGrid(curves);
  if (!gridResult.ok) return gridResult;
  const { grid, step } = gridResult;
  const m = grid.length;
  // Sweeps recorded with the same settings already sit on the grid: their own currents are the
  // rows (read only; copying them was 8 MB per 2,000 curves of 512 points). The others are
  // resampled into one contiguous block.
  // Curves usually share one bias array (prepareCurve): compare each distinct array once.
  let checked: Float64Array | null = null;
  let checkedOnGrid = false;
  const onGrid = curves.map((c) => {
    if (c.bias !== checked) {
      checked = c.bias;
      checkedOnGrid = sameValues(c.bias, grid);
    }
    return checkedOnGrid;
  });
  const resampled = onGrid.reduce((n, same) => (same ? n : n + 1), 0);
  const block = new Float64Array(resampled * m);
  let next = 0;
  const rows = curves.map((c, k): Float64Array => {
    if (onGrid[k]) return c.current;
    const row = block.subarray(next * m, (next + 1) * m);
    next++;
    return resampleLinear(c.bias, c.current, grid, row);
  });
  const averaged = averageCurves(rows, recipe.average);
  return { ok: true, grid, step, centre: averaged.centre, std: averaged.std, n: averaged.n };
}

/** dI/dV of an averaged I(V) and its measures, like a single spectrum's (steps 4–8). */
export function measureAverage(
  averaged: Extract<AveragedGroupCurve, { ok: true }>,
  recipe: AnalysisRecipe,
): GroupAverage {
  const { grid, step, centre } = averaged;
  const m = grid.length;
  const derivative = differentiate({ bias: grid, current: centre, step }, recipe);
  if (!derivative.ok) return derivative;
  const didv = derivative.didv.slice();
  const measures = spectrumMeasures(grid, didv, recipe);
  const feenstra = normalisedConductance(grid, centre, didv, recipe.normalisation);
  let didvByVbPeak: Float64Array | null = null;
  if (measures.vbPeak !== null) {
    didvByVbPeak = new Float64Array(m);
    for (let i = 0; i < m; i++) didvByVbPeak[i] = didv[i]! / measures.vbPeak;
  }
  return {
    ok: true,
    ...measures,
    n: averaged.n,
    bias: grid,
    current: centre,
    currentStd: averaged.std,
    didv,
    normalisedConductance: feenstra.normalised,
    didvByVbPeak,
  };
}

export function groupAverage(curves: ReadonlyArray<Curve>, recipe: AnalysisRecipe): GroupAverage {
  const averaged = averageGroupCurves(curves, recipe);
  return averaged.ok ? measureAverage(averaged, recipe) : averaged;
}
