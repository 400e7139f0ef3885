// The whole of STS-ANALYSIS.md for a set of spectra and one recipe, composed from its stages:
// 1. series (detectSeries: position AND time, split/join by hand);
// 2. per spectrum, series by series (seriesStage.ts): tidy → grid → dI/dV → edges, in-gap states,
//    VB peak, trap integrals, quality flags; the degradation table of each series of ≥ 2 sweeps;
// 3. outliers and exclusions (applyExclusions), then the group stage (aggregateGroups): per label
//    the averaged spectrum with its own edges and traps, and statistics over the FIRST sweep of
//    each series that is not excluded (each spot counts once); deep-trap reductions with CIs for
//    every ordered pair of groups.
// Spectra without a label take part in series but in no group. The worker pool runs stage 2 on
// chunks of whole series in parallel and stage 3 once, with the same functions.
import { aggregateGroups, applyExclusions } from './aggregateGroups.ts';
import { BlockPool, CurveArena } from './curveArena.ts';
import { detectSeries } from './detectSeries.ts';
import type { Series, SeriesSpot } from './detectSeries.ts';
import { resolveRecipe } from './recipe.ts';
import type { AnalysisRecipe, RecipeOverrides } from './recipe.ts';
import type { PipelineResult, PipelineSpectrum } from './results.ts';
import { analyseSeriesSet } from './seriesStage.ts';

/** Stage 1: the series of a set of spectra under a recipe. Throws on a repeated id. */
export function seriesOf<Id>(
  spectra: ReadonlyArray<SeriesSpot<Id>>,
  recipe: AnalysisRecipe,
): Array<Series<Id>> {
  const seen = new Set<Id>();
  for (const s of spectra) {
    if (seen.has(s.id)) throw new RangeError(`duplicate spectrum id ${String(s.id)}`);
    seen.add(s.id);
  }
  const { radius, maxGapMinutes, split, join } = recipe.series;
  return detectSeries(spectra, {
    radius,
    maxGapMinutes,
    split: split as unknown as Id[],
    join: join as unknown as Id[],
  });
}

/**
 * Blocks for the kept curves of each run (curveArena.ts), handed back when it ends: nothing the
 * run returns shares their memory (group averages, results and series rows are new arrays and
 * numbers). Up to 128 MB stay for the next run (a 10⁴-spectrum run of 512-point sweeps uses 80).
 */
const runBlocks = new BlockPool(128 * 1024 * 1024);

export function runPipeline<Id>(
  spectra: ReadonlyArray<PipelineSpectrum<Id>>,
  overrides: RecipeOverrides = {},
  /** memberSpread: each group average's member spread too (stored runs; aggregateGroups). */
  options: { memberSpread?: boolean } = {},
): PipelineResult<Id> {
  const recipe = resolveRecipe(overrides);
  const arenas = { prepared: new CurveArena(runBlocks), derivative: new CurveArena(runBlocks) };
  try {
    const stage = analyseSeriesSet(spectra, seriesOf(spectra, recipe), recipe, 0, null, null, arenas);
    applyExclusions(stage.spectra, recipe);
    const { groups, comparisons } = aggregateGroups(stage.spectra, stage.kept, recipe, undefined, options);
    return { recipe, spectra: stage.spectra, groups, comparisons, series: stage.series };
  } finally {
    arenas.prepared.free();
    arenas.derivative.free();
  }
}
