// The whole of STS-ANALYSIS.md for a set of spectra and one recipe:
// - per spectrum: tidy → (uniform grid) → dI/dV → band edges, VB peak, trap integrals;
// - series (repeated sweeps on one spot) and, per series of ≥ 2 sweeps, the degradation table;
// - per group (label): the averaged spectrum with its own edges and traps, and statistics over
//   the FIRST sweep of each series only (each spot counts once);
// - for every ordered pair of groups (A, B): deep-trap reduction 1 − mean(B)/mean(A) with CI.
// Spectra without a label take part in series but in no group.
import { aggregateGroups } from './aggregateGroups.ts';
import type { KeptCurve } from './aggregateGroups.ts';
import type { DeepTrapReduction } from './deepTrapReduction.ts';
import { detectSeries } from './detectSeries.ts';
import type { SeriesSpot } from './detectSeries.ts';
import type { GroupAverage } from './groupAverage.ts';
import type { Histogram } from './histogram.ts';
import { differentiate, prepareCurve } from './prepareSpectrum.ts';
import type { RawSweep } from './prepareSpectrum.ts';
import { resolveRecipe } from './recipe.ts';
import type { AnalysisRecipe, RecipeOverrides } from './recipe.ts';
import { sweepDegradation } from './seriesDegradation.ts';
import type { SweepDegradation } from './seriesDegradation.ts';
import { spectrumMeasures } from './spectrumMeasures.ts';
import type { BandEdges } from './findBandEdges.ts';
import type { SummaryStats } from './summaryStats.ts';
import type { Curve } from './types.ts';

export interface PipelineSpectrum<Id = number | string> extends SeriesSpot<Id> {
  /** Group label (`core`, `crown-centre`, …), or null for none. */
  label: string | null;
  /** Forward sweep, acquisition order: bias V, current A. */
  bias: ArrayLike<number>;
  current: ArrayLike<number>;
  /** Backward sweep, when recorded (recipe.direction 'backward' or 'mean'). */
  backward?: RawSweep | null;
}

export interface SpectrumResult<Id = number | string> {
  id: Id;
  label: string | null;
  /** False when the sweep was unusable; `reason` says why. */
  ok: boolean;
  /** Why the sweep is unusable or an edge / VB peak is missing; null when all was found. */
  reason: string | null;
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  /** Principal VB peak height, A/V. */
  vbPeak: number | null;
  /** Trap integrals of VB-peak-normalised dI/dV, V. */
  deep: number | null;
  shallowVb: number | null;
  shallowCb: number | null;
  /** Index into PipelineResult.series and 1-based sweep number within it. */
  series: number;
  sweepInSeries: number;
}

export interface GroupResult {
  label: string;
  /** Usable spectra in the group, and how many of them are first of their series (counted). */
  spectra: number;
  counted: number;
  average: GroupAverage;
  stats: { vbm: SummaryStats; cbm: SummaryStats; gap: SummaryStats; deepTrap: SummaryStats };
  histograms: { vbm: Histogram; cbm: Histogram; gap: Histogram };
}

export interface GroupComparison extends DeepTrapReduction {
  /** Reference group A and compared group B. */
  a: string;
  b: string;
}

export interface SeriesResult<Id = number | string> {
  spotIds: Id[];
  /** Label of the first sweep. */
  label: string | null;
  sweeps: SweepDegradation[];
}

export interface PipelineResult<Id = number | string> {
  recipe: AnalysisRecipe;
  spectra: Array<SpectrumResult<Id>>;
  groups: GroupResult[];
  comparisons: GroupComparison[];
  /** Series with two or more sweeps. */
  series: Array<SeriesResult<Id>>;
}

const NO_EDGES: BandEdges = { vbm: null, cbm: null, gap: null, reason: null };

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
    series,
    sweepInSeries: k,
  };
}

export function runPipeline<Id>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  overrides: RecipeOverrides = {},
): PipelineResult<Id> {
  const recipe = resolveRecipe(overrides);
  const byId = new Map<Id, number>();
  spectra.forEach((s, i) => {
    if (byId.has(s.id)) throw new RangeError(`duplicate spectrum id ${String(s.id)}`);
    byId.set(s.id, i);
  });
  const allSeries = detectSeries(spectra, { radius: recipe.series.radius });
  const results: Array<SpectrumResult<Id> | undefined> = new Array(spectra.length);
  /** Curves kept for group averages, by spectrum index. */
  const kept = new Map<number, Curve>();
  const seriesResults: Array<SeriesResult<Id>> = [];

  allSeries.forEach((series, seriesIndex) => {
    let first: BandEdges | null = null;
    const rows: SweepDegradation[] = [];
    series.spotIds.forEach((id, position) => {
      const index = byId.get(id)!;
      const spectrum = spectra[index]!;
      const k = position + 1;
      const curve = prepareCurve(spectrum, spectrum.backward, recipe);
      const derivative = curve.ok ? differentiate(curve, recipe) : curve;
      if (!curve.ok || !derivative.ok) {
        const reason = `sweep unusable: ${derivative.ok ? '' : derivative.reason}`;
        results[index] = failed(spectrum, reason, seriesIndex, k);
        first ??= NO_EDGES;
        rows.push({ ...sweepDegradation(k, [], [], NO_EDGES, null, first, 0), metallic: false, reason });
        return;
      }
      const m = spectrumMeasures(curve.bias, derivative.didv, recipe);
      first ??= m.edges;
      rows.push(
        sweepDegradation(
          k,
          curve.bias,
          derivative.didv,
          m.edges,
          m.vbPeak,
          first,
          recipe.series.metallicThreshold,
        ),
      );
      const reasons = [m.edges.reason, m.vbPeak === null ? 'no positive VB peak' : null].filter(
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
        series: seriesIndex,
        sweepInSeries: k,
      };
      if (spectrum.label !== null && (k === 1 || recipe.averageSweeps === 'all')) {
        kept.set(index, { bias: curve.bias, current: curve.current });
      }
    });
    if (series.spotIds.length >= 2) {
      const label = spectra[byId.get(series.spotIds[0]!)!]!.label;
      seriesResults.push({ spotIds: series.spotIds, label, sweeps: rows });
    }
  });

  const spectrumResults = results as Array<SpectrumResult<Id>>;
  const keptCurves: KeptCurve[] = [...kept.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, curve]) => ({ index, label: spectra[index]!.label!, curve }));
  const { groups, comparisons } = aggregateGroups(spectrumResults, keptCurves, recipe);
  return { recipe, spectra: spectrumResults, groups, comparisons, series: seriesResults };
}
