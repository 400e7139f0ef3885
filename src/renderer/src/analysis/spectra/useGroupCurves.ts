// Per-group averaged spectra for the Spectra view. At the run's own smoothing the run's stored
// curves are drawn as they are (storedGroupCurves: the run kept each group's average with its
// members' spread, memberSpread in src/shared/analysis/groupAverage.ts, equal to the worker's
// numbers; storedSpread.test.ts), so the figure needs no sweep at all. At another smoothing, or for
// a run stored without the spread, one worker call per group (pool.groupSpectra, groups spread
// over the workers) averages its I(V), differentiates the average, and differentiates each member
// sweep alone for the ±std spread of dI/dV; the UI thread only packs each group's sweeps into one
// transferred buffer.
import { useEffect, useState } from 'react';
import type { AnalysisRunView, AnalysisSpectrum } from '../../../../shared/api/contract.ts';
import type { RecipeOverrides } from '../../../../shared/analysis/index.ts';
import type { AnalysisPool } from '../../../../workers/analysisPool.ts';
import type { GroupSpectraResult } from '../../../../workers/groupSpectra.ts';
import { countedResults, groupLabels } from '../runGroups.ts';

/** One group's curves as the worker computes them (`src/workers/groupSpectra.ts`), with its label. */
export type GroupSpectra = Omit<Extract<GroupSpectraResult, { ok: true }>, 'ok'> & { label: string };

export type GroupCurvesState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; groups: GroupSpectra[]; failed: Array<{ label: string; reason: string }> };

async function groupSpectra(
  pool: AnalysisPool,
  label: string,
  members: AnalysisSpectrum[],
  recipe: RecipeOverrides,
): Promise<GroupSpectra | { label: string; reason: string }> {
  const result = await pool.groupSpectra(members, recipe);
  if (!result.ok) return { label, reason: result.reason };
  const { ok: _ok, ...curves } = result;
  return { label, ...curves };
}

/**
 * The run's stored group curves as the Spectra view draws them, or null when they are not what the
 * worker would compute: another smoothing than the run's Savitzky–Golay one, or a run stored
 * without the members' spread. (Any direction: the worker prepares each member in the run's
 * direction, as the stored run did; storedSpread.test.ts.)
 */
export function storedGroupCurves(
  run: AnalysisRunView,
  smoothing: { window: number; polyorder: number },
): Extract<GroupCurvesState, { state: 'ready' }> | null {
  const d = run.recipe.derivative;
  if (d.method !== 'savgol' || d.window !== smoothing.window || d.polyorder !== smoothing.polyorder)
    return null;
  const groups: GroupSpectra[] = [];
  const failed: Array<{ label: string; reason: string }> = [];
  for (const g of run.groups) {
    if (!g.average.ok) {
      failed.push({ label: g.label, reason: g.average.reason });
      continue;
    }
    const c = run.curves[g.label];
    if (!c?.didvStd || !c.normalisedStd) return null;
    groups.push({
      label: g.label,
      n: c.n,
      bias: c.bias,
      current: c.current,
      currentStd: c.currentStd,
      didv: c.didv,
      didvStd: c.didvStd,
      normalised: c.normalisedConductance,
      normalisedStd: c.normalisedStd,
      edges: g.average.edges,
      leftOut: g.leftOutOfAverage?.length ?? 0,
      rangeNote: g.average.rangeNote ?? null,
    });
  }
  return { state: 'ready', groups, failed };
}

/**
 * The worker's group curves at `smoothing`, from the run's counted sweeps (`spectra`, with the
 * run's rows loaded); idle while `enabled` is false (the stored curves are drawn).
 */
export function useGroupCurves(
  pool: AnalysisPool | null,
  run: AnalysisRunView,
  spectra: ReadonlyMap<number, AnalysisSpectrum>,
  smoothing: { window: number; polyorder: number },
  enabled: boolean,
): GroupCurvesState {
  const [result, setResult] = useState<GroupCurvesState>({ state: 'loading' });
  const { window: sgWindow, polyorder } = smoothing;

  useEffect(() => {
    if (!enabled || !pool || spectra.size === 0) return;
    let current = true;
    const recipe: RecipeOverrides = {
      ...run.recipe,
      // The run's own span limit kept (maxSpan): only the window and order are the view's.
      derivative: { ...run.recipe.derivative, method: 'savgol', window: sgWindow, polyorder },
    };
    // Debounced: typing "21" must not start a run for "2".
    const timer = window.setTimeout(() => {
      void Promise.all(
        groupLabels(run).map((label) => {
          // Each counted spectrum is one member, prepared in the run's direction (both sweeps
          // averaged for 'mean'), as the stored run counted it.
          const members = countedResults(run, label).flatMap((r) => {
            const s = spectra.get(r.spectrumId);
            return s ? [s] : [];
          });
          return groupSpectra(pool, label, members, recipe);
        }),
      ).then(
        (all) => {
          if (!current) return;
          const groups = all.filter((g): g is GroupSpectra => 'bias' in g);
          const failed = all.filter((g): g is { label: string; reason: string } => 'reason' in g);
          setResult({ state: 'ready', groups, failed });
        },
        (e: unknown) =>
          current && setResult({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [enabled, pool, run, spectra, sgWindow, polyorder]);

  return result;
}
