// Pipeline stages for the spectra of whole series (runPipeline runs it on everything; the worker
// pool on chunks of whole series, in parallel):
//   tidy → grid (prepareCurve) → derivative (differentiate, or the lock-in channel scaled to it)
//   → per-spectrum results (edges, in-gap states, VB peak, traps, quality flags)
//   → series (degradation rows against each series' first sweep).
// Returns the per-spectrum results in the order of `spectra`, the series of ≥ 2 sweeps, and the
// tidied curves that group averages need (labelled, usable, first of series or every sweep per
// recipe.averageSweeps), so no later stage prepares a curve again.
import type { StageArenas } from './curveArena.ts';
import type { Series } from './detectSeries.ts';
import type { BandEdges } from './findBandEdges.ts';
import { lockInDidv } from './lockInDidv.ts';
import { currentNoiseOf, noiseRaise } from './noiseProfile.ts';
import type { CurrentNoise, NoiseProfile } from './noiseProfile.ts';
import { derivativeNoise, differentiate, prepareCurve } from './prepareSpectrum.ts';
import type { PreparedCurve } from './prepareSpectrum.ts';
import { saturation, tipChange } from './qualityFlags.ts';
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
    currentNoiseRaise: null,
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
 * One spectrum's intermediate results, each with the stage key (stageKeys.ts) it was computed
 * under. A fresh (empty) cache computes everything; re-analysis passes the previous run's caches
 * and only stages whose key changed run again, with the same functions, so the results are equal.
 */
export interface SpectrumCache {
  /** The prepared curve and its current's noise σ (A), for the sweep and its noisy blocks. */
  prepared?: { key: string; curve: Outcome<PreparedCurve>; currentNoise: CurrentNoise };
  currentFlags?: { key: string; findings: FlagFinding[] };
  derivative?: {
    key: string;
    result: Outcome<{
      didv: NumberArray;
      lockInFit: SpectrumResult['lockInFit'];
      notes: string[];
      /** σ of the numerical dI/dV along the sweep, A/V; null with the lock-in channel. */
      noise: NoiseProfile | null;
    }>;
  };
  edges?: { key: string; measured: SpectrumEdges };
  traps?: { key: string; traps: TrapWindows };
  degradation?: { key: string; row: SweepDegradation };
}

// Every function below is declared at module level, and analyseSeriesSet loops with `for`, not
// with closures created per call: V8 holds a closure's optimised code only weakly, so closures
// created per chunk were recompiled in every run once the previous run's were collected
// (~35–90 ms of TurboFan each for the per-spectrum body, in every worker, every run).

/** The cache's entry for `stage` when it was computed under `key`, else null (to compute it again). */
function heldEntry<K extends keyof SpectrumCache>(
  cache: SpectrumCache,
  stage: K,
  key: string,
): NonNullable<SpectrumCache[K]> | null {
  const held = cache[stage];
  return held && held.key === key ? (held as NonNullable<SpectrumCache[K]>) : null;
}

type Prepared = NonNullable<SpectrumCache['prepared']>;
type Derivative = NonNullable<SpectrumCache['derivative']>;
type Derived = Derivative['result'];

/** The noise of a curve that could not be prepared (nothing reads it). */
const NO_NOISE: CurrentNoise = { sigma: 0, blocks: null, quiet: 0 };

function preparedOf<Id>(
  spectrum: PipelineSpectrum<Id>,
  cache: SpectrumCache,
  recipe: AnalysisRecipe,
  key: string,
  arenas: StageArenas | null,
): Prepared {
  const held = heldEntry(cache, 'prepared', key);
  if (held) return held;
  const curve = prepareCurve(spectrum, spectrum.backward, recipe, arenas?.prepared ?? null);
  return (cache.prepared = { key, curve, currentNoise: curve.ok ? currentNoiseOf(curve.current) : NO_NOISE });
}

function derive<Id>(
  spectrum: PipelineSpectrum<Id>,
  curve: Outcome<PreparedCurve>,
  recipe: AnalysisRecipe,
  currentNoise: CurrentNoise,
  arenas: StageArenas | null,
): Derived {
  if (!curve.ok) return curve;
  const numerical = differentiate(curve, recipe);
  if (!numerical.ok) return numerical;
  // differentiate's buffer is overwritten by the next call: copied to keep.
  const own = arenas
    ? arenas.derivative.take(numerical.didv.length)
    : new Float64Array(numerical.didv.length);
  own.set(numerical.didv);
  const notes: string[] = [];
  if (recipe.didvSource === 'lock-in') {
    const l = lockInOnGrid(spectrum, curve, own, recipe);
    if (l.ok) return { ok: true, didv: l.didv, lockInFit: l.fit, notes, noise: null };
    notes.push(`lock-in not used (${l.reason}): numerical dI/dV`);
  }
  const noise = derivativeNoise(currentNoise, recipe.derivative, curve.step);
  return { ok: true, didv: own, lockInFit: null, notes, noise };
}

/** Tidy → grid → dI/dV of one spectrum, through its cache. */
function derivativeOf<Id>(
  spectrum: PipelineSpectrum<Id>,
  cache: SpectrumCache,
  recipe: AnalysisRecipe,
  keys: StageKeys,
  arenas: StageArenas | null,
): {
  curve: Outcome<PreparedCurve>;
  /** The prepared current's noise σ (A), for the sweep and its noisy blocks. */
  currentNoise: CurrentNoise;
  derivative: Derived;
} {
  const { curve, currentNoise } = preparedOf(spectrum, cache, recipe, keys.prepare, arenas);
  const held =
    heldEntry(cache, 'derivative', keys.derivative) ??
    (cache.derivative = {
      key: keys.derivative,
      result: derive(spectrum, curve, recipe, currentNoise, arenas),
    });
  return { curve, currentNoise, derivative: held.result };
}

/** Saturation and tip-change findings on the prepared current (quality flags that need no dI/dV). */
function currentFindingsOf(
  curve: PreparedCurve,
  currentNoise: CurrentNoise,
  recipe: AnalysisRecipe,
): FlagFinding[] {
  const findings: FlagFinding[] = [];
  const q = recipe.quality;
  const sat = saturation(curve.bias, curve.current, {
    run: q.saturationRun,
    k: q.saturationK,
    noise: currentNoise.sigma, // the same secondDifferenceNoise of this prepared current
  });
  if (sat) findings.push(sat);
  // A clipped run's corners are steps too; a saturated sweep is excluded anyway.
  const tip = sat
    ? null
    : tipChange(curve.bias, curve.current, { k: q.tipChangeK, localK: q.tipChangeLocalK });
  if (tip) findings.push(tip);
  return findings;
}

/** What one series sweep adds to the stage's outputs. */
interface SweepOutputs<Id> {
  results: Array<SpectrumResult<Id>>;
  kept: KeptCurve[];
  rows: SeriesResult<Id>['sweeps'];
}

/**
 * Sweep k (1…) of a series: its per-spectrum result (results[index]), its degradation row against
 * the series' first edges (`first`, null for the first sweep) and, when kept, its curve. Returns the
 * edges the next sweeps compare with.
 */
function analyseSweep<Id>(
  spectrum: PipelineSpectrum<Id>,
  cache: SpectrumCache,
  index: number,
  inputIndex: number,
  seriesIndex: number,
  k: number,
  first: BandEdges | null,
  recipe: AnalysisRecipe,
  keys: StageKeys,
  arenas: StageArenas | null,
  out: SweepOutputs<Id>,
): BandEdges {
  const { curve, currentNoise, derivative } = derivativeOf(spectrum, cache, recipe, keys, arenas);
  if (!curve.ok || !derivative.ok) {
    const reason = `sweep unusable: ${derivative.ok ? '' : derivative.reason}`;
    out.results[index] = failed(spectrum, reason, seriesIndex, k);
    const firstEdges = first ?? NO_EDGES;
    out.rows.push({
      ...sweepDegradation(k, [], [], NO_EDGES, null, firstEdges, 0),
      metallic: false,
      reason,
      inGapStates: [],
    });
    return firstEdges;
  }
  const { didv, lockInFit, notes, noise } = derivative;
  const { measured } =
    heldEntry(cache, 'edges', keys.edges) ??
    (cache.edges = { key: keys.edges, measured: spectrumEdges(curve.bias, didv, recipe, noise) });
  const { traps } =
    heldEntry(cache, 'traps', keys.traps) ??
    (cache.traps = { key: keys.traps, traps: spectrumTraps(curve.bias, didv, measured, recipe) });
  const currentFindings = (
    heldEntry(cache, 'currentFlags', keys.currentFlags) ??
    (cache.currentFlags = {
      key: keys.currentFlags,
      findings: currentFindingsOf(curve, currentNoise, recipe),
    })
  ).findings;
  const findings = [...currentFindings, ...measured.flags];
  const edges = measured.edges;
  const firstEdges = first ?? edges;
  const { row } =
    heldEntry(cache, 'degradation', keys.degradation) ??
    (cache.degradation = {
      key: keys.degradation,
      row: sweepDegradation(
        k,
        curve.bias,
        didv,
        edges,
        measured.vbPeak,
        firstEdges,
        recipe.series.metallicThreshold,
      ),
    });
  out.rows.push({ ...row, inGapStates: measured.inGapStates });
  const reasons: string[] = [];
  if (edges.reason !== null) reasons.push(edges.reason);
  if (measured.vbPeak === null) reasons.push('no positive VB peak');
  for (const note of notes) reasons.push(note);
  const flags: FlagFinding['flag'][] = [];
  const flagReasons: string[] = [];
  const excluding: string[] = [];
  for (const f of findings) {
    flags.push(f.flag);
    flagReasons.push(f.reason);
    if (EXCLUDING_FLAGS.has(f.flag)) excluding.push(`${f.flag}: ${f.reason}`);
  }
  out.results[index] = {
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
    flags,
    flagReasons,
    // Decided by the group stage (outliers, the user's exclusions); by default a spectrum
    // flagged with an excluding flag (not a finding such as 'no-gap') is left out.
    excluded: excluding.length > 0,
    exclusionReason: excluding.length ? excluding.join('; ') : null,
    lockInFit,
    // The current's noisy blocks judged the edges only when the dI/dV is the current's derivative.
    currentNoiseRaise: noise === null ? null : noiseRaise(currentNoise),
    seriesIndex,
    sweepInSeries: k,
  };
  if (spectrum.label !== null && (k === 1 || recipe.averageSweeps === 'all')) {
    // The prepared arrays are this spectrum's own (kept in its cache, never written to).
    out.kept.push({
      index: inputIndex,
      label: spectrum.label,
      curve: { bias: curve.bias, current: curve.current },
    });
  }
  return firstEdges;
}

export function analyseSeriesSet<Id>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  series: ReadonlyArray<Series<Id>>,
  recipe: AnalysisRecipe,
  /** Added to series indices (chunks of a larger set). */
  seriesOffset = 0,
  /** Each spectrum's index in the whole input (chunks of a larger set); default its own index. */
  inputIndices: ArrayLike<number> | null = null,
  /** One per spectrum (same order), kept by the caller between runs; default fresh ones. */
  caches: SpectrumCache[] | null = null,
  /**
   * Where the kept curves' arrays go (curveArena.ts): the caller rewinds or frees them only when
   * no cache entry or kept curve of this call is used any more. New arrays when null.
   */
  arenas: StageArenas | null = null,
): SeriesStageResult<Id> {
  const keys = stageKeys(recipe);
  const byId = new Map<Id, number>();
  for (let i = 0; i < spectra.length; i++) byId.set(spectra[i]!.id, i);
  const own = caches ?? [];
  if (!caches) for (let i = 0; i < spectra.length; i++) own.push({});
  const out: SweepOutputs<Id> = { results: new Array(spectra.length), kept: [], rows: [] };
  const seriesResults: Array<SeriesResult<Id>> = [];
  for (let localIndex = 0; localIndex < series.length; localIndex++) {
    const spotIds = series[localIndex]!.spotIds;
    const seriesIndex = seriesOffset + localIndex;
    let first: BandEdges | null = null;
    out.rows = [];
    for (let position = 0; position < spotIds.length; position++) {
      const index = byId.get(spotIds[position]!)!;
      first = analyseSweep(
        spectra[index]!,
        own[index]!,
        index,
        inputIndices ? inputIndices[index]! : index,
        seriesIndex,
        position + 1,
        first,
        recipe,
        keys,
        arenas,
        out,
      );
    }
    if (spotIds.length >= 2) {
      const label = spectra[byId.get(spotIds[0]!)!]!.label;
      seriesResults.push({ spotIds, label, sweeps: out.rows });
    }
  }
  return { spectra: out.results, series: seriesResults, kept: out.kept };
}
