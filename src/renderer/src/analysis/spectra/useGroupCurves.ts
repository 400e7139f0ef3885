// Per-group averaged spectra for the Spectra view at the view's own smoothing: one worker call per
// group (pool.groupSpectra, groups spread over the workers) averages its I(V), differentiates the
// average, and differentiates each member sweep alone for the ±std spread of dI/dV; the UI thread
// only packs each group's sweeps into one transferred buffer.
import { useEffect, useState } from 'react';
import type { AnalysisRunView, AnalysisSpectrum } from '../../../../shared/api/contract.ts';
import type { RecipeOverrides } from '../../../../shared/analysis/index.ts';
import type { AnalysisPool } from '../../../../workers/analysisPool.ts';
import type { GroupSpectraResult } from '../../../../workers/groupSpectra.ts';
import { countedResults, groupLabels, sweepsOf } from '../runGroups.ts';

/** One group's curves as the worker computes them (`src/workers/groupSpectra.ts`), with its label. */
export type GroupSpectra = Omit<Extract<GroupSpectraResult, { ok: true }>, 'ok'> & { label: string };

export type GroupCurvesState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; groups: GroupSpectra[]; failed: Array<{ label: string; reason: string }> };

async function groupSpectra(
  pool: AnalysisPool,
  label: string,
  curves: Array<{ bias: Float64Array; current: Float64Array }>,
  recipe: RecipeOverrides,
): Promise<GroupSpectra | { label: string; reason: string }> {
  const result = await pool.groupSpectra(curves, recipe);
  if (!result.ok) return { label, reason: result.reason };
  const { n, bias, current, currentStd, didv, didvStd, normalised, normalisedStd, edges } = result;
  return { label, n, bias, current, currentStd, didv, didvStd, normalised, normalisedStd, edges };
}

export function useGroupCurves(
  pool: AnalysisPool | null,
  run: AnalysisRunView,
  spectra: ReadonlyMap<number, AnalysisSpectrum>,
  smoothing: { window: number; polyorder: number },
): GroupCurvesState {
  const [result, setResult] = useState<GroupCurvesState>({ state: 'loading' });
  const { window: sgWindow, polyorder } = smoothing;

  useEffect(() => {
    if (!pool || spectra.size === 0) return;
    let current = true;
    const recipe: RecipeOverrides = {
      ...run.recipe,
      derivative: { method: 'savgol', window: sgWindow, polyorder },
    };
    // Debounced: typing "21" must not start a run for "2".
    const timer = window.setTimeout(() => {
      void Promise.all(
        groupLabels(run).map((label) => {
          const curves = countedResults(run, label).flatMap((r) => {
            const s = spectra.get(r.spectrumId);
            return s ? sweepsOf(s, run.recipe.direction) : [];
          });
          return groupSpectra(pool, label, curves, recipe);
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
  }, [pool, run, spectra, sgWindow, polyorder]);

  return result;
}
