// Every recipe field a per-spectrum stage reads must be in that stage's key (stageKeys.ts), else
// re-analysis would serve a stale stage. For each such field: analyse with the defaults (filling
// the caches), change the field, analyse again through the caches, and compare with a fresh
// analysis; the test also checks that the fields it changes plus the group-stage fields (rerun
// every time) are all the recipe's fields, so a new field cannot slip past it.
import { describe, expect, it } from 'vitest';
import { syntheticSession } from '../../../scripts/demo/syntheticSession.ts';
import { DEFAULT_RECIPE, resolveRecipe } from './recipe.ts';
import type { RecipeOverrides } from './recipe.ts';
import { seriesOf } from './runPipeline.ts';
import { analyseSeriesSet } from './seriesStage.ts';
import type { SpectrumCache } from './seriesStage.ts';

/** Field path → a valid value other than the default. */
const CHANGES: Record<string, RecipeOverrides> = {
  direction: { direction: 'backward' },
  minPoints: { minPoints: 300 },
  uniformTolerance: { uniformTolerance: 0 },
  didvSource: { didvSource: 'lock-in' },
  'derivative.method': { derivative: { method: 'central' } },
  'derivative.window': { derivative: { window: 25 } },
  'derivative.polyorder': { derivative: { polyorder: 2 } },
  'derivative.maxSpan': { derivative: { maxSpan: 0.3 } },
  'edges.method': { edges: { method: 'onset' } },
  'edges.prominenceFraction': { edges: { prominenceFraction: 0.3 } },
  'edges.heightFraction': { edges: { method: 'first-peak', heightFraction: 0.5 } },
  'edges.ignoreBelow': { edges: { ignoreBelow: 0.6 } },
  'edges.connectFraction': { edges: { connectFraction: 0.6 } },
  'edges.minContrast': { edges: { minContrast: 40 } },
  'edges.bandPeakFraction': { edges: { bandPeakFraction: 0.3 } },
  'edges.tailPeakFraction': { edges: { tailPeakFraction: 0.9 } },
  'edges.apexHalfWidth': { edges: { apexHalfWidth: 1 } },
  'edges.bandK': { edges: { bandK: 30 } },
  'edges.inGapK': { edges: { inGapK: 30 } },
  'edges.onsetK': { edges: { method: 'onset', onsetK: 20 } },
  'edges.noiseWindow': { edges: { method: 'onset', noiseWindow: 0.6 } },
  'edges.onsetRun': { edges: { method: 'onset', onsetRun: 9 } },
  'traps.deep': { traps: { deep: [-0.4, 0.3] } },
  'quality.saturationRun': { quality: { saturationRun: 2 } },
  'quality.saturationK': { quality: { saturationK: 20 } },
  'quality.tipChangeK': { quality: { tipChangeK: 2 } },
  'quality.tipChangeLocalK': { quality: { tipChangeLocalK: 50 } },
  'series.metallicThreshold': { series: { metallicThreshold: 0.001 } },
};

/** Read by the group stage only (which reruns on every analysis) or by series planning (a new plan). */
const GROUP_OR_PLAN = [
  'average',
  'averageSweeps',
  'averageMinCover',
  'normalisation.deltaV',
  'normalisation.offsetWindow',
  'bootstrap.resamples',
  'bootstrap.seed',
  'bootstrap.level',
  'series.radius',
  'series.maxGapMinutes',
  'series.split',
  'series.join',
  'quality.outlierK',
  'quality.outlierMinSpread',
  'quality.outlierMinGroup',
  'quality.minCiN',
  'exclusions',
  'histogram',
];

function leaves(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    const nested = typeof v === 'object' && v !== null && !Array.isArray(v) && !['histogram'].includes(path);
    return nested ? leaves(v as object, path) : [path];
  });
}

const { spectra } = syntheticSession(4);

describe('stage keys', () => {
  it('cover every recipe field (changed below, or read by the group stage / series plan)', () => {
    expect([...Object.keys(CHANGES), ...GROUP_OR_PLAN].sort()).toEqual(leaves(DEFAULT_RECIPE).sort());
  });

  it.each(Object.entries(CHANGES))('a change of %s reruns what reads it', (_, change) => {
    const before = resolveRecipe({});
    const after = resolveRecipe(change);
    const series = seriesOf(spectra, before);
    const caches: SpectrumCache[] = spectra.map(() => ({}));
    analyseSeriesSet(spectra, series, before, 0, null, caches);
    const cached = analyseSeriesSet(spectra, series, after, 0, null, caches);
    const fresh = analyseSeriesSet(spectra, series, after);
    expect(cached).toEqual(fresh);
  });
});
