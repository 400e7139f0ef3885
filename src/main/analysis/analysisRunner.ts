// The one place main calls the analysis pipeline: the stored-run job (worker thread or CLI) goes
// through here, so changes to the pipeline's internals (stages, incremental paths) meet main at
// one call. Loads the library's spectra into a slab, runs the recipe, stores the run.
import type { Database } from 'better-sqlite3';
import { runPipeline } from '../../shared/analysis/index.ts';
import type { PipelineResult, RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisProgress, AnalysisSpectrum } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import { spectraOfSlab } from '../../shared/model/spectraSlab.ts';
import { storeAnalysisRun } from './analysisRuns.ts';
import { withStoredExclusions } from './exclusions.ts';
import { loadSpectraSlab } from './loadSpectra.ts';

/** The stages of a stored run, in order, for progress reports. */
export type AnalysisPhase = AnalysisProgress['phase'];

type OnPhase = (phase: AnalysisPhase, spectra: number) => void;

/** The scope's analysable spectra (the whole library without one) and the recipe with stored exclusions. */
function loadRun(
  db: Database,
  overrides: RecipeOverrides,
  scope: AnalysisScope | undefined,
  onPhase: OnPhase,
): { spectra: AnalysisSpectrum[]; recipe: RecipeOverrides } {
  onPhase('loading', 0);
  const filter = !scope
    ? {}
    : 'sessionIds' in scope
      ? { sessionIds: scope.sessionIds }
      : { ids: scope.spectrumIds };
  const spectra = spectraOfSlab(loadSpectraSlab(db, filter));
  if (spectra.length === 0)
    throw new ApiError(
      'no-data',
      scope
        ? 'the chosen sessions or spectra hold no bias-spectroscopy spectra to analyse'
        : 'the library holds no bias-spectroscopy spectra to analyse; import some first',
    );
  onPhase('analysing', spectra.length);
  // The library's exclusions (by hand, with notes) go into the recipe stored with the run.
  return { spectra, recipe: withStoredExclusions(db, overrides) };
}

/** A run analysed and not yet stored. */
export interface AnalysedRun {
  result: PipelineResult<number>;
  spectra: AnalysisSpectrum[];
  scope: AnalysisScope | undefined;
}

/** Loads the scope's spectra and runs the recipe on this thread (stored with storeRun). */
export function loadAndAnalyse(
  db: Database,
  overrides: RecipeOverrides,
  scope?: AnalysisScope,
  onPhase: OnPhase = () => undefined,
): AnalysedRun {
  const { spectra, recipe } = loadRun(db, overrides, scope, onPhase);
  return { result: runPipeline(spectra, recipe), spectra, scope };
}

/** Stores an analysed run with its scope in one transaction; its id. */
export function storeRun(db: Database, run: AnalysedRun, appVersion: string): number {
  const { result, spectra, scope } = run;
  return db.transaction(() => {
    const runId = storeAnalysisRun(db, result, spectra, appVersion);
    if (scope)
      db.prepare('INSERT INTO analysis_run_scopes (run_id, scope_json) VALUES (?, ?)').run(
        runId,
        JSON.stringify(scope),
      );
    return runId;
  })();
}

/**
 * Runs the recipe on the scope's analysable spectra (the whole library without one) on this
 * thread and stores the run with its scope; returns its id.
 */
export function analyseAndStore(
  db: Database,
  overrides: RecipeOverrides,
  appVersion: string,
  scope?: AnalysisScope,
  onPhase: OnPhase = () => undefined,
): number {
  const run = loadAndAnalyse(db, overrides, scope, onPhase);
  onPhase('storing', run.spectra.length);
  return storeRun(db, run, appVersion);
}
