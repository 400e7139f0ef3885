// dI/dV of each sweep of one series at the run's recipe, differentiated in the worker pool (one
// averageAndDifferentiate call per sweep: the "average" of a single sweep is that sweep, prepared
// in the run's direction as the stored run prepared it).
import { useEffect, useState } from 'react';
import type {
  AnalysisRunView,
  AnalysisSeriesSummary,
  AnalysisSpectrum,
} from '../../../../shared/api/contract.ts';
import type { AnalysisPool } from '../../../../workers/analysisPool.ts';

export interface SweepCurve {
  k: number;
  /** V. */
  bias: Float64Array;
  /** A/V. */
  didv: Float64Array;
}

export function useSweepCurves(
  pool: AnalysisPool | null,
  run: AnalysisRunView,
  spectra: ReadonlyMap<number, AnalysisSpectrum>,
  series: AnalysisSeriesSummary | null,
): { curves: SweepCurve[]; error: string | null } {
  const [state, setState] = useState<{ curves: SweepCurve[]; error: string | null }>({
    curves: [],
    error: null,
  });
  useEffect(() => {
    if (!pool || !series || spectra.size === 0) return;
    let current = true;
    void Promise.all(
      series.spectrumIds.map(async (id, i): Promise<SweepCurve | null> => {
        const s = spectra.get(id);
        if (!s) return null;
        const result = await pool.averageAndDifferentiate([s], run.recipe);
        return result.ok ? { k: i + 1, bias: result.columns[0], didv: result.columns[3] } : null;
      }),
    ).then(
      (all) => current && setState({ curves: all.filter((c): c is SweepCurve => c !== null), error: null }),
      (e: unknown) => current && setState({ curves: [], error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [pool, run, spectra, series]);
  return state;
}
