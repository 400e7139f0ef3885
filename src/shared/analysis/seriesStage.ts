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
import type { SweepDegradation } from './seriesDegradation.ts';
import { spectrumEdges, spectrumTraps } from './spectrumMeasures.ts';
import type { SpectrumEdges } from './spectrumMeasures.ts';
import { stageKeys } from './stageKeys.ts';
import type { StageKeys } from './stageKeys.ts';
import type { TrapWindows } from './trapWindows.ts';
import { EXCLUDING_FLAGS } from './qualityFlags.ts';
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
    spectrumId: spectrum.id,
    label: spectrum.label,
    ok: false,
    reason,
    vbm: null,
    cbm: null,
    gap: null,
    vbPeak: null,
    deepTrap: null,
    shallowVb: null,
    shallowCb: null,
    inGapStates: [],
    flags: ['too-few-points'],
    flagReasons: [reason],
    excluded: true,
    exclusionReason: `too-few-points: ${reason}`,
    lockInFit: null,
    seriesIndex: series,
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

/**
 * σ of the numerical dI/dV (A/V): the current's white-noise σ (A, `currentNoise`, from the
 * prepared curve's second differences) through the derivative kernel.
 */
function derivativeNoise(curve: PreparedCurve, currentNoise: number, recipe: AnalysisRecipe): number {
  const { method, window, polyorder } = recipe.derivative;
  if (method === 'central') return currentNoise / (Math.SQRT2 * curve.step);
  const h = savgolKernel(window, polyorder, 1).interior;
  let sum = 0;
  for (let j = 0; j < h.length; j++) sum += h[j]! * h[j]!;
  return (currentNoise * Math.sqrt(sum)) / curve.step;
}

/**
 * One spectrum's intermediate results, each with the stage key (stageKeys.ts) it was computed
 * under. A fresh (empty) cache computes everything; re-analysis passes the previous run's caches
 * and only stages whose key changed run again, with the same functions, so the results are equal.
 */
export interface SpectrumCache {
  /** The prepared curve and its current's white-noise σ (A). */
  prepared?: { key: string; curve: Outcome<PreparedCurve>; currentNoise: number };
  currentFlags?: { key: string; findings: FlagFinding[] };
  derivative?: {
    key: string;
    result: Outcome<{
      didv: NumberArray;
      lockInFit: SpectrumResult['lockInFit'];
      notes: string[];
      /** σ of the numerical dI/dV, A/V; null with the lock-in channel. */
      noise: number | null;
    }>;
  };
  edges?: { key: string; measured: SpectrumEdges };
  traps?: { key: string; traps: TrapWindows };
  degradation?: { key: string; row: SweepDegradation };
}

function cached<K extends keyof SpectrumCache>(
  cache: SpectrumCache,
  stage: K,
  key: string,
  compute: () => Omit<NonNullable<SpectrumCache[K]>, 'key'>,
): NonNullable<SpectrumCache[K]> {
  const held = cache[stage];
  if (held && held.key === key) return held as NonNullable<SpectrumCache[K]>;
  const fresh = { key, ...compute() } as NonNullable<SpectrumCache[K]>;
  cache[stage] = fresh;
  return fresh;
}

/** Tidy → grid → dI/dV of one spectrum, through its cache. */
function derivativeOf<Id>(
  spectrum: PipelineSpectrum<Id>,
  cache: SpectrumCache,
  recipe: AnalysisRecipe,
  keys: StageKeys,
): {
  curve: Outcome<PreparedCurve>;
  /** White-noise σ of the prepared current, A. */
  currentNoise: number;
  derivative: NonNullable<SpectrumCache['derivative']>['result'];
} {
  const { curve, currentNoise } = cached(cache, 'prepared', keys.prepare, () => {
    const prepared = prepareCurve(spectrum, spectrum.backward, recipe);
    return { curve: prepared, currentNoise: prepared.ok ? secondDifferenceNoise(prepared.current) : 0 };
  });
  type Derived = NonNullable<SpectrumCache['derivative']>['result'];
  const { result } = cached(cache, 'derivative', keys.derivative, (): { result: Derived } => {
    if (!curve.ok) return { result: curve };
    const numerical = differentiate(curve, recipe);
    if (!numerical.ok) return { result: numerical };
    const own = numerical.didv.slice(); // differentiate's buffer is overwritten by the next call
    const notes: string[] = [];
    if (recipe.didvSource === 'lock-in') {
      const l = lockInOnGrid(spectrum, curve, own, recipe);
      if (l.ok) return { result: { ok: true as const, didv: l.didv, lockInFit: l.fit, notes, noise: null } };
      notes.push(`lock-in not used (${l.reason}): numerical dI/dV`);
    }
    const noise = derivativeNoise(curve, currentNoise, recipe);
    return { result: { ok: true as const, didv: own, lockInFit: null, notes, noise } };
  });
  return { curve, currentNoise, derivative: result };
}

export function analyseSeriesSet<Id>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  series: ReadonlyArray<Series<Id>>,
  recipe: AnalysisRecipe,
  /** Added to series indices (chunks of a larger set); and each spectrum's index in the whole input. */
  seriesOffset = 0,
  inputIndex: (i: number) => number = (i) => i,
  /** One per spectrum (same order), kept by the caller between runs; default fresh ones. */
  caches: SpectrumCache[] = spectra.map(() => ({})),
): SeriesStageResult<Id> {
  const keys = stageKeys(recipe);
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
      const cache = caches[index]!;
      const k = position + 1;
      const { curve, currentNoise, derivative } = derivativeOf(spectrum, cache, recipe, keys);
      if (!curve.ok || !derivative.ok) {
        const reason = `sweep unusable: ${derivative.ok ? '' : derivative.reason}`;
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
      const { didv, lockInFit, notes, noise } = derivative;
      const { measured } = cached(cache, 'edges', keys.edges, () => ({
        measured: spectrumEdges(curve.bias, didv, recipe, noise),
      }));
      const { traps } = cached(cache, 'traps', keys.traps, () => ({
        traps: spectrumTraps(curve.bias, didv, measured, recipe),
      }));
      const { findings: currentFindings } = cached(cache, 'currentFlags', keys.currentFlags, () => {
        const findings: FlagFinding[] = [];
        const q = recipe.quality;
        const sat = saturation(curve.bias, curve.current, {
          run: q.saturationRun,
          k: q.saturationK,
          noise: currentNoise, // the same secondDifferenceNoise of this prepared current
        });
        if (sat) findings.push(sat);
        // A clipped run's corners are steps too; a saturated sweep is excluded anyway.
        const tip = sat ? null : tipChange(curve.bias, curve.current, { k: q.tipChangeK });
        if (tip) findings.push(tip);
        return { findings };
      });
      const findings = [...currentFindings, ...measured.flags];
      const edges = measured.edges;
      first ??= edges;
      const firstEdges = first;
      const { row } = cached(cache, 'degradation', keys.degradation, () => ({
        row: sweepDegradation(
          k,
          curve.bias,
          didv,
          edges,
          measured.vbPeak,
          firstEdges,
          recipe.series.metallicThreshold,
        ),
      }));
      rows.push({ ...row, inGapStates: measured.inGapStates });
      const reasons = [
        edges.reason,
        measured.vbPeak === null ? 'no positive VB peak' : null,
        ...notes,
      ].filter((r) => r !== null);
      const excluding = findings.filter((f) => EXCLUDING_FLAGS.has(f.flag));
      results[index] = {
        spectrumId: spectrum.id,
        label: spectrum.label,
        ok: true,
        reason: reasons.length ? reasons.join('; ') : null,
        vbm: edges.vbm,
        cbm: edges.cbm,
        gap: edges.gap,
        vbPeak: measured.vbPeak,
        deepTrap: traps.deep,
        shallowVb: traps.shallowVb,
        shallowCb: traps.shallowCb,
        inGapStates: measured.inGapStates,
        flags: findings.map((f) => f.flag),
        flagReasons: findings.map((f) => f.reason),
        // Decided by the group stage (outliers, the user's exclusions); by default a spectrum
        // flagged with an excluding flag (not a finding such as 'no-gap') is left out.
        excluded: excluding.length > 0,
        exclusionReason: excluding.length ? excluding.map((f) => `${f.flag}: ${f.reason}`).join('; ') : null,
        lockInFit,
        seriesIndex,
        sweepInSeries: k,
      };
      if (spectrum.label !== null && (k === 1 || recipe.averageSweeps === 'all')) {
        // The prepared arrays are this spectrum's own (kept in its cache, never written to).
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
