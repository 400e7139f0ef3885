// Re-analysis after a change of the trap windows alone (recipe.traps; every other field as in the
// last run: stageKeys' allButTraps unchanged). Nothing but the trap integrals depends on the
// windows: a spectrum's edges, flags, exclusions and degradation rows stay, and so do a group's
// counts, edge statistics, histograms and averaged curve. What changes is recomputed here with the
// functions the full stages use, on what those stages left, so the numbers are the full run's to
// the last bit: each spectrum's integrals (spectrumTraps on its cached dI/dV and edges), and each
// group's deep-trap statistics and its average's integrals (the bootstrap means are drawn anew by
// the group stage).
import type { AnalysisRecipe } from './recipe.ts';
import type { GroupResult } from './results.ts';
import type { SpectrumCache } from './seriesStage.ts';
import { spectrumTraps } from './spectrumMeasures.ts';
import type { StageKeys } from './stageKeys.ts';
import { summaryStats } from './summaryStats.ts';
import type { TrapWindows } from './trapWindows.ts';

/**
 * A spectrum's trap integrals under `recipe` from its cache (stored there as analyseSweep stores
 * them); null for a sweep that could not be prepared or differentiated (its result has none).
 * Throws when the cache was not filled under the same stages up to the edges: only the windows may
 * differ from the run that filled it.
 */
export function trapsFromCache(
  cache: SpectrumCache,
  recipe: Pick<AnalysisRecipe, 'traps'>,
  keys: StageKeys,
): TrapWindows | null {
  const { prepared, derivative, edges } = cache;
  if (prepared?.key !== keys.prepare || derivative?.key !== keys.derivative)
    throw new Error('trap re-analysis: a spectrum was last analysed under other stages than the edges');
  if (!prepared.curve.ok || !derivative.result.ok) return null;
  if (edges?.key !== keys.edges)
    throw new Error('trap re-analysis: a spectrum has no band edges held under this recipe');
  const held = cache.traps;
  if (held?.key === keys.traps) return held.traps;
  const traps = spectrumTraps(prepared.curve.bias, derivative.result.didv, edges.measured, recipe);
  cache.traps = { key: keys.traps, traps };
  return traps;
}

/**
 * `previous` (the group's result from a run that differed only in the trap windows) with the
 * deep-trap statistics of `deepTrap` (the counted spectra's integrals, as the group stage tallies
 * them) and its average's integrals under `recipe` (as measureAverage takes them: on the average's
 * grid and dI/dV, against its edges and VB peak).
 */
export function groupWithTraps(
  previous: GroupResult,
  deepTrap: ReadonlyArray<number>,
  recipe: Pick<AnalysisRecipe, 'traps'>,
): GroupResult {
  const a = previous.average;
  const average = a.ok ? { ...a, traps: spectrumTraps(a.bias, a.didv, a, recipe) } : a;
  return {
    ...previous,
    average,
    stats: { ...previous.stats, deepTrap: summaryStats(deepTrap) },
  };
}
