// The LibraryApi implementation: plain Node, no Electron, so the desktop app (IPC), browser mode
// (HTTP bridge), the CLI and tests all run the same code on a real SQLite file.
import type { Database } from 'better-sqlite3';
import type { ResourceLimits } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LibraryApiHandlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { ImportProgress } from '../../shared/model/library.ts';
import { AnalysisJobs } from '../analysis/analysisJobs.ts';
import { getAnalysisRun, listAnalysisResults, listAnalysisRuns } from '../analysis/analysisRuns.ts';
import { loadSpectraSlab } from '../analysis/loadSpectra.ts';
import { withScope } from '../analysis/runAnalysis.ts';
import { listSpectrumExclusions, setSpectrumExclusion } from '../analysis/exclusions.ts';
import { listSeriesEdits, setSeriesEdit } from '../analysis/seriesEdits.ts';
import { APP_VERSION } from '../appVersion.ts';
import { ImportRun } from '../import/importRun.ts';
import { ParsePool, SOURCE_WORKER_URL } from '../import/parsePool.ts';
import { applyLabelsCsv } from '../library/applyLabelsCsv.ts';
import { readLabelsFile } from '../library/readLabelsFile.ts';
import { setLabel } from '../library/labels.ts';
import { LibraryWatch } from '../watch/libraryWatch.ts';
import { importThrough } from '../watch/serviceImport.ts';
import { getSchemaVersion } from '../library/migrate.ts';
import { readGridCube } from '../grid/readGridCube.ts';
import { GridRunJobs } from '../grid/gridRunJobs.ts';
import { getGridRun } from '../grid/gridRuns.ts';
import { listGridFrames } from '../grid/gridFrames.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { readOnlyRefusal } from '../library/libraryErrors.ts';
import {
  deleteSession,
  fileImportRunAsSession,
  listSessions,
  mergeSessions,
  renameSession,
} from '../library/sessions.ts';
import {
  getImage,
  getSpectrum,
  listFiles,
  listImages,
  listLabels,
  listSpectra,
  listSpectraInFrame,
} from '../library/queries.ts';

export interface LibraryServiceOptions {
  dbPath: string;
  /** Parse worker script; the bundled app passes its built copy. */
  workerUrl?: URL | string;
  /** Parse workers; default one per core. */
  workers?: number;
  /** Stored-run worker script; the bundled app passes its built copy. */
  analysisWorkerUrl?: URL | string;
  /** Grid-map worker script (src/main/grid/nodeGridMapWorker.ts); the bundled app passes its built copy. */
  gridMapWorkerUrl?: URL | string;
  /** V8 limits of each parse worker; default DEFAULT_WORKER_LIMITS. */
  workerLimits?: ResourceLimits;
  /** Open the library read-only (browsing and export of a library on a read-only disk). */
  readonly?: boolean;
  /** Open it read-only only if it cannot be written (serve: browsing a library on a read-only disk). */
  readonlyIfNeeded?: boolean;
}

/** The methods that write to the library: a read-only library refuses them with code 'read-only'. */
const WRITING_METHODS = [
  'startImport',
  'setLabel',
  'importLabels',
  'importLabelsText',
  'runAnalysis',
  'startAnalysis',
  'renameSession',
  'mergeSessions',
  'deleteSession',
  'setSpectrumExclusion',
  'setSeriesEdit',
  'startWatch',
] as const satisfies ReadonlyArray<keyof LibraryApiHandlers>;

export class LibraryService {
  readonly db: Database;
  readonly dbPath: string;
  /** True when the library was opened read-only (asked for, or its disk/file/folder is read-only). */
  readonly readOnly: boolean;
  private pool: ParsePool | null = null;
  private readonly runs = new Map<number, ImportRun>();
  /** The paths each run was asked to import, by run id. */
  private readonly runPaths = new Map<number, string[]>();
  private readonly options: LibraryServiceOptions;
  private readonly analyses: AnalysisJobs;
  private readonly gridRuns: GridRunJobs;
  /** The watched session of this library (src/main/watch). */
  readonly watch: LibraryWatch;

  constructor(options: LibraryServiceOptions) {
    this.options = options;
    this.dbPath = options.dbPath;
    this.db = openLibrary(options.dbPath, {
      readonly: options.readonly,
      readonlyIfNeeded: options.readonlyIfNeeded,
    });
    this.readOnly = this.db.readonly;
    if (this.readOnly) this.refuseWrites();
    this.analyses = new AnalysisJobs(this.db.name, APP_VERSION, options.analysisWorkerUrl);
    this.gridRuns = new GridRunJobs(this.db, {
      appVersion: APP_VERSION,
      workerUrl: options.gridMapWorkerUrl,
      readonly: options.readonly,
    });
    this.watch = new LibraryWatch(this.db, importThrough(this));
  }

  /**
   * Starts an import and returns the run; poll run.progress or await run.done. While another import
   * (here or in another process) writes to this library, the run waits its turn (progress.waiting).
   */
  /** Every writing method answers "library is read-only: <path>"; reading keeps working. */
  private refuseWrites(): void {
    const path = resolve(this.dbPath);
    for (const method of WRITING_METHODS) {
      (this.handlers as Record<string, unknown>)[method] = () => {
        throw new ApiError('read-only', readOnlyRefusal(path, method).message);
      };
    }
  }

  startImport(paths: string[]): ImportRun {
    if (this.readOnly)
      throw new ApiError('read-only', readOnlyRefusal(resolve(this.dbPath), 'import').message);
    this.pool ??= new ParsePool(
      this.options.workerUrl ?? SOURCE_WORKER_URL,
      this.options.workers,
      this.options.workerLimits,
    );
    const run = new ImportRun({ db: this.db, pool: this.pool, paths, readerVersion: APP_VERSION });
    this.runs.set(run.progress.runId, run);
    this.runPaths.set(run.progress.runId, [...paths]);
    // What the run brought in becomes a session (also after a cancel: the files are there).
    void run.done.then(
      () => fileImportRunAsSession(this.db, run.progress.runId),
      () => null,
    );
    return run;
  }

  /**
   * A copy of the run's progress; while it runs, with `since`, only the skipped/failed entries after
   * those (the lists only grow then). A finished run answers whole: its lists are sorted at the end.
   */
  private progressOf(runId: number, asked = { skipped: 0, failed: 0 }): ImportProgress {
    const run = this.runs.get(runId);
    if (!run) throw new ApiError('not-found', `no import run ${runId} in this session`);
    const { report } = run.progress;
    const since = run.progress.state === 'running' ? asked : { skipped: 0, failed: 0 };
    return {
      ...run.progress,
      report: {
        ...report,
        skipped: report.skipped.slice(since.skipped),
        failed: report.failed.slice(since.failed),
      },
      reportFrom: {
        skipped: Math.min(since.skipped, report.skipped.length),
        failed: Math.min(since.failed, report.failed.length),
      },
    };
  }

  readonly handlers: LibraryApiHandlers = {
    getLibraryInfo: () => {
      const count = (table: string): number =>
        (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        path: this.dbPath,
        appVersion: APP_VERSION,
        schemaVersion: getSchemaVersion(this.db),
        files: count('files'),
        // I–V spectra as the tables list them: the instrument's [AVG] columns are not counted.
        spectra: count('spectra WHERE is_average = 0'),
        images: count('images'),
        ...(this.readOnly ? { readOnly: true } : {}),
      };
    },
    startImport: ({ paths }) => {
      // A path that does not exist is reported by the run like any bad file, unless none exists.
      // (The watcher calls startImport itself, with files that may vanish between event and import.)
      const missing = paths.filter((path) => !existsSync(path));
      if (missing.length === paths.length)
        throw new ApiError('not-found', `nothing to import: no such file or folder: ${missing.join(', ')}`);
      return { runId: this.startImport(paths).progress.runId };
    },
    getImportProgress: ({ runId, since }) => this.progressOf(runId, since),
    getCurrentImport: () => {
      const ids = [...this.runs.keys()];
      const running = ids.find((runId) => this.runs.get(runId)?.progress.state === 'running');
      const runId = running ?? (ids.length > 0 ? Math.max(...ids) : null);
      return runId === null
        ? { progress: null, paths: [] }
        : { progress: this.progressOf(runId), paths: this.runPaths.get(runId) ?? [] };
    },
    cancelImport: ({ runId }) => {
      this.runs.get(runId)?.cancel();
      return this.progressOf(runId);
    },
    listFiles: (input) => listFiles(this.db, input),
    listSpectra: (input) => listSpectra(this.db, input),
    listImages: (input) => listImages(this.db, input),
    getSpectrum: ({ id }) => getSpectrum(this.db, id),
    getImage: ({ id }) => getImage(this.db, id),
    getGridCube: ({ fileId }) => readGridCube(this.db, fileId),
    startGridRun: ({ fileId, channel, recipe }) => ({
      ...this.gridRuns.start(fileId, channel, recipe ?? {}).progress,
    }),
    getGridRunProgress: ({ jobId }) => this.gridRuns.progress(jobId),
    cancelGridRun: ({ jobId }) => this.gridRuns.cancel(jobId),
    getGridRun: ({ runId }) => getGridRun(this.db, runId),
    listGridFrames: ({ imageId }) => listGridFrames(this.db, imageId),
    listSpectraInFrame: ({ imageId }) => listSpectraInFrame(this.db, imageId),
    listLabels: () => listLabels(this.db),
    setLabel: ({ spectrumIds, label, colour, classified }) => ({
      changed: setLabel(this.db, spectrumIds, label, colour, classified),
    }),
    importLabels: ({ path, sessionId }) =>
      applyLabelsCsv(this.db, readLabelsFile(path), sessionId === undefined ? {} : { sessionId }),
    importLabelsText: ({ text, sessionId }) =>
      applyLabelsCsv(this.db, text, sessionId === undefined ? {} : { sessionId }),
    chooseImportPaths: () => {
      throw new ApiError('unsupported', 'no native dialogs in browser mode: type the folder path instead');
    },
    // Stored runs are computed in a worker thread (analysisJobs.ts): this thread keeps answering.
    runAnalysis: async ({ recipe, scope }) =>
      withScope(this.db, getAnalysisRun(this.db, await this.analyses.run(recipe ?? {}, scope))),
    getAnalysisRun: ({ runId, results }) =>
      withScope(this.db, getAnalysisRun(this.db, runId, results ?? 'none')),
    listAnalysisRuns: () => ({ rows: listAnalysisRuns(this.db).rows.map((row) => withScope(this.db, row)) }),
    startAnalysis: ({ recipe, scope }) => ({ ...this.analyses.start(recipe ?? {}, scope).progress }),
    getAnalysisProgress: ({ jobId }) => this.analyses.progress(jobId),
    cancelAnalysis: ({ jobId }) => this.analyses.cancel(jobId),
    listAnalysisResults: (input) => listAnalysisResults(this.db, input),
    getSpectraSlab: ({ runId, ids, label, sessionIds, limit, offset, backward }) =>
      loadSpectraSlab(
        this.db,
        { runId, ids, label, sessionIds },
        { limit, offset },
        { backward: backward ?? true },
      ),
    listSessions: () => ({ rows: listSessions(this.db) }),
    renameSession: ({ id, name }) => renameSession(this.db, id, name),
    mergeSessions: ({ ids }) => mergeSessions(this.db, ids),
    deleteSession: ({ id }) => deleteSession(this.db, id),
    setSpectrumExclusion: (input) => setSpectrumExclusion(this.db, input),
    listSpectrumExclusions: () => ({ exclusions: listSpectrumExclusions(this.db) }),
    setSeriesEdit: (input) => setSeriesEdit(this.db, input),
    listSeriesEdits: () => ({ edits: listSeriesEdits(this.db) }),
    startWatch: ({ folders, polling }) => this.watch.start(folders, polling),
    stopWatch: () => this.watch.stop(),
    getWatchStatus: () => this.watch.status(),
  };

  async close(): Promise<void> {
    await this.watch.stop();
    for (const run of this.runs.values()) run.cancel();
    await Promise.all([...this.runs.values()].map((run) => run.done));
    await this.pool?.close();
    await this.analyses.close();
    await this.gridRuns.close();
    this.db.close();
  }
}
