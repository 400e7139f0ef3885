import { describe, expect, it } from 'vitest';
import * as analysis from './index.ts';

describe('analysis public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(analysis).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_BAND_EDGE_OPTIONS",
        "DEFAULT_DEEP_WINDOW",
        "DEFAULT_RECIPE",
        "DEFAULT_SEED",
        "aggregateGroups",
        "averageCurves",
        "bootstrapCi",
        "centralDifference",
        "combineDirections",
        "commonGrid",
        "deepTrapReduction",
        "detectSeries",
        "findBandEdges",
        "firstOfEachSeries",
        "histogram",
        "integrateWindow",
        "labelSeed",
        "localMaxima",
        "medianStep",
        "mulberry32",
        "normaliseByVbPeak",
        "normalisedConductance",
        "parabolicApex",
        "peakProminences",
        "percentileSorted",
        "prepareCurve",
        "principalVbPeak",
        "resampleLinear",
        "resolveRecipe",
        "runPipeline",
        "savgolCoefficients",
        "savgolFilter",
        "savgolKernel",
        "scaleLockIn",
        "seriesDegradation",
        "summaryStats",
        "tidySweep",
        "trapWindows",
      ]
    `);
  });
});
