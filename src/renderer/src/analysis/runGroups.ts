// Which spectra a run's group statistics and averages used, and their sweeps in the run's
// direction, so views recompute from the same inputs the stored run had.
import type { InGapState } from '../../../shared/analysis/index.ts';
import type {
  AnalysisRunView,
  AnalysisSpectrum,
  AnalysisSpectrumResult,
} from '../../../shared/api/contract.ts';

export interface RawCurve {
  /** V, acquisition order. */
  bias: Float64Array;
  /** A. */
  current: Float64Array;
}

/** Ids the run left out of group statistics (quality flags or by hand); older runs stored none. */
export function excludedIds(run: AnalysisRunView): Set<number> {
  return new Set((run.quality ?? []).filter((q) => q.excluded).map((q) => q.spectrumId));
}

/** Each spectrum's in-gap states (bias V, height ÷ principal VB peak, width V); none for older runs. */
export function inGapStatesById(run: AnalysisRunView): Map<number, InGapState[]> {
  return new Map((run.quality ?? []).map((q) => [q.spectrumId, q.inGapStates]));
}

/**
 * Results of a group's counted spectra: usable, not excluded, and the first sweep of their series
 * (unless all), as the run's statistics and averages counted them.
 */
export function countedResults(run: AnalysisRunView, label: string): AnalysisSpectrumResult[] {
  const all = run.recipe.averageSweeps === 'all';
  const excluded = excludedIds(run);
  return run.spectra.filter(
    (r) => r.label === label && r.ok && !excluded.has(r.spectrumId) && (all || r.sweepInSeries === 1),
  );
}

/** The sweeps a spectrum contributes in `direction`; 'mean' contributes both directions. */
export function sweepsOf(s: AnalysisSpectrum, direction: AnalysisRunView['recipe']['direction']): RawCurve[] {
  const forward = { bias: s.bias, current: s.current };
  if (direction === 'forward' || !s.backward) return [forward];
  return direction === 'backward' ? [s.backward] : [forward, s.backward];
}

export function groupLabels(run: AnalysisRunView): string[] {
  return run.groups.map((g) => g.label);
}

// Shared with the workers' group spectra (one definition: the spread is computed there).
export { interpolateAt, pointwiseStd } from '../../../workers/groupSpectra.ts';
