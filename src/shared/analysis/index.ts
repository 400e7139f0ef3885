// Public surface of the STS analysis (STS-ANALYSIS.md). Pure TypeScript: runs in main, in worker
// threads, in Web Workers and in the renderer alike.
export type { Curve, NumberArray, Outcome } from './types.ts';

export { tidySweep } from './tidySweep.ts';
export type { TidySweepOptions, TidySweepResult } from './tidySweep.ts';
export { combineDirections } from './combineDirections.ts';
export type { DirectionMode } from './combineDirections.ts';

export { commonGrid, medianStep } from './commonGrid.ts';
export type { CommonGridOptions, CommonGridResult } from './commonGrid.ts';
export { resampleLinear } from './resampleLinear.ts';

export { averageCurves } from './averageCurves.ts';
export type { AverageMode, AveragedCurve } from './averageCurves.ts';

export { savgolFilter, savgolKernel } from './savgolFilter.ts';
export type { SavgolKernel, SavgolOptions } from './savgolFilter.ts';
export { savgolCoefficients } from './savgolCoefficients.ts';
export type { SavgolCoefficientsOptions } from './savgolCoefficients.ts';
export { centralDifference } from './centralDifference.ts';

export { scaleLockIn } from './scaleLockIn.ts';
export type { ScaleLockInOptions, ScaleLockInResult } from './scaleLockIn.ts';
export { normalisedConductance } from './normalisedConductance.ts';
export type { NormalisedConductance, NormalisedConductanceOptions } from './normalisedConductance.ts';

export { localMaxima } from './localMaxima.ts';
export { peakProminences } from './peakProminences.ts';
export type { PeakProminences } from './peakProminences.ts';
export { parabolicApex } from './parabolicApex.ts';
export { findBandEdges, DEFAULT_BAND_EDGE_OPTIONS } from './findBandEdges.ts';
export type { BandEdgeMethod, BandEdgeOptions, BandEdges } from './findBandEdges.ts';

export { histogram } from './histogram.ts';
export type { Histogram, HistogramOptions } from './histogram.ts';
export { summaryStats } from './summaryStats.ts';
export type { SummaryStats } from './summaryStats.ts';
export { bootstrapCi } from './bootstrapCi.ts';
export type { BootstrapCi, BootstrapOptions } from './bootstrapCi.ts';
export { percentileSorted } from './percentile.ts';
export { DEFAULT_SEED, labelSeed, mulberry32 } from './random.ts';

export { normaliseByVbPeak, principalVbPeak } from './normaliseByVbPeak.ts';
export type { VbPeakNormalised } from './normaliseByVbPeak.ts';
export { integrateWindow } from './integrateWindow.ts';
export { trapWindows, DEFAULT_DEEP_WINDOW } from './trapWindows.ts';
export type { TrapWindowOptions, TrapWindows } from './trapWindows.ts';
export { deepTrapReduction } from './deepTrapReduction.ts';
export type { DeepTrapReduction, DeepTrapReductionOptions } from './deepTrapReduction.ts';

export { detectSeries, firstOfEachSeries } from './detectSeries.ts';
export type { DetectSeriesOptions, Series, SeriesSpot } from './detectSeries.ts';
export { seriesDegradation } from './seriesDegradation.ts';
export type { SeriesDegradationOptions, SeriesSweep, SweepDegradation } from './seriesDegradation.ts';

export { DEFAULT_RECIPE, recipeSchema, resolveRecipe } from './recipe.ts';
export type { AnalysisRecipe, RecipeExclusion, RecipeOverrides } from './recipe.ts';
export { runPipeline, seriesOf } from './runPipeline.ts';
export { aggregateGroups, applyExclusions, decideExclusions, flagOutliers } from './aggregateGroups.ts';
export { analyseSeriesSet } from './seriesStage.ts';
export type { SeriesStageResult } from './seriesStage.ts';
export { prepareCurve, differentiate, narrowedWindowNote, savgolWindow } from './prepareSpectrum.ts';
export { currentNoiseOf, curveNoise, noisyCurrentNote } from './noiseProfile.ts';
export { groupInputOf } from './results.ts';
export type {
  GroupComparison,
  GroupInput,
  GroupResult,
  KeptCurve,
  PipelineResult,
  PipelineSpectrum,
  SeriesResult,
  SpectrumResult,
} from './results.ts';
export type { GroupAverage, GroupCurves } from './groupAverage.ts';
export { bandWalk } from './bandWalk.ts';
export type { BandSide, BandWalkOptions, BandWalkResult, InGapState } from './bandWalk.ts';
export { spectrumBandEdges } from './spectrumBandEdges.ts';
export type { SpectrumBandEdges } from './spectrumBandEdges.ts';
export { QUALITY_FLAGS, saturation, tipChange } from './qualityFlags.ts';
export type { FlagFinding, QualityFlag } from './qualityFlags.ts';
export { inPhase, lockInDidv } from './lockInDidv.ts';
export type { LockInDidv } from './lockInDidv.ts';
