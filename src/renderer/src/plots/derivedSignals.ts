// dI/dV and normalised dI/dV of single spectra for the Library's overlay, computed in an analysis
// Web Worker (the renderer's main thread never differentiates), with the default recipe
// (Savitzky–Golay 15 points, order 3; Feenstra ΔV = 1 V).
import { createAnalysisPool } from '../../../workers/analysisPool.ts';
import type { AnalysisPool } from '../../../workers/analysisPool.ts';
import type { SpectrumCurves } from '../../../shared/model/library.ts';

export const DIDV = 'dI/dV (Savitzky–Golay 15/3)';
export const NORMALISED = 'Normalised dI/dV (Feenstra)';
export const DERIVED_SIGNALS = [DIDV, NORMALISED];

let pool: AnalysisPool | null = null;

/** Bias (V, ascending) and the derived signal (A/V, or dimensionless when normalised). */
export async function derivedSignal(
  spectrum: SpectrumCurves,
  signal: string,
): Promise<{ x: Float64Array; y: Float64Array; unit: string } | null> {
  pool ??= createAnalysisPool({ size: 1 });
  const result = await pool.averageAndDifferentiate([{ bias: spectrum.bias, current: spectrum.current }]);
  if (!result.ok) return null;
  const [bias, , , didv, normalised] = result.columns;
  return signal === NORMALISED ? { x: bias, y: normalised, unit: '' } : { x: bias, y: didv, unit: 'A/V' };
}
