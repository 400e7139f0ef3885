// The group spectra of one worker call equal what the Spectra view computed before: the average of
// averageAndDifferentiate(all) value for value, and the spread within 1e-12 of each member's
// averageAndDifferentiate([member]) interpolated onto the average's grid, two-pass point-wise std
// (the worker keeps a running std, memberSpread). Several seeds and recipes.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import type { RecipeOverrides } from '../shared/analysis/index.ts';
import { analysisWorkerApi } from './analysisApi.ts';
import { groupSpectraOf, interpolateAt, packCurves, unpackCurves } from './groupSpectra.ts';
import { relativeDifference } from '../testing/relativeDifference.ts';

/** Point-wise sample std (ddof = 1) over rows, two passes; NaN where fewer than 2 finite values. */
function pointwiseStd(rows: Float64Array[], length: number): Float64Array {
  return Float64Array.from({ length }, (_, i) => {
    const finite = rows.map((r) => r[i]!).filter(Number.isFinite);
    if (finite.length < 2) return Number.NaN;
    const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
    return Math.sqrt(finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (finite.length - 1));
  });
}

type Sweep = { bias: Float64Array; current: Float64Array };

/** The Spectra view's former computation, call by call. */
function formerGroupSpectra(curves: Sweep[], recipe: RecipeOverrides) {
  const average = analysisWorkerApi.averageAndDifferentiate(curves, recipe);
  if (!average.ok) return average;
  const [bias, current, currentStd, didv, normalised] = average.columns;
  const didvRows: Float64Array[] = [];
  const normRows: Float64Array[] = [];
  for (const c of curves) {
    const s = analysisWorkerApi.averageAndDifferentiate([c], recipe);
    if (!s.ok) continue;
    didvRows.push(interpolateAt(s.columns[0], s.columns[3], bias));
    normRows.push(interpolateAt(s.columns[0], s.columns[4], bias));
  }
  return {
    ok: true,
    n: average.n,
    bias,
    current,
    currentStd,
    didv,
    didvStd: pointwiseStd(didvRows, bias.length),
    normalised,
    normalisedStd: pointwiseStd(normRows, bias.length),
    edges: average.edges,
  };
}

function sweepsOf(seed: number, count: number): Sweep[] {
  const spectra = syntheticSpectra({ count, points: 256, seed, backward: true, noise: 3e-12 });
  // Forward and backward (reversed bias) sweeps of one label, as the view passes for 'mean'.
  return spectra
    .filter((s) => s.label === spectra[0]!.label)
    .flatMap((s) => [
      { bias: Float64Array.from(s.bias), current: Float64Array.from(s.current) },
      { bias: Float64Array.from(s.backward!.bias), current: Float64Array.from(s.backward!.current) },
    ]);
}

const RECIPES: Array<[string, RecipeOverrides]> = [
  ['defaults', {}],
  ['SG 9/3, median', { derivative: { method: 'savgol', window: 9, polyorder: 3 }, average: 'median' }],
  ['central difference', { derivative: { method: 'central', window: 5, polyorder: 2 } }],
  [
    'SG 41/2, onset edges',
    { derivative: { method: 'savgol', window: 41, polyorder: 2 }, edges: { method: 'onset' } },
  ],
];

describe('groupSpectra: one worker call, the same numbers', () => {
  it.each([11, 2026, 90125])('equals the former per-sweep computation (seed %i)', (seed) => {
    const sweeps = sweepsOf(seed, 90);
    for (const [, recipe] of RECIPES) {
      // In two packed batches, as the pool sends them.
      const unpacked = [packCurves(sweeps.slice(0, 37)), packCurves(sweeps.slice(37))].flatMap(unpackCurves);
      expect(unpacked).toHaveLength(sweeps.length);
      const ours = groupSpectraOf(unpacked, recipe);
      const former = formerGroupSpectra(sweeps, recipe);
      expect(ours.ok && former.ok).toBe(true);
      if (!ours.ok || !former.ok) continue;
      // toEqual on Float64Arrays compares element by element (NaN equals NaN).
      // (The former computation knew nothing of sweeps left out for their range: these share one.)
      const { didvStd, normalisedStd, ...rest } = ours;
      const { didvStd: formerDidvStd, normalisedStd: formerNormalisedStd, ...formerRest } = former;
      expect(rest).toEqual({ ...formerRest, leftOut: 0, rangeNote: null });
      expect(relativeDifference(didvStd, formerDidvStd)).toBeLessThan(1e-12);
      expect(relativeDifference(normalisedStd, formerNormalisedStd)).toBeLessThan(1e-12);
      expect(ours.n).toBeGreaterThan(50);
      // The spread is there: finite somewhere inside the bias range, positive.
      expect(didvStd.some((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }
  });

  it('fails as the average fails (one sweep too short for the window)', () => {
    const sweeps = sweepsOf(7, 30);
    sweeps.push({ bias: Float64Array.of(-1, 0, 1), current: Float64Array.of(-1e-9, 0, 1e-9) });
    const result = analysisWorkerApi.groupSpectra(
      [packCurves(sweeps.slice(0, 10)), packCurves(sweeps.slice(10))],
      {},
    );
    expect(result).toEqual(formerGroupSpectra(sweeps, {}));
    expect(result.ok).toBe(false);
  });
});
