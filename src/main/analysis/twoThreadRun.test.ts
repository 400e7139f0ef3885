// The stored run on two threads (twoThreadRun.ts, helper = the real stored-run worker module)
// equals runPipeline on the same spectra, for several seeds and recipes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../shared/analysis/index.ts';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import { spectraOfSlab } from '../../shared/model/spectraSlab.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { SOURCE_ANALYSIS_RUN_WORKER_URL } from './analysisJobs.ts';
import { loadSpectraMeta, loadSpectraSlab } from './loadSpectra.ts';
import { analyseOnTwoThreads } from './twoThreadRun.ts';

const RECIPES: Array<[string, RecipeOverrides]> = [
  ['defaults', {}],
  [
    'mean of directions, median, all sweeps, onset',
    {
      direction: 'mean',
      average: 'median',
      averageSweeps: 'all',
      edges: { method: 'onset' },
    },
  ],
];

describe('a stored run on two threads', () => {
  it.each([
    [7, 500],
    [2026, 1300],
  ])(
    'equals runPipeline (seed %i, %i files)',
    async (seed, files) => {
      const path = join(mkdtempSync(join(tmpdir(), 'sts-two-threads-')), 'library.sqlite');
      const db = openLibrary(path);
      try {
        writeSyntheticLibrary(db, { files, points: 128, seed });
        const spectra = spectraOfSlab(loadSpectraSlab(db));
        const meta = loadSpectraMeta(db);
        expect(meta.map((m) => m.id)).toEqual(spectra.map((s) => s.id));
        for (const [, recipe] of RECIPES) {
          const split = await analyseOnTwoThreads(db, path, meta, recipe, SOURCE_ANALYSIS_RUN_WORKER_URL);
          const direct = runPipeline(spectra, recipe, { memberSpread: true });
          expect(split).toEqual(direct);
          expect(direct.groups).toHaveLength(3);
          expect(direct.spectra).toHaveLength(files);
        }
      } finally {
        db.close();
      }
    },
    120_000,
  );
});
