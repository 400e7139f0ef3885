// One analysis run on this thread (the CLI, which has no other requests to answer): analyse, store
// and return the run as stored. The server runs the same job in a worker (analysisJobs.ts).
import type { Database } from 'better-sqlite3';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisRunView } from '../../shared/api/contract.ts';
import { APP_VERSION } from '../appVersion.ts';
import { analyseAndStore } from './analysisRunner.ts';
import { getAnalysisRun } from './analysisRuns.ts';

export function runAnalysis(db: Database, overrides: RecipeOverrides = {}): AnalysisRunView {
  return getAnalysisRun(db, analyseAndStore(db, overrides, APP_VERSION));
}
