// One analysis run on a library: load the spectra, run the whole pipeline with the recipe, store
// the run (recipe + app version + results) and return it as stored.
import type { Database } from 'better-sqlite3';
import { runPipeline } from '../../shared/analysis/index.ts';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { APP_VERSION } from '../appVersion.ts';
import { getAnalysisRun, storeAnalysisRun } from './analysisRuns.ts';
import { withStoredExclusions } from './exclusions.ts';
import { loadSpectraForAnalysis } from './loadSpectra.ts';

export function runAnalysis(db: Database, overrides: RecipeOverrides = {}): AnalysisRunView {
  const spectra = loadSpectraForAnalysis(db);
  if (spectra.length === 0)
    throw new ApiError(
      'no-data',
      'the library holds no bias-spectroscopy spectra to analyse; import some first',
    );
  // The library's exclusions (by hand, with notes) go into the recipe stored with the run.
  const result = runPipeline(spectra, withStoredExclusions(db, overrides));
  const runId = storeAnalysisRun(db, result, spectra, APP_VERSION);
  return getAnalysisRun(db, runId);
}
