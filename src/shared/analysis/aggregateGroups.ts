import { bootstrapMeansRange } from './bootstrapMeans.ts';
import { mean } from './bootstrapCi.ts';
import { finiteValues, reductionFromSamples } from './deepTrapReduction.ts';
import { averageGroupCurves, measureAverage } from './groupAverage.ts';
import type { AveragedGroupCurve, GroupAverage } from './groupAverage.ts';
import { histogram } from './histogram.ts';
import { labelSeed } from './random.ts';
import type { AnalysisRecipe } from './recipe.ts';
import { EXCLUDING_FLAGS } from './qualityFlags.ts';
import { medianInPlace } from './quickselect.ts';
import type { GroupComparison, GroupInput, GroupResult, KeptCurve, SpectrumResult } from './results.ts';
import { summaryStats } from './summaryStats.ts';
import { groupWithTraps } from './trapsOnly.ts';
import type { Curve } from './types.ts';

export type { KeptCurve };

/** Robust centre and spread (1.4826 · MAD) of the finite values. */
function robust(values: number[]): { median: number; spread: number } | null {
  if (values.length === 0) return null;
  const median = medianInPlace(Float64Array.from(values));
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i]! - median);
  return { median, spread: 1.4826 * medianInPlace(deviations) };
}

/**
 * Outliers and exclusions, in place on the per-spectrum results: within each group, a first
 * sweep not already flagged whose VBM or CBM lies more than outlierK robust spreads (at least
 * outlierMinSpread V) from the group's median is flagged 'outlier' (groups of outlierMinGroup or
 * more). Then every spectrum with an excluding flag (EXCLUDING_FLAGS: not 'no-gap', which is a
 * finding) is excluded with its reasons unless the recipe includes it back, and the recipe's
 * 'exclude' entries are excluded with their notes.
 */
export function applyExclusions<Id>(results: Array<SpectrumResult<Id>>, recipe: AnalysisRecipe): void {
  flagOutliers(results, recipe);
  decideExclusions(results, recipe);
}

/** applyExclusions' first step: the 'outlier' flags. */
export function flagOutliers<Id>(results: Array<SpectrumResult<Id>>, recipe: AnalysisRecipe): void {
  const q = recipe.quality;
  const byLabel = new Map<string, Array<SpectrumResult<Id>>>();
  for (const r of results) {
    if (r.label === null || !r.ok || r.sweepInSeries !== 1 || r.flags.length > 0) continue;
    const list = byLabel.get(r.label) ?? [];
    list.push(r);
    byLabel.set(r.label, list);
  }
  for (const members of byLabel.values()) {
    if (members.length < q.outlierMinGroup) continue;
    for (const key of ['vbm', 'cbm'] as const) {
      const values: number[] = [];
      for (const r of members) {
        const v = r[key];
        if (v !== null) values.push(v);
      }
      const centre = robust(values);
      if (!centre) continue;
      const limit = q.outlierK * Math.max(centre.spread, q.outlierMinSpread);
      for (const r of members) {
        const v = r[key];
        if (v === null || Math.abs(v - centre.median) <= limit || r.flags.includes('outlier')) continue;
        r.flags.push('outlier');
        r.flagReasons.push(
          `${key.toUpperCase()} ${v.toFixed(3)} V is ${(Math.abs(v - centre.median) / Math.max(centre.spread, q.outlierMinSpread)).toFixed(1)} robust spreads from the group median ${centre.median.toFixed(3)} V`,
        );
      }
    }
  }
}

// The functions below run over every spectrum: loops and module-level functions, not closures
// created per call, whose optimised code V8 holds only weakly, so they were recompiled in every
// run (seriesStage.ts says more).

/** The excluding flags' reasons, "flag: reason" joined with "; " ('' when none excludes). */
function excludingReasons(flags: ReadonlyArray<string>, reasons: ReadonlyArray<string>): string {
  let joined = '';
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if (!EXCLUDING_FLAGS.has(f as never)) continue;
    joined += `${joined ? '; ' : ''}${f}: ${reasons[i]}`;
  }
  return joined;
}

/** applyExclusions' second step: each spectrum excluded or not, with the reasons. */
export function decideExclusions<Id>(results: Array<SpectrumResult<Id>>, recipe: AnalysisRecipe): void {
  const byHand = new Map(recipe.exclusions.map((e) => [String(e.id), e]));
  for (const r of results) {
    // Most spectra have no flag and no hand decision: no array or string made for them (this
    // loop runs over every spectrum of a re-analysis, on a UI thread in the renderer's pool).
    const flagged = r.flags.length === 0 ? '' : excludingReasons(r.flags, r.flagReasons);
    const hand = byHand.size === 0 ? undefined : byHand.get(String(r.spectrumId));
    if (hand?.action === 'exclude') {
      r.excluded = true;
      r.exclusionReason = `excluded by hand${hand.note ? `: ${hand.note}` : ''}`;
    } else if (hand?.action === 'include') {
      r.excluded = !r.ok;
      r.exclusionReason = r.ok ? null : r.reason;
    } else {
      r.excluded = !r.ok || flagged !== '';
      r.exclusionReason = r.excluded ? flagged || r.reason : null;
    }
  }
}

/** The labels of a group stage, sorted: its groups' order. */
export function groupLabels(results: ReadonlyArray<{ label: string | null }>): string[] {
  const labels = new Set<string>();
  for (const r of results) if (r.label !== null) labels.add(r.label);
  return [...labels].sort();
}

/**
 * A label's deep-trap sample for the comparisons: its finite values and, when some comparison
 * reaches them (reductionFromSamples), its bootstrap means; else null.
 */
export interface GroupDeepSample {
  label: string;
  finite: Float64Array;
  means: Float64Array | null;
}

/** Averages a label's curves; see aggregateGroups. */
export type AverageOf = (label: string, curves: Curve[], indices: number[]) => AveragedGroupCurve;

/**
 * Whether some comparison reaches a label's bootstrap means (reductionFromSamples asks for both
 * roles' means when both samples have values and A's mean is not 0), given its finite deep-trap
 * values and every other label's.
 */
function meansReached(own: Float64Array, partners: ReadonlyArray<Float64Array>): boolean {
  return own.length > 0 && partners.some((g) => g.length > 0 && (mean(own) !== 0 || mean(g) !== 0));
}

/**
 * Resamples [from, to) of `label`'s bootstrap means, as aggregateGroupPart draws them (its own
 * stream: the same numbers whichever worker draws them), or null when no comparison reaches them.
 * Lets another worker draw part of a label's resamples (aggregateGroupPart's `drawn`).
 */
export function drawLabelMeans<Id>(
  results: ReadonlyArray<GroupInput<Id>>,
  recipe: AnalysisRecipe,
  label: string,
  from: number,
  to: number,
): Float64Array | null {
  const tallies = labelTallies(results, new Set(groupLabels(results)));
  const own = finiteValues(tallies.get(label)?.deepTrap ?? []);
  const partners: Float64Array[] = [];
  for (const [l, tally] of tallies) if (l !== label) partners.push(finiteValues(tally.deepTrap));
  if (!meansReached(own, partners)) return null;
  return bootstrapMeansRange(own, labelSeed(recipe.bootstrap.seed, label), from, to);
}

const byIndex = (a: KeptCurve, b: KeptCurve): number => a.index - b.index;

/** The kept curves of `labels`, in input order. */
function keptOfLabels(kept: ReadonlyArray<KeptCurve>, labels: ReadonlySet<string>): KeptCurve[] {
  const ordered: KeptCurve[] = [];
  for (const k of kept) if (labels.has(k.label)) ordered.push(k);
  return ordered.sort(byIndex);
}

/** Input indices of the excluded spectra. */
function excludedIndices<Id>(results: ReadonlyArray<GroupInput<Id>>): Set<number> {
  const excluded = new Set<number>();
  for (let i = 0; i < results.length; i++) if (results[i]!.excluded) excluded.add(i);
  return excluded;
}

/** `label`'s kept curves not excluded, in the order of `ordered`. */
function includedMembers(
  ordered: ReadonlyArray<KeptCurve>,
  label: string,
  excluded: ReadonlySet<number>,
): KeptCurve[] {
  const members: KeptCurve[] = [];
  for (const k of ordered) if (k.label === label && !excluded.has(k.index)) members.push(k);
  return members;
}

/** What a label's group result counts: its spectra in input order. */
interface LabelTally {
  /** Spectra that were analysed (ok). */
  usable: number;
  /** First sweeps of their series. */
  firsts: number;
  /** First sweeps not excluded ("counted"), and their values where not null. */
  counted: number;
  vbm: number[];
  cbm: number[];
  gap: number[];
  deepTrap: number[];
}

/** One pass over the results: each of `labels`' tally. */
function labelTallies<Id>(
  results: ReadonlyArray<GroupInput<Id>>,
  labels: ReadonlySet<string>,
): Map<string, LabelTally> {
  const tallies = new Map<string, LabelTally>();
  for (const label of labels)
    tallies.set(label, { usable: 0, firsts: 0, counted: 0, vbm: [], cbm: [], gap: [], deepTrap: [] });
  for (const r of results) {
    const t = r.label === null ? undefined : tallies.get(r.label);
    if (!t) continue;
    if (r.ok) t.usable++;
    if (r.sweepInSeries !== 1) continue;
    t.firsts++;
    if (r.excluded) continue;
    t.counted++;
    if (r.vbm !== null) t.vbm.push(r.vbm);
    if (r.cbm !== null) t.cbm.push(r.cbm);
    if (r.gap !== null) t.gap.push(r.gap);
    if (r.deepTrap !== null) t.deepTrap.push(r.deepTrap);
  }
  return tallies;
}

/** A label's group result from its tally and its kept curves not excluded (input order). */
function groupResult(
  label: string,
  tally: LabelTally,
  members: ReadonlyArray<KeptCurve>,
  recipe: AnalysisRecipe,
  averageOf: AverageOf,
  memberSpread: boolean,
): GroupResult {
  const minCiN = recipe.quality.minCiN;
  const curves: Curve[] = new Array(members.length);
  const indices: number[] = new Array(members.length);
  for (let i = 0; i < members.length; i++) {
    curves[i] = members[i]!.curve;
    indices[i] = members[i]!.index;
  }
  const averaged: AveragedGroupCurve =
    members.length > 0
      ? averageOf(label, curves, indices)
      : { ok: false, reason: 'no usable spectra to average' };
  const average: GroupAverage = averaged.ok
    ? measureAverage(averaged, recipe, memberSpread ? curves : undefined)
    : averaged;
  return {
    label,
    spectra: tally.usable,
    counted: tally.counted,
    excluded: tally.firsts - tally.counted,
    leftOutOfAverage: average.ok ? average.leftOut.map((position) => indices[position]!) : [],
    ciReason:
      tally.counted < minCiN
        ? `n = ${tally.counted} < ${minCiN}: too few spectra for a confidence interval`
        : null,
    average,
    stats: {
      vbm: summaryStats(tally.vbm),
      cbm: summaryStats(tally.cbm),
      gap: summaryStats(tally.gap),
      deepTrap: summaryStats(tally.deepTrap),
    },
    histograms: {
      vbm: histogram(tally.vbm, recipe.histogram),
      cbm: histogram(tally.cbm, recipe.histogram),
      gap: histogram(tally.gap, recipe.histogram),
    },
  };
}

/**
 * The per-label part of the group stage for some of the labels (`labels`, a subset of
 * groupLabels(results), in any order): each label's group result and deep-trap sample. Each
 * label's work depends on that label alone, so the labels can be split across workers and the
 * parts joined with compareGroups to the very numbers of aggregateGroups. `kept` needs only the
 * curves of these labels. The bootstrap means are drawn here, with the label's own stream; with
 * `drawn`, only a label's first drawn(label) resamples (the rest drawn elsewhere: drawLabelMeans,
 * joined in order before compareGroups).
 */
export function aggregateGroupPart<Id>(
  results: ReadonlyArray<GroupInput<Id>>,
  kept: ReadonlyArray<KeptCurve>,
  recipe: AnalysisRecipe,
  labels: ReadonlyArray<string>,
  averageOf: AverageOf = (_, curves) => averageGroupCurves(curves, recipe),
  options: {
    memberSpread?: boolean;
    drawn?: (label: string) => number;
    /**
     * The label's result from a run that differed from this one in the trap windows alone (the
     * same results but their trap integrals; stageKeys' allButTraps), or undefined: only its trap
     * parts are recomputed (groupWithTraps).
     */
    sameButTraps?: (label: string) => GroupResult | undefined;
  } = {},
): { groups: GroupResult[]; samples: GroupDeepSample[] } {
  const mine = new Set(labels);
  const tallies = labelTallies(results, mine);
  const groups: GroupResult[] = [];
  let ordered: KeptCurve[] | null = null;
  let excludedIndex: Set<number> | null = null;
  for (const label of labels) {
    const tally = tallies.get(label)!;
    const previous = options.sameButTraps?.(label);
    if (previous) {
      groups.push(groupWithTraps(previous, tally.deepTrap, recipe));
      continue;
    }
    ordered ??= keptOfLabels(kept, mine);
    excludedIndex ??= excludedIndices(results);
    const members = includedMembers(ordered, label, excludedIndex);
    groups.push(groupResult(label, tally, members, recipe, averageOf, options.memberSpread ?? false));
  }
  // Each group has its own bootstrap stream, labelSeed(seed, label), whichever role it plays, so
  // its resampled means are drawn once and shared by every pair: a comparison equals
  // deepTrapReduction(A, B, { seed: labelSeed(seed, A), seedB: labelSeed(seed, B) }). They are
  // drawn only if a comparison reaches them: reductionFromSamples asks for both roles' means when
  // both samples have values and A's mean is not 0.
  const { resamples, seed } = recipe.bootstrap;
  const finite = new Map(labels.map((l) => [l, finiteValues(tallies.get(l)!.deepTrap)]));
  const others: Float64Array[] = [];
  const otherLabels = new Set(groupLabels(results).filter((l) => !mine.has(l)));
  for (const tally of labelTallies(results, otherLabels).values()) others.push(finiteValues(tally.deepTrap));
  const samples = labels.map((label): GroupDeepSample => {
    const own = finite.get(label)!;
    const partners = [...others, ...labels.filter((l) => l !== label).map((l) => finite.get(l)!)];
    const drawn = options.drawn?.(label) ?? resamples;
    return {
      label,
      finite: own,
      means: meansReached(own, partners) ? bootstrapMeansRange(own, labelSeed(seed, label), 0, drawn) : null,
    };
  });
  return { groups, samples };
}

/** Deep-trap reductions for every ordered pair of labels, from their samples (aggregateGroupPart). */
export function compareGroups(
  labels: ReadonlyArray<string>,
  samples: ReadonlyMap<string, GroupDeepSample>,
  recipe: AnalysisRecipe,
): GroupComparison[] {
  const { level } = recipe.bootstrap;
  const minCiN = recipe.quality.minCiN;
  const sampleOf = (label: string): GroupDeepSample => {
    const s = samples.get(label);
    if (!s) throw new Error(`group stage: no deep-trap sample for label ${label}`);
    return s;
  };
  const meansOf = (label: string): Float64Array => {
    const m = sampleOf(label).means;
    if (!m) throw new Error(`group stage: bootstrap means of label ${label} were not drawn`);
    return m;
  };
  const comparisons: GroupComparison[] = [];
  for (const a of labels) {
    for (const b of labels) {
      if (a === b) continue;
      const fa = sampleOf(a).finite;
      const fb = sampleOf(b).finite;
      const r = reductionFromSamples(fa, fb, level, (role) => meansOf(role === 'a' ? a : b));
      const small = fa.length < minCiN || fb.length < minCiN;
      const ciReason = small
        ? `n = ${fa.length} (${a}) and ${fb.length} (${b}); each needs ≥ ${minCiN} for a confidence interval`
        : r.ci95 === null
          ? 'no finite bootstrap resample'
          : null;
      comparisons.push({ a, b, ...r, ci95: small ? null : r.ci95, ciReason });
    }
  }
  return comparisons;
}

/**
 * The group stage of the pipeline (STS-ANALYSIS.md steps 3, 7, 8): per label the averaged
 * spectrum, statistics and histograms over the first sweep of each series, and deep-trap
 * reductions for every ordered pair. runPipeline and the worker pool (after merging chunks; the
 * pool splits the labels across its workers with aggregateGroupPart) both come here, so they
 * cannot drift apart.
 */
export function aggregateGroups<Id>(
  results: ReadonlyArray<GroupInput<Id>>,
  kept: ReadonlyArray<KeptCurve>,
  recipe: AnalysisRecipe,
  /**
   * Averages a label's curves (the kept curves not excluded, in input order; `indices` their
   * input indices). Default averageGroupCurves; re-analysis passes one that reuses the previous
   * average while the label's curves and the average's stage key are unchanged.
   */
  averageOf?: AverageOf,
  /** Also each average's member spread (memberSpread; a stored run keeps it for the Spectra figure). */
  options: { memberSpread?: boolean } = {},
): { groups: GroupResult[]; comparisons: GroupComparison[] } {
  const labels = groupLabels(results);
  const { groups, samples } = aggregateGroupPart(results, kept, recipe, labels, averageOf, options);
  return { groups, comparisons: compareGroups(labels, new Map(samples.map((s) => [s.label, s])), recipe) };
}
