// What every analysis sub-view reads besides its own controls: the shown run, its spectra's curves,
// the worker pool and the label colours. Provided once by the Analysis tab (from useAnalysisRun and
// useAnalysisInputs), read with useAnalysis() instead of being passed through each view.
import { createContext, useContext, useEffect } from 'react';
import type { AnalysisRunView, AnalysisSpectrum } from '../../../shared/api/contract.ts';
import type { AnalysisInputs } from './useAnalysisInputs.ts';

export interface AnalysisContextValue extends Pick<
  AnalysisInputs,
  'spectra' | 'requestSpectra' | 'pool' | 'colourOf'
> {
  run: AnalysisRunView;
}

export const AnalysisContext = createContext<AnalysisContextValue | null>(null);

/** The shown run and its inputs; only inside the Analysis tab's provider (a run is shown). */
export function useAnalysis(): AnalysisContextValue {
  const value = useContext(AnalysisContext);
  if (!value) throw new Error('useAnalysis() outside the Analysis tab (no run is shown)');
  return value;
}

/**
 * The curves of the run's spectra by id, asking for them on mount (empty until loaded). `needed`
 * false: not asked for (yet), e.g. the Spectra view drawing the stored curves.
 */
export function useRunSpectra(needed = true): ReadonlyMap<number, AnalysisSpectrum> {
  const { spectra, requestSpectra } = useAnalysis();
  useEffect(() => {
    if (needed) requestSpectra();
  }, [needed, requestSpectra]);
  return spectra;
}
