// Every result type of the analysis pipeline, defined once: the stages produce them, the workers
// move them, the API contract and the CLI derive from them.
import type { InGapState } from './bandWalk.ts';
import type { DeepTrapReduction } from './deepTrapReduction.ts';
import type { SeriesSpot } from './detectSeries.ts';
import type { GroupAverage } from './groupAverage.ts';
import type { Histogram } from './histogram.ts';
import type { RawSweep } from './prepareSpectrum.ts';
import type { QualityFlag } from './qualityFlags.ts';
import type { AnalysisRecipe } from './recipe.ts';
import type { SweepDegradation } from './seriesDegradation.ts';
import type { SummaryStats } from './summaryStats.ts';
import type { Curve } from './types.ts';

export interface PipelineSpectrum<Id = number | string> extends SeriesSpot<Id> {
  /** Group label (`core`, `crown-centre`, …), or null for none. */
  label: string | null;
  /** Forward sweep, acquisition order: bias V, current A. */
  bias: ArrayLike<number>;
  current: ArrayLike<number>;
  /** Backward sweep, when recorded (recipe.direction 'backward' or 'mean'). */
  backward?: RawSweep | null;
  /**
   * Lock-in dI/dV channel on the forward bias points (any units): X, and Y when recorded.
   * Used when recipe.didvSource is 'lock-in'.
   */
  lockIn?: { x: ArrayLike<number>; y?: ArrayLike<number> | null } | null;
}

/**
 * One spectrum's results. The API's AnalysisSpectrumResult (src/shared/api/contract.ts) is this
 * type with number ids, less the quality fields (stored apart), so its field names are these.
 */
export interface SpectrumResult<Id = number | string> {
  spectrumId: Id;
  label: string | null;
  /** False when the sweep was unusable; `reason` says why. */
  ok: boolean;
  /** Why the sweep is unusable or an edge / VB peak is missing; null when all was found. */
  reason: string | null;
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  /** Principal VB peak height, A/V. */
  vbPeak: number | null;
  /** Trap integrals of VB-peak-normalised dI/dV, V: the deep window's, and the shallow ones. */
  deepTrap: number | null;
  shallowVb: number | null;
  shallowCb: number | null;
  /** In-gap peaks: bias V, height / principal VB peak, width V. */
  inGapStates: InGapState[];
  /** Quality flags, each with its reason (same order). */
  flags: QualityFlag[];
  flagReasons: string[];
  /** Left out of group statistics (flagged, or by hand), and why; flagged spectra included back by hand are not. */
  excluded: boolean;
  exclusionReason: string | null;
  /** Lock-in scaling fit (didvSource 'lock-in'): A/V per channel unit, phase (rad), R². */
  lockInFit: { scale: number; phase: number; r2: number } | null;
  /**
   * The current's noise σ in the sweep's noisiest block over its quietest part's, where a block
   * was noisy (≥ 2×) and its edges and in-gap states were judged against that noise
   * (noiseProfile.ts); null when none was, or when the dI/dV was the lock-in's.
   */
  currentNoiseRaise: number | null;
  /** Index of the spot (series of ≥ 1 sweeps) and 1-based sweep number within it. */
  seriesIndex: number;
  sweepInSeries: number;
}

/** What the group stage reads of a spectrum's results (the worker pool sends only this). */
export type GroupInput<Id = number | string> = Pick<
  SpectrumResult<Id>,
  'label' | 'ok' | 'sweepInSeries' | 'excluded' | 'vbm' | 'cbm' | 'gap' | 'deepTrap'
>;

export function groupInputOf<Id>(r: SpectrumResult<Id>): GroupInput<Id> {
  const { label, ok, sweepInSeries, excluded, vbm, cbm, gap, deepTrap } = r;
  return { label, ok, sweepInSeries, excluded, vbm, cbm, gap, deepTrap };
}

export interface GroupResult {
  label: string;
  /** Usable spectra in the group, and how many of them are first of their series and not excluded (counted, n). */
  spectra: number;
  counted: number;
  /** First sweeps of series in this group left out of the statistics (flags or by hand). */
  excluded: number;
  /** Why the statistics have no confidence interval (n below recipe.quality.minCiN), or null. */
  ciReason: string | null;
  average: GroupAverage;
  /**
   * Input indices (places in the pipeline's spectra) of the sweeps the average left out for their
   * narrow bias range (average.rangeNote says why); usually none.
   */
  leftOutOfAverage: number[];
  stats: { vbm: SummaryStats; cbm: SummaryStats; gap: SummaryStats; deepTrap: SummaryStats };
  histograms: { vbm: Histogram; cbm: Histogram; gap: Histogram };
}

export interface GroupComparison extends DeepTrapReduction {
  /** Reference group A and compared group B. */
  a: string;
  b: string;
  /** Why ci95 is null, or null. */
  ciReason: string | null;
}

export interface SeriesResult<Id = number | string> {
  spotIds: Id[];
  /** Label of the first sweep. */
  label: string | null;
  sweeps: Array<SweepDegradation & { inGapStates: InGapState[] }>;
}

export interface PipelineResult<Id = number | string> {
  recipe: AnalysisRecipe;
  spectra: Array<SpectrumResult<Id>>;
  groups: GroupResult[];
  comparisons: GroupComparison[];
  /** Series with two or more sweeps. */
  series: Array<SeriesResult<Id>>;
}

/** A curve kept for its group's average: its place in the input, its label, the tidied sweep. */
export interface KeptCurve {
  index: number;
  label: string;
  curve: Curve;
}
