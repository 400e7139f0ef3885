import { bootstrapMeans } from './bootstrapMeans.ts';
import { finiteValues, reductionFromSamples } from './deepTrapReduction.ts';
import { groupAverage } from './groupAverage.ts';
import type { GroupAverage } from './groupAverage.ts';
import { histogram } from './histogram.ts';
import { labelSeed } from './random.ts';
import type { AnalysisRecipe } from './recipe.ts';
import type { GroupComparison, GroupResult, SpectrumResult } from './runPipeline.ts';
import { summaryStats } from './summaryStats.ts';
import type { Curve } from './types.ts';

/** A curve kept for its group's average: its place in the input, its label, the tidied sweep. */
export interface KeptCurve {
  index: number;
  label: string;
  curve: Curve;
}

/**
 * The group stage of the pipeline (STS-ANALYSIS.md steps 3, 7, 8): per label the averaged
 * spectrum, statistics and histograms over the first sweep of each series, and deep-trap
 * reductions for every ordered pair. runPipeline and the worker pool (after merging chunks) both
 * call this, so they cannot drift apart.
 */
export function aggregateGroups<Id>(
  results: ReadonlyArray<SpectrumResult<Id>>,
  kept: ReadonlyArray<KeptCurve>,
  recipe: AnalysisRecipe,
): { groups: GroupResult[]; comparisons: GroupComparison[] } {
  const labels = [...new Set(results.map((r) => r.label).filter((l): l is string => l !== null))].sort();
  const ordered = [...kept].sort((a, b) => a.index - b.index);
  const deepByLabel = new Map<string, number[]>();
  const groups = labels.map((label): GroupResult => {
    const members = results.filter((r) => r.label === label && r.ok);
    const counted = members.filter((r) => r.sweepInSeries === 1);
    const pick = (key: 'vbm' | 'cbm' | 'gap' | 'deep') =>
      counted.map((r) => r[key]).filter((v): v is number => v !== null);
    deepByLabel.set(label, pick('deep'));
    const curves = ordered.filter((k) => k.label === label).map((k) => k.curve);
    const average: GroupAverage =
      curves.length > 0
        ? groupAverage(curves, recipe)
        : { ok: false, reason: 'no usable spectra to average' };
    return {
      label,
      spectra: members.length,
      counted: counted.length,
      average,
      stats: {
        vbm: summaryStats(pick('vbm')),
        cbm: summaryStats(pick('cbm')),
        gap: summaryStats(pick('gap')),
        deepTrap: summaryStats(pick('deep')),
      },
      histograms: {
        vbm: histogram(pick('vbm'), recipe.histogram),
        cbm: histogram(pick('cbm'), recipe.histogram),
        gap: histogram(pick('gap'), recipe.histogram),
      },
    };
  });
  // Each group has its own bootstrap stream, labelSeed(seed, label), whichever role it plays, so
  // its resampled means are drawn once and shared by every pair: a comparison equals
  // deepTrapReduction(A, B, { seed: labelSeed(seed, A), seedB: labelSeed(seed, B) }).
  const { resamples, seed, level } = recipe.bootstrap;
  const finite = new Map(labels.map((l) => [l, finiteValues(deepByLabel.get(l)!)]));
  const means = new Map<string, Float64Array>();
  const meansFor = (label: string): Float64Array => {
    let m = means.get(label);
    if (!m) {
      m = bootstrapMeans(finite.get(label)!, resamples, labelSeed(seed, label));
      means.set(label, m);
    }
    return m;
  };
  const comparisons: GroupComparison[] = [];
  for (const a of labels) {
    for (const b of labels) {
      if (a === b) continue;
      const r = reductionFromSamples(finite.get(a)!, finite.get(b)!, level, (role) =>
        meansFor(role === 'a' ? a : b),
      );
      comparisons.push({ a, b, ...r });
    }
  }
  return { groups, comparisons };
}
