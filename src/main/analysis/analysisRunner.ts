// The one place main calls the analysis pipeline: the stored-run job (worker thread or CLI) goes
// through here, so changes to the pipeline's internals (stages, incremental paths) meet main at
// one call. Loads the library's spectra into a slab, runs the recipe, stores the run.
import type { Database } from 'better-sqlite3';
import { availableParallelism, loadavg } from 'node:os';
import { runPipeline } from '../../shared/analysis/index.ts';
import type { PipelineResult, RecipeOverrides } from '../../shared/analysis/index.ts';
import type { AnalysisProgress, AnalysisSpectrum } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { AnalysisScope } from '../../shared/model/library.ts';
import { storeAnalysisRun } from './analysisRuns.ts';
import { withStoredExclusions } from './exclusions.ts';
import { withStoredSeriesEdits } from './seriesEdits.ts';
import { curvesReadBy, loadAnalysisSpectra, loadSpectraMeta } from './loadSpectra.ts';
import type { LoadSpectraFilter } from './loadSpectra.ts';
import { analyseOnTwoThreads, TWO_THREAD_MIN_SPECTRA } from './twoThreadRun.ts';

/** The stages of a stored run, in order, for progress reports. */
export type AnalysisPhase = AnalysisProgress['phase'];

type OnPhase = (phase: AnalysisPhase, spectra: number) => void;

function filterOf(scope: AnalysisScope | undefined): LoadSpectraFilter {
  if (!scope) return {};
  return 'sessionIds' in scope ? { sessionIds: scope.sessionIds } : { ids: scope.spectrumIds };
}

function noData(scope: AnalysisScope | undefined): ApiError {
  return new ApiError(
    'no-data',
    scope
      ? 'the chosen sessions or spectra hold no bias-spectroscopy spectra to analyse'
      : 'the library holds no bias-spectroscopy spectra to analyse; import some first',
  );
}

/**
 * The run's recipe with the user's choices stored in the library (exclusions and series edits, by
 * hand, with notes): they go into the recipe stored with the run.
 */
function withStoredChoices(db: Database, overrides: RecipeOverrides): RecipeOverrides {
  return withStoredSeriesEdits(db, withStoredExclusions(db, overrides));
}

/** The scope's analysable spectra (the whole library without one) and the recipe with stored exclusions. */
function loadRun(
  db: Database,
  overrides: RecipeOverrides,
  scope: AnalysisScope | undefined,
  onPhase: OnPhase,
): { spectra: AnalysisSpectrum[]; recipe: RecipeOverrides } {
  onPhase('loading', 0);
  const spectra = loadAnalysisSpectra(db, filterOf(scope), curvesReadBy(overrides));
  if (spectra.length === 0) throw noData(scope);
  onPhase('analysing', spectra.length);
  return { spectra, recipe: withStoredChoices(db, overrides) };
}

/** A run analysed and not yet stored. */
export interface AnalysedRun {
  result: PipelineResult<number>;
  /** The spectra analysed (their ids and names are stored with the run's series). */
  spectra: ReadonlyArray<Pick<AnalysisSpectrum, 'id' | 'name'>>;
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
  return { result: runPipeline(spectra, recipe, { memberSpread: true }), spectra, scope };
}

/**
 * loadAndAnalyse with the per-spectrum work on both cores (twoThreadRun.ts): this thread and a
 * helper started from `workerUrl` each read and analyse half of the chunks. Small sets, and any
 * set while no core is free, stay on this thread (the same numbers either way).
 */
export async function loadAndAnalyseOnTwoThreads(
  db: Database,
  dbPath: string,
  overrides: RecipeOverrides,
  workerUrl: URL | string,
  scope?: AnalysisScope,
  onPhase: OnPhase = () => undefined,
): Promise<AnalysedRun> {
  // Without a free core, straight to one thread (the layout query below would be read twice).
  if (!aCoreIsFree()) return loadAndAnalyse(db, overrides, scope, onPhase);
  onPhase('loading', 0);
  const meta = loadSpectraMeta(db, filterOf(scope));
  if (meta.length === 0) throw noData(scope);
  if (meta.length < TWO_THREAD_MIN_SPECTRA) return loadAndAnalyse(db, overrides, scope, onPhase);
  onPhase('analysing', meta.length);
  const recipe = withStoredChoices(db, overrides);
  return { result: await analyseOnTwoThreads(db, dbPath, meta, recipe, workerUrl), spectra: meta, scope };
}

/**
 * True when the machine has a core to spare for the helper thread: at least three (the server's
 * own thread keeps one busy answering), and a 1-minute load average below their number less one.
 * A helper costs ~1 s of CPU for 10,000 sweeps (its own module load, layout and reads, the tidied
 * curves sent back): on 2 cores it slowed the run down even on the idle machine (bench:scale,
 * 10,000-sweep session: 4.86 s with it, 3.88 s without; at load 7.5: 7.8 s against 6.0 s).
 */
function aCoreIsFree(): boolean {
  const cores = availableParallelism();
  return cores >= 3 && loadavg()[0]! < cores - 1;
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
