// Per-spectrum deep-trap integrals and the group comparisons (reduction with bootstrap CI) for a
// deep window. The stored window's come from the run; another window's are recomputed by the
// whole pipeline in the worker pool (every spectrum's normalised dI/dV integrated anew; the pool
// is given the run's curves and recipe first, so that is incremental: PREPARE_DELAY). The
// per-spectrum results stay in columns (runColumns): only the deep integrals are read, never
// 10⁴ result objects made on the page during a drag.
import { useEffect, useMemo, useState } from 'react';
import type { AnalysisRunView, AnalysisSpectrum } from '../../../../shared/api/contract.ts';
import type { GroupComparison, PipelineSpectrum } from '../../../../shared/analysis/index.ts';
import type { SummaryStats } from '../../../../shared/analysis/index.ts';
import type { AnalysisPool } from '../../../../workers/analysisPool.ts';
import { deepStatsOf } from './deepStats.ts';

export interface TrapStatistics {
  /** The window these numbers belong to, V. */
  deep: [number, number];
  source: 'stored' | 'recomputed';
  comparisons: GroupComparison[];
  /** Per-spectrum deep integrals (counted spectra) by group, V. */
  deepStats: Map<string, SummaryStats>;
}

export type TrapStatisticsState = { stats: TrapStatistics | null; computing: boolean; error: string | null };

function storedStatistics(run: AnalysisRunView): TrapStatistics {
  return {
    deep: run.recipe.traps.deep,
    source: 'stored',
    comparisons: run.comparisons,
    deepStats: new Map(run.groups.map((g) => [g.label, g.stats.deepTrap])),
  };
}

/**
 * ms after the last change of the window before the statistics are recomputed: a pause in a drag,
 * not every frame of it (a change of the window alone is a short re-analysis once the workers hold
 * the curves: trapsOnlyRun.ts, ~10 ms for 10³ sweeps).
 */
const RECOMPUTE_DELAY = 150;
/**
 * ms after the curves arrive (window unchanged) before the pool analyses them with the run's own
 * recipe, in the background: its workers then hold every spectrum's stages, and the first window
 * change is an incremental re-analysis (the trap integrals and the statistics: ~10 ms for 10³
 * sweeps) instead of a whole one (1.2 s for 10⁴ sweeps on 2 cores, with new workers).
 */
const PREPARE_DELAY = 300;

/** The pool input made for a map of curves (weakly held: dropped with the curves). */
const inputs = new WeakMap<
  ReadonlyMap<number, AnalysisSpectrum>,
  { run: AnalysisRunView; input: Array<PipelineSpectrum<number>> }
>();

/**
 * The run's spectra with their curves and the run's labels, in the run's order: made once per run
 * and curves, so each window change passes the pool the same array (sameSpectra's first check)
 * and makes no 10⁴ new objects.
 */
function poolInput(
  run: AnalysisRunView,
  spectra: ReadonlyMap<number, AnalysisSpectrum>,
): Array<PipelineSpectrum<number>> {
  const made = inputs.get(spectra);
  if (made?.run === run) return made.input;
  const input = run.spectra.flatMap((r) => {
    const s = spectra.get(r.spectrumId);
    return s ? [{ ...s, label: r.label }] : [];
  });
  inputs.set(spectra, { run, input });
  return input;
}

export function useTrapStatistics(
  pool: AnalysisPool | null,
  run: AnalysisRunView,
  spectra: ReadonlyMap<number, AnalysisSpectrum>,
  deep: [number, number],
): TrapStatisticsState {
  const [lo, hi] = deep;
  const stored = lo === run.recipe.traps.deep[0] && hi === run.recipe.traps.deep[1];
  const storedStats = useMemo(() => storedStatistics(run), [run]);
  /** The last recomputation's outcome and what it was for (run id and window). */
  const [recomputed, setRecomputed] = useState<{
    key: string;
    stats: TrapStatistics | null;
    error: string | null;
  }>({ key: '', stats: null, error: null });
  const key = `${run.runId}:${lo}:${hi}`;

  useEffect(() => {
    if (!stored || !pool || spectra.size === 0) return;
    const timer = window.setTimeout(() => {
      // Its result is the stored run's; a window change made meanwhile queues behind it.
      pool.runColumns(poolInput(run, spectra), { recipe: run.recipe }).catch(() => undefined);
    }, PREPARE_DELAY);
    return () => window.clearTimeout(timer);
  }, [pool, run, spectra, stored]);

  useEffect(() => {
    if (stored || !pool || spectra.size === 0) return;
    let current = true;
    const timer = window.setTimeout(() => {
      pool.runColumns(poolInput(run, spectra), { recipe: { ...run.recipe, traps: { deep: [lo, hi] } } }).then(
        (result) => {
          if (!current) return;
          const deepStats = deepStatsOf(run, result.spectra);
          setRecomputed({
            key: `${run.runId}:${lo}:${hi}`,
            stats: { deep: [lo, hi], source: 'recomputed', comparisons: result.comparisons, deepStats },
            error: null,
          });
        },
        (e: unknown) =>
          current &&
          setRecomputed((r) => ({
            key: `${run.runId}:${lo}:${hi}`,
            stats: r.stats,
            error: e instanceof Error ? e.message : String(e),
          })),
      );
    }, RECOMPUTE_DELAY);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [pool, run, spectra, lo, hi, stored]);

  if (stored) return { stats: storedStats, computing: false, error: null };
  // Until this window's numbers arrive, the last ones stay shown (marked computing).
  if (recomputed.key !== key)
    return {
      stats: recomputed.stats ?? storedStats,
      computing: pool !== null && spectra.size > 0,
      error: null,
    };
  return { stats: recomputed.stats, computing: false, error: recomputed.error };
}
