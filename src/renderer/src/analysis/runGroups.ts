// Which spectra a run's group statistics and averages used, so views recompute from the same
// inputs the stored run had (each spectrum prepared in the run's direction by the workers).
import type { InGapState } from '../../../shared/analysis/index.ts';
import type { AnalysisRunView, AnalysisSpectrumResult } from '../../../shared/api/contract.ts';

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

/**
 * Biases (V, ascending) of the in-gap states of each group's counted spectra (as countedResults
 * counts them), in one pass over the rows: ~30k states at 10,000 sweeps, computed while the
 * figure waits.
 */
export function inGapBiasesByGroup(run: AnalysisRunView): Map<string, Float64Array> {
  const all = run.recipe.averageSweeps === 'all';
  const byLabel = new Map<string, number[]>(run.groups.map((g) => [g.label, []]));
  // spectra and quality are index for index (loadAnalysisRun); older runs have no quality.
  const quality = run.quality ?? [];
  run.spectra.forEach((r, i) => {
    const q = quality[i];
    if (!q || q.spectrumId !== r.spectrumId || q.excluded || !r.ok || r.label === null) return;
    if (!all && r.sweepInSeries !== 1) return;
    const list = byLabel.get(r.label);
    if (list) for (const state of q.inGapStates) list.push(state.bias);
  });
  return new Map([...byLabel].map(([label, biases]) => [label, Float64Array.from(biases).sort()]));
}

export function groupLabels(run: AnalysisRunView): string[] {
  return run.groups.map((g) => g.label);
}

// Shared with the workers' group spectra (one definition: the spread is computed there).
export { interpolateAt } from '../../../workers/groupSpectra.ts';
