// Pipeline stage for one group (steps 2–8 on the average): resample the group's curves onto their
// common grid, average I(V) point-wise, then differentiate the average (the seed paper averages
// 60–80 I–V curves first, then differentiates), and measure it like a single spectrum.
import { averageCurves } from './averageCurves.ts';
import { commonGrid } from './commonGrid.ts';
import { groupRange } from './groupRange.ts';
import { normalisedConductance } from './normalisedConductance.ts';
import { currentNoiseOf, curveNoise } from './noiseProfile.ts';
import { derivativeNoise, differentiate } from './prepareSpectrum.ts';
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
  /**
   * Point-wise sample std (ddof = 1) of the members' own dI/dV (A/V) and normalised conductance
   * (dimensionless), each member differentiated alone (memberSpread): the shading of the Spectra
   * figure. Null when not asked for (live re-analysis) and in runs stored before it was kept.
   */
  didvStd: Float64Array | null;
  normalisedStd: Float64Array | null;
}

/** Which sweeps a group average left out for their narrow bias range (groupRange.ts). */
export interface AverageCoverage {
  /** Positions, in the curves given, of the sweeps left out; usually none. */
  leftOut: number[];
  /** Why, or null when none was. */
  rangeNote: string | null;
}

export type GroupAverage = Outcome<SpectrumMeasures & GroupCurves & AverageCoverage>;

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A group's curves on their common grid, averaged point-wise (the I(V) half of groupAverage). */
export type AveragedGroupCurve = Outcome<
  {
    grid: Float64Array;
    step: number;
    centre: Float64Array;
    std: Float64Array;
    n: number;
  } & AverageCoverage
>;

/** A failed average's reason, with why sweeps were left out of it when some were. */
function withNote(reason: string, note: string | null): string {
  return note === null ? reason : `${reason} (${note})`;
}

/** The curves of `all` but those at the positions `leftOut` (ascending). */
export function withoutPositions<T>(all: ReadonlyArray<T>, leftOut: ReadonlyArray<number>): T[] {
  if (leftOut.length === 0) return all as T[];
  const kept: T[] = [];
  let next = 0;
  for (let k = 0; k < all.length; k++) {
    if (leftOut[next] === k) next++;
    else kept.push(all[k]!);
  }
  return kept;
}

export function averageGroupCurves(
  allCurves: ReadonlyArray<Curve>,
  recipe: Pick<AnalysisRecipe, 'average' | 'averageMinCover'>,
): AveragedGroupCurve {
  const { leftOut, note } = groupRange(allCurves, recipe.averageMinCover);
  const curves = withoutPositions(allCurves, leftOut);
  const gridResult = commonGrid(curves);
  if (!gridResult.ok) return { ok: false, reason: withNote(gridResult.reason, note) };
  const { grid, step } = gridResult;
  const m = grid.length;
  // Sweeps recorded with the same settings already sit on the grid: their own currents are the
  // rows (read only; copying them was 8 MB per 2,000 curves of 512 points). The others are
  // resampled into one contiguous block.
  // Curves usually share one bias array (prepareCurve): compare each distinct array once.
  // Loops, not closures created per call (V8 holds a closure's optimised code only weakly:
  // seriesStage.ts says more).
  let checked: Float64Array | null = null;
  let checkedOnGrid = false;
  const onGrid = new Array<boolean>(curves.length);
  let resampled = 0;
  for (let k = 0; k < curves.length; k++) {
    const bias = curves[k]!.bias;
    if (bias !== checked) {
      checked = bias;
      checkedOnGrid = sameValues(bias, grid);
    }
    onGrid[k] = checkedOnGrid;
    if (!checkedOnGrid) resampled++;
  }
  const block = new Float64Array(resampled * m);
  let next = 0;
  const rows = new Array<Float64Array>(curves.length);
  for (let k = 0; k < curves.length; k++) {
    const c = curves[k]!;
    if (onGrid[k]) rows[k] = c.current;
    else {
      rows[k] = resampleLinear(c.bias, c.current, grid, block.subarray(next * m, (next + 1) * m));
      next++;
    }
  }
  const averaged = averageCurves(rows, recipe.average);
  return {
    ok: true,
    grid,
    step,
    centre: averaged.centre,
    std: averaged.std,
    n: averaged.n,
    leftOut,
    rangeNote: note,
  };
}

/** Linear interpolation of (x, y) at `grid`; NaN outside the sampled range (never extrapolates). */
export function interpolateAt(x: Float64Array, y: Float64Array, grid: Float64Array): Float64Array {
  const out = new Float64Array(grid.length).fill(Number.NaN);
  let j = 0;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    if (g < x[0]! || g > x[x.length - 1]!) continue;
    while (j < x.length - 2 && x[j + 1]! < g) j++;
    const x0 = x[j]!;
    const x1 = x[j + 1]!;
    out[i] = x1 === x0 ? y[j]! : y[j]! + ((y[j + 1]! - y[j]!) * (g - x0)) / (x1 - x0);
  }
  return out;
}

/**
 * One sweep alone as the group average would treat a group of one, from the sweep as
 * prepareCurve left it (`prepared`): its grid (V), dI/dV (A/V) and normalised conductance; null
 * where that fails (too few points for the window).
 */
export function singleSweepDerivative(
  prepared: Curve,
  recipe: AnalysisRecipe,
): { bias: Float64Array; didv: Float64Array; normalised: Float64Array } | null {
  const averaged = averageGroupCurves([prepared], recipe);
  if (!averaged.ok) return null;
  const { grid, step, centre } = averaged;
  const derivative = differentiate({ bias: grid, current: centre, step }, recipe);
  if (!derivative.ok) return null;
  const didv = derivative.didv.slice();
  const normalised = normalisedConductance(grid, centre, didv, recipe.normalisation).normalised;
  return { bias: grid, didv, normalised };
}

/** Point-wise running mean and sum of squared deviations (Welford), finite values only. */
class RunningSpread {
  readonly n: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  constructor(length: number) {
    this.n = new Float64Array(length);
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
  }
  add(row: ArrayLike<number>): void {
    for (let i = 0; i < this.n.length; i++) {
      const v = row[i]!;
      if (!Number.isFinite(v)) continue;
      const n = ++this.n[i]!;
      const d = v - this.mean[i]!;
      this.mean[i] = this.mean[i]! + d / n;
      this.m2[i] = this.m2[i]! + d * (v - this.mean[i]!);
    }
  }
  /** Sample std (ddof = 1); NaN where fewer than 2 finite values. */
  std(): Float64Array {
    return Float64Array.from(this.n, (n, i) => (n < 2 ? Number.NaN : Math.sqrt(this.m2[i]! / (n - 1))));
  }
}

/**
 * The spread the Spectra figure shades: each member curve differentiated alone
 * (singleSweepDerivative), its dI/dV and normalised conductance interpolated onto the group's
 * `grid`, point-wise sample std (ddof = 1) over the members with a finite value. A member whose
 * own grid is the group's (the usual case: sweeps recorded with the same settings share one bias
 * array, checked once per array) is differentiated on it directly, which is the same arithmetic
 * without the copies; the running (Welford) std keeps no member rows (10,000 sweeps × 512 points
 * would be 80 MB for the two quantities).
 */
export function memberSpread(
  members: ReadonlyArray<Curve>,
  grid: Float64Array,
  recipe: AnalysisRecipe,
): { didvStd: Float64Array; normalisedStd: Float64Array } {
  const didvSpread = new RunningSpread(grid.length);
  const normalisedSpread = new RunningSpread(grid.length);
  let checked: Float64Array | null = null;
  let ownStep: number | null = null; // the member's own step when its own grid is `grid`
  for (const member of members) {
    // Each distinct bias array (by identity, then by value) has its own grid computed once.
    if (member.bias !== checked && !(checked !== null && sameValues(member.bias, checked))) {
      checked = member.bias;
      const own = commonGrid([member]);
      ownStep = own.ok && sameValues(own.grid, grid) ? own.step : null;
    }
    if (ownStep !== null) {
      const derivative = differentiate({ bias: grid, current: member.current, step: ownStep }, recipe);
      if (!derivative.ok) continue;
      didvSpread.add(derivative.didv);
      normalisedSpread.add(
        normalisedConductance(grid, member.current, derivative.didv, recipe.normalisation).normalised,
      );
      continue;
    }
    const single = singleSweepDerivative(member, recipe);
    if (!single) continue;
    didvSpread.add(interpolateAt(single.bias, single.didv, grid));
    normalisedSpread.add(interpolateAt(single.bias, single.normalised, grid));
  }
  return { didvStd: didvSpread.std(), normalisedStd: normalisedSpread.std() };
}

/**
 * dI/dV of an averaged I(V) and its measures, like a single spectrum's (steps 4–8); with
 * `members` (the curves given to the average, those it left out too) also the spread of those it
 * averaged (memberSpread), else none.
 */
export function measureAverage(
  averaged: Extract<AveragedGroupCurve, { ok: true }>,
  recipe: AnalysisRecipe,
  members?: ReadonlyArray<Curve>,
): GroupAverage {
  const { grid, step, centre } = averaged;
  const m = grid.length;
  const derivative = differentiate({ bias: grid, current: centre, step }, recipe);
  if (!derivative.ok) return { ok: false, reason: withNote(derivative.reason, averaged.rangeNote) };
  const didv = derivative.didv.slice();
  // The averaged current's noisy blocks (noiseProfile.ts), as a spectrum's; σ stays the smoothed
  // curve's own (curveNoise, as bandWalk takes it without one), as before.
  const noise = derivativeNoise(currentNoiseOf(centre), recipe.derivative, step, curveNoise(didv));
  const measures = spectrumMeasures(grid, didv, recipe, noise);
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
    ...(members
      ? memberSpread(withoutPositions(members, averaged.leftOut), grid, recipe)
      : { didvStd: null, normalisedStd: null }),
    leftOut: averaged.leftOut,
    rangeNote: averaged.rangeNote,
  };
}

/** `spread`: also the members' spread (memberSpread). */
export function groupAverage(
  curves: ReadonlyArray<Curve>,
  recipe: AnalysisRecipe,
  spread = false,
): GroupAverage {
  const averaged = averageGroupCurves(curves, recipe);
  return averaged.ok ? measureAverage(averaged, recipe, spread ? curves : undefined) : averaged;
}
