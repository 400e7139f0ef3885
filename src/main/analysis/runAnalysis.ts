// One analysis run on this thread (the CLI, which has no other requests to answer): analyse, store
// and return the run as stored. The server runs the same job in a worker (analysisJobs.ts).
import type { Database } from 'better-sqlite3';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import { APP_VERSION } from '../appVersion.ts';
import { analyseAndStore } from './analysisRunner.ts';
import { getAnalysisRun } from './analysisRuns.ts';

/** Without a scope, the whole library (the CLI's `analyze`); the app always passes one. */
export function runAnalysis(
  db: Database,
  overrides: RecipeOverrides = {},
  scope?: AnalysisScope,
): AnalysisRunView {
  return withScope(db, getAnalysisRun(db, analyseAndStore(db, overrides, APP_VERSION, scope)));
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
