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
import type { AnalysisScope } from '../../shared/model/library.ts';
import { loadSpectraForAnalysis } from './loadSpectra.ts';

/** Without a scope, the whole library (the CLI's `analyze`); the app always passes one. */
export function runAnalysis(
  db: Database,
  overrides: RecipeOverrides = {},
  scope?: AnalysisScope,
): AnalysisRunView {
  const filter = !scope
    ? {}
    : 'sessionIds' in scope
      ? { sessionIds: scope.sessionIds }
      : { ids: scope.spectrumIds };
  const spectra = loadSpectraForAnalysis(db, filter);
  if (spectra.length === 0)
    throw new ApiError(
      'no-data',
      scope
        ? 'the chosen sessions or spectra hold no bias-spectroscopy spectra to analyse'
        : 'the library holds no bias-spectroscopy spectra to analyse; import some first',
    );
  // The library's exclusions (by hand, with notes) go into the recipe stored with the run.
  const result = runPipeline(spectra, withStoredExclusions(db, overrides));
  const runId = db.transaction(() => {
    const stored = storeAnalysisRun(db, result, spectra, APP_VERSION);
    if (scope)
      db.prepare('INSERT INTO analysis_run_scopes (run_id, scope_json) VALUES (?, ?)').run(
        stored,
        JSON.stringify(scope),
      );
    return stored;
  })();
  return withScope(db, getAnalysisRun(db, runId));
}

/** The run's stored scope added to a run row or view. */
export function withScope<Run extends { runId: number }>(
  db: Database,
  run: Run,
): Run & { scope?: AnalysisScope } {
  const stored = db
    .prepare('SELECT scope_json FROM analysis_run_scopes WHERE run_id = ?')
    .pluck()
    .get(run.runId) as string | undefined;
  return stored ? { ...run, scope: JSON.parse(stored) as AnalysisScope } : run;
}
