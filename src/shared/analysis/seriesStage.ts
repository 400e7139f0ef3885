// Pipeline stages for the spectra of whole series (runPipeline runs it on everything; the worker
// pool on chunks of whole series, in parallel):
//   tidy → grid (prepareCurve) → derivative (differentiate, or the lock-in channel scaled to it)
//   → per-spectrum results (edges, in-gap states, VB peak, traps, quality flags)
//   → series (degradation rows against each series' first sweep).
// Returns the per-spectrum results in the order of `spectra`, the series of ≥ 2 sweeps, and the
// tidied curves that group averages need (labelled, usable, first of series or every sweep per
// recipe.averageSweeps), so no later stage prepares a curve again.
import type { Series } from './detectSeries.ts';
import type { BandEdges } from './findBandEdges.ts';
import { lockInDidv } from './lockInDidv.ts';
import { differentiate, prepareCurve } from './prepareSpectrum.ts';
import type { PreparedCurve } from './prepareSpectrum.ts';
import { saturation, secondDifferenceNoise, tipChange } from './qualityFlags.ts';
import { savgolKernel } from './savgolFilter.ts';
import type { FlagFinding } from './qualityFlags.ts';
import type { AnalysisRecipe } from './recipe.ts';
import type { KeptCurve, PipelineSpectrum, SeriesResult, SpectrumResult } from './results.ts';
import { sweepDegradation } from './seriesDegradation.ts';
import { spectrumMeasures } from './spectrumMeasures.ts';
import type { NumberArray, Outcome } from './types.ts';

const NO_EDGES: BandEdges = { vbm: null, cbm: null, gap: null, reason: null };

export interface SeriesStageResult<Id> {
  /** Same order as the input spectra. */
  spectra: Array<SpectrumResult<Id>>;
  series: Array<SeriesResult<Id>>;
  kept: KeptCurve[];
}

function failed<Id>(
  spectrum: PipelineSpectrum<Id>,
  reason: string,
  series: number,
  k: number,
): SpectrumResult<Id> {
  return {
    id: spectrum.id,
    label: spectrum.label,
    ok: false,
    reason,
    vbm: null,
    cbm: null,
    gap: null,
    vbPeak: null,
    deep: null,
    shallowVb: null,
    shallowCb: null,
    inGapStates: [],
    flags: ['too-few-points'],
    flagReasons: [reason],
    excluded: true,
    exclusionReason: `too-few-points: ${reason}`,
    lockInFit: null,
    series,
    sweepInSeries: k,
  };
}

/** The lock-in channel on the prepared curve's grid, scaled against the numerical dI/dV. */
function lockInOnGrid<Id>(
  spectrum: PipelineSpectrum<Id>,
  curve: PreparedCurve,
  numerical: NumberArray,
  recipe: AnalysisRecipe,
): Outcome<{ didv: Float64Array; fit: { scale: number; phase: number; r2: number } }> {
  const lockIn = spectrum.lockIn;
  if (!lockIn) return { ok: false, reason: 'no lock-in channel recorded' };
  const single = { ...recipe, direction: 'forward' as const };
  const x = prepareCurve({ bias: spectrum.bias, current: lockIn.x }, null, single);
  const y = lockIn.y ? prepareCurve({ bias: spectrum.bias, current: lockIn.y }, null, single) : null;
  if (!x.ok) return x;
  if (y && !y.ok) return y;
  if (x.bias.length !== curve.bias.length)
    return { ok: false, reason: 'the lock-in channel does not cover the same bias points as the current' };
  const r = lockInDidv(x.current, y?.current ?? null, numerical);
  if (!r.ok) return r;
  return { ok: true, didv: r.didv, fit: { scale: r.scale, phase: r.phase, r2: r.r2 } };
}

/** σ of the numerical dI/dV (A/V): the current's white-noise σ through the derivative kernel. */
function derivativeNoise(curve: PreparedCurve, recipe: AnalysisRecipe): number {
  const sigma = secondDifferenceNoise(curve.current);
  const { method, window, polyorder } = recipe.derivative;
  if (method === 'central') return sigma / (Math.SQRT2 * curve.step);
  const h = savgolKernel(window, polyorder, 1).interior;
  let sum = 0;
  for (let j = 0; j < h.length; j++) sum += h[j]! * h[j]!;
  return (sigma * Math.sqrt(sum)) / curve.step;
}

export function analyseSeriesSet<Id>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  series: ReadonlyArray<Series<Id>>,
  recipe: AnalysisRecipe,
  /** Added to series indices (chunks of a larger set); and each spectrum's index in the whole input. */
  seriesOffset = 0,
  inputIndex: (i: number) => number = (i) => i,
): SeriesStageResult<Id> {
  const byId = new Map<Id, number>();
  spectra.forEach((s, i) => byId.set(s.id, i));
  const results: Array<SpectrumResult<Id>> = new Array(spectra.length);
  const kept: KeptCurve[] = [];
  const seriesResults: Array<SeriesResult<Id>> = [];

  series.forEach((s, localIndex) => {
    const seriesIndex = seriesOffset + localIndex;
    let first: BandEdges | null = null;
    const rows: SeriesResult<Id>['sweeps'] = [];
    s.spotIds.forEach((id, position) => {
      const index = byId.get(id)!;
      const spectrum = spectra[index]!;
      const k = position + 1;
      const curve = prepareCurve(spectrum, spectrum.backward, recipe);
      const numerical = curve.ok ? differentiate(curve, recipe) : curve;
      if (!curve.ok || !numerical.ok) {
        const reason = `sweep unusable: ${numerical.ok ? '' : numerical.reason}`;
        results[index] = failed(spectrum, reason, seriesIndex, k);
        first ??= NO_EDGES;
        rows.push({
          ...sweepDegradation(k, [], [], NO_EDGES, null, first, 0),
          metallic: false,
          reason,
          inGapStates: [],
        });
        return;
      }
      let didv: NumberArray = numerical.didv;
      let lockInFit: SpectrumResult<Id>['lockInFit'] = null;
      const notes: string[] = [];
      if (recipe.didvSource === 'lock-in') {
        const l = lockInOnGrid(spectrum, curve, numerical.didv, recipe);
        if (l.ok) {
          didv = l.didv;
          lockInFit = l.fit;
        } else notes.push(`lock-in not used (${l.reason}): numerical dI/dV`);
      }
      const noise = lockInFit ? null : derivativeNoise(curve, recipe);
      const m = spectrumMeasures(curve.bias, didv, recipe, noise);
      const findings: FlagFinding[] = [];
      const q = recipe.quality;
      const sat = saturation(curve.bias, curve.current, { run: q.saturationRun, k: q.saturationK });
      if (sat) findings.push(sat);
      // A clipped run's corners are steps too; a saturated sweep is excluded anyway.
      const tip = sat ? null : tipChange(curve.bias, curve.current, { k: q.tipChangeK });
      if (tip) findings.push(tip);
      findings.push(...m.flags);
      first ??= m.edges;
      rows.push({
        ...sweepDegradation(k, curve.bias, didv, m.edges, m.vbPeak, first, recipe.series.metallicThreshold),
        inGapStates: m.inGapStates,
      });
      const reasons = [m.edges.reason, m.vbPeak === null ? 'no positive VB peak' : null, ...notes].filter(
        (r) => r !== null,
      );
      results[index] = {
        id: spectrum.id,
        label: spectrum.label,
        ok: true,
        reason: reasons.length ? reasons.join('; ') : null,
        vbm: m.edges.vbm,
        cbm: m.edges.cbm,
        gap: m.edges.gap,
        vbPeak: m.vbPeak,
        deep: m.traps.deep,
        shallowVb: m.traps.shallowVb,
        shallowCb: m.traps.shallowCb,
        inGapStates: m.inGapStates,
        flags: findings.map((f) => f.flag),
        flagReasons: findings.map((f) => f.reason),
        // Decided by the group stage (outliers, the user's exclusions); flagged ones by default.
        excluded: findings.length > 0,
        exclusionReason: findings.length ? findings.map((f) => `${f.flag}: ${f.reason}`).join('; ') : null,
        lockInFit,
        series: seriesIndex,
        sweepInSeries: k,
      };
      if (spectrum.label !== null && (k === 1 || recipe.averageSweeps === 'all')) {
        // The prepared arrays are this spectrum's own (the derivative buffer is not kept).
        kept.push({
          index: inputIndex(index),
          label: spectrum.label,
          curve: { bias: curve.bias, current: curve.current },
        });
      }
    });
    if (s.spotIds.length >= 2) {
      const label = spectra[byId.get(s.spotIds[0]!)!]!.label;
      seriesResults.push({ spotIds: s.spotIds, label, sweeps: rows });
    }
  });
  return { spectra: results, series: seriesResults, kept };
}
