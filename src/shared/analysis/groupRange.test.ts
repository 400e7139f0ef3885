import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../bench/analysis/synthetic.ts';
import { runPipelineInChunks } from '../../workers/splitPipeline.ts';
import { averageGroupCurves, groupAverage } from './groupAverage.ts';
import { groupRange } from './groupRange.ts';
import { DEFAULT_RECIPE, resolveRecipe } from './recipe.ts';
import { runPipeline } from './runPipeline.ts';
import type { PipelineSpectrum } from './results.ts';

/** `points` ascending bias values from lo to hi, V. */
const ramp = (lo: number, hi: number, points = 101): Float64Array =>
  Float64Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));

const asCurve = (bias: Float64Array): { bias: Float64Array } => ({ bias });

describe('groupRange', () => {
  it('leaves nothing out when the sweeps share one range', () => {
    const bias = ramp(-2, 2);
    expect(groupRange([{ bias }, { bias: Float64Array.from(bias) }, { bias }], 0.9)).toEqual({
      leftOut: [],
      range: [-2, 2],
      note: null,
    });
  });

  it('leaves out a sweep covering less than minCover of the median range, and says so', () => {
    const curves = [ramp(-2, 2), ramp(-0.015, 0.015), ramp(-2, 2), ramp(-1.98, 2), ramp(-2, 1.9)].map(
      asCurve,
    );
    const found = groupRange(curves, 0.9);
    expect(found.leftOut).toEqual([1]);
    expect(found.range).toEqual([-2, 2]);
    expect(found.note).toBe(
      "1 of 5 sweeps left out of the average: its bias range covers less than 90 % of the group's " +
        '-2.000 V … 2.000 V (median start to median end): -0.015 V … 0.015 V',
    );
  });

  it('keeps a sweep at the threshold and leaves out one just under it', () => {
    // Median range −1 … 1 V (2 V): 1.8 V covered is 90 %, 1.78 V is 89 %.
    const curves = [ramp(-1, 1), ramp(-1, 1), ramp(-1, 1), ramp(-0.8, 1), ramp(-1, 0.78)].map(asCurve);
    expect(groupRange(curves, 0.9).leftOut).toEqual([4]);
    expect(groupRange(curves, 0.85).leftOut).toEqual([]);
  });

  it('names the narrowest of several left out', () => {
    const curves = [ramp(-2, 2), ramp(-2, 2), ramp(-2, 2), ramp(-0.5, 0.5), ramp(0, 0.1)].map(asCurve);
    const found = groupRange(curves, 0.9);
    expect(found.leftOut).toEqual([3, 4]);
    expect(found.note).toContain('2 of 5 sweeps');
    expect(found.note).toContain('the narrowest 0.000 V … 0.100 V');
  });

  it('leaves none out when all would be (ranges that do not share the median span)', () => {
    expect(groupRange([ramp(-2, -1), ramp(1, 2)].map(asCurve), 0.9).leftOut).toEqual([]);
    expect(
      averageGroupCurves(
        [
          { bias: ramp(-2, -1), current: ramp(0, 1) },
          { bias: ramp(1, 2), current: ramp(0, 1) },
        ],
        DEFAULT_RECIPE,
      ),
    ).toEqual({
      ok: false,
      reason: "the sweeps' bias ranges do not overlap",
    });
  });
});

/** Seeded sessions with one first-of-series sweep of the core group re-recorded over ±`halfRange` V. */
function withNarrowSweep(
  seed: number,
  halfRange: number,
): { spectra: PipelineSpectrum<number>[]; narrow: number } {
  const spectra = syntheticSpectra({ count: 240, points: 256, seed, noise: 2e-12 });
  const full = runPipeline(spectra);
  // A core spot swept once (no later sweep takes its place in the average when it is left out).
  const sweepsAt = new Map<number, number>();
  for (const r of full.spectra) sweepsAt.set(r.seriesIndex, (sweepsAt.get(r.seriesIndex) ?? 0) + 1);
  const narrow = full.spectra.findIndex(
    (r, i) => spectra[i]!.label === 'core' && sweepsAt.get(r.seriesIndex) === 1,
  );
  expect(narrow).toBeGreaterThanOrEqual(0);
  const s = spectra[narrow]!;
  const keep = Array.from(s.bias, (v, i) => (Math.abs(v) <= halfRange ? i : -1)).filter((i) => i >= 0);
  spectra[narrow] = {
    ...s,
    bias: Float64Array.from(keep, (i) => s.bias[i]!),
    current: Float64Array.from(keep, (i) => s.current[i]!),
  };
  return { spectra, narrow };
}

describe('a group average beside a sweep of a narrower range', () => {
  it('says which sweeps it left out when it fails for another reason', () => {
    // Two 10-point sweeps over ±1 V (too few for the 15-point Savitzky–Golay window, its span not
    // limited here) and a narrow one.
    const curve = (lo: number, hi: number, points: number) => ({
      bias: ramp(lo, hi, points),
      current: ramp(lo * 1e-9, hi * 1e-9, points),
    });
    const fullWindow = resolveRecipe({ derivative: { ...DEFAULT_RECIPE.derivative, maxSpan: 100 } });
    const average = groupAverage([curve(-1, 1, 10), curve(-0.05, 0.05, 40), curve(-1, 1, 10)], fullWindow);
    expect(average.ok).toBe(false);
    if (average.ok) return;
    expect(average.reason).toMatch(/fewer than the Savitzky–Golay window/);
    expect(average.reason).toContain('(1 of 3 sweeps left out of the average');
  });

  it.each([3, 11, 29])('is the average of the others over their range (seed %i)', (seed) => {
    const { spectra, narrow } = withNarrowSweep(seed, 0.3);
    const result = runPipeline(spectra);
    const core = result.groups.find((g) => g.label === 'core')!;
    expect(core.leftOutOfAverage).toEqual([narrow]);
    if (!core.average.ok) throw new Error(core.average.reason);
    // The truth: the same group without the narrow sweep.
    const without = runPipeline(spectra.filter((_, i) => i !== narrow));
    const reference = without.groups.find((g) => g.label === 'core')!;
    if (!reference.average.ok) throw new Error(reference.average.reason);
    expect(core.average.n).toBe(reference.average.n);
    expect(Array.from(core.average.bias)).toEqual(Array.from(reference.average.bias));
    expect(Array.from(core.average.current)).toEqual(Array.from(reference.average.current));
    expect(core.average.edges).toEqual(reference.average.edges);
    // The seed study's core edges (synthetic truth −1.13 / 1.53 V) are still in the average.
    expect(core.average.edges.vbm!).toBeCloseTo(-1.13, 1);
    expect(core.average.edges.cbm!).toBeCloseTo(1.53, 1);
    expect(core.average.rangeNote).toMatch(/^1 of \d+ sweeps left out of the average/);
    expect(core.average.rangeNote).toMatch(/: -0\.(29\d|300) V … 0\.(29\d|300) V$/);
    // It still counts in the statistics as a spectrum of its own.
    expect(core.counted).toBe(reference.counted + 1);
    // The other groups are untouched.
    for (const label of ['crown-centre', 'crown-edge'])
      expect(result.groups.find((g) => g.label === label)!.leftOutOfAverage).toEqual([]);
  });

  it('is left out the same way when the pipeline runs in chunks', () => {
    const { spectra } = withNarrowSweep(5, 0.2);
    expect(runPipelineInChunks(spectra, {}, 13)).toEqual(runPipeline(spectra));
  });

  it('narrows the whole average with averageMinCover 0 (the overlap of every sweep)', () => {
    const { spectra } = withNarrowSweep(7, 0.3);
    const core = runPipeline(spectra, { averageMinCover: 0 }).groups.find((g) => g.label === 'core')!;
    if (!core.average.ok) throw new Error(core.average.reason);
    expect(core.leftOutOfAverage).toEqual([]);
    expect(core.average.rangeNote).toBeNull();
    expect(core.average.bias[0]!).toBeGreaterThanOrEqual(-0.3);
    expect(core.average.bias[core.average.bias.length - 1]!).toBeLessThanOrEqual(0.3);
  });
});
