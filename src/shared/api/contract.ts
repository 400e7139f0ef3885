// LibraryApi, written once: zod schemas for every input (validated in main, whatever the
// transport) and the output type of every method. The interface the renderer, the preload, the
// IPC registration and the HTTP bridge use is derived from these two tables.
import { z } from 'zod';
import type { LibraryApiMethod } from './methods.ts';
import type {
  FileRow,
  ImagePixels,
  ImageRow,
  ImportProgress,
  LabelRow,
  LibraryInfo,
  SessionRow,
  SpectrumCurves,
  SpectrumRow,
} from '../model/library.ts';
import type { LabelsCsvOutcome } from '../model/labelsCsv.ts';
import type { SpectraSlab } from '../model/spectraSlab.ts';
import type { WatchStatus } from '../model/watch.ts';
import { recipeSchema } from '../analysis/recipe.ts';
import { classifyParamsSchema } from '../image/classifyParams.ts';

const id = z.number().int().positive();
/** Rows per page: views page through large libraries instead of loading them whole. */
const page = {
  limit: z.number().int().min(1).max(100_000).default(1000),
  offset: z.number().int().min(0).default(0),
};
const fileKind = z.enum([
  'bias-spectroscopy',
  'z-spectroscopy',
  'sweep',
  'frequency-sweep',
  'grid-spectroscopy',
  'image',
  'other',
]);

/**
 * Recipe overrides (STS-ANALYSIS.md parameters): the analysis's own schema (src/shared/analysis/
 * recipe.ts), which fills every field left out from DEFAULT_RECIPE and validates the ranges.
 */
export const recipeOverridesSchema = recipeSchema;

/** A calendar date or date-time that exists (2024-02-30 and 2024-13-45T99 are refused). */
function isRealIsoDate(text: string): boolean {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(
      text,
    );
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const days = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate();
  return (
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= days &&
    (hour as number) < 24 &&
    (minute as number) < 60 &&
    (second as number) < 60
  );
}

const isoDate = z
  .string()
  .max(40)
  .refine(
    isRealIsoDate,
    'expected an ISO date yyyy-mm-dd or date-time yyyy-mm-ddThh:mm[:ss[.sss]][Z|±hh:mm]',
  );
/** Free text filters and names. */
const text = z.string().max(1000);
/** File system paths (PATH_MAX on Linux is 4096). */
const path = z.string().min(1).max(4096);
/** Ids per request: a selection of every spectrum of a large library, not unbounded. */
const MAX_IDS = 200_000;
/** What an analysis runs on: whole sessions, or hand-picked spectra (a Library selection). */
const analysisScopeSchema = z.union([
  z.object({ sessionIds: z.array(id).min(1, 'choose at least one session').max(10_000) }).strict(),
  z.object({ spectrumIds: z.array(id).min(1, 'select at least one spectrum').max(MAX_IDS) }).strict(),
]);

/** The session a labels CSV applies to (its label set); absent: files of any session. */
const labelSetSessionId = z.number().int().positive('a session id is a positive integer').optional();

export const apiInputSchemas = {
  getLibraryInfo: z.object({}).strict(),
  startImport: z
    .object({
      paths: z
        .array(
          path
            // The server (browser mode) or main process would resolve a relative path against its
            // own working folder, which the user cannot see: ask for the whole path instead.
            .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), {
              error: (issue) =>
                `'${String(issue.input)}' is a relative path: give the whole path from the root (e.g. /home/me/${String(issue.input)})`,
            }),
        )
        .min(1, 'name at least one file or folder to import')
        .max(10_000),
    })
    .strict(),
  getImportProgress: z
    .object({
      runId: id,
      /**
       * How many skipped and failed entries the caller already holds: the answer's report lists
       * start there (`reportFrom`), so a poll sends only what is new.
       */
      since: z
        .object({ skipped: z.number().int().min(0), failed: z.number().int().min(0) })
        .strict()
        .optional(),
    })
    .strict(),
  cancelImport: z.object({ runId: id }).strict(),
  /** The running import, else the last one this server ran (null before any): views follow it. */
  getCurrentImport: z.object({}).strict(),
  listFiles: z
    .object({
      status: z.enum(['imported', 'skipped', 'failed']).optional(),
      kind: fileKind.optional(),
      format: z.string().max(64).optional(),
      text: text.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...page,
    })
    .strict(),
  listSpectra: z
    .object({
      fileId: id.optional(),
      kind: fileKind.optional(),
      label: text.optional(),
      text: text.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      includeAverages: z.boolean().default(false),
      /** Keyset paging: rows after this (file path, index); the previous page's `next`. */
      after: z
        .object({ path: z.string().max(4096), index: z.number().int().min(0) })
        .strict()
        .optional(),
      ...page,
    })
    .strict(),
  listImages: z.object({ fileId: id.optional(), text: text.optional(), ...page }).strict(),
  getSpectrum: z.object({ id }).strict(),
  getImage: z.object({ id }).strict(),
  listSpectraInFrame: z.object({ imageId: id }).strict(),
  listLabels: z.object({}).strict(),
  setLabel: z
    .object({
      spectrumIds: z.array(id).min(1).max(MAX_IDS),
      /** null removes the label. */
      label: z.string().trim().min(1).max(80).nullable(),
      colour: z
        .string()
        .max(7)
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
      /** Labels accepted from the classifier's suggestions: the image and settings that made them. */
      classified: z.object({ imageId: id, params: classifyParamsSchema }).strict().optional(),
    })
    .strict(),
  /** A labels CSV on disk; with `sessionId` its rows match only that session's files. */
  importLabels: z
    .object({
      path: z.string().min(1, 'name the labels CSV file').max(4096),
      sessionId: labelSetSessionId,
    })
    .strict(),
  /** A labels CSV the page read itself (file picker or drop: browsers give no paths); 5 MB at most. */
  importLabelsText: z
    .object({
      text: z.string().max(5_000_000, 'a labels CSV of more than 5 MB is not a labels CSV'),
      sessionId: labelSetSessionId,
    })
    .strict(),
  /** Native folder dialog (desktop only; browser mode answers 'unsupported'). */
  chooseImportPaths: z.object({}).strict(),
  /**
   * Runs the analysis on the labelled bias-spectroscopy spectra of the scope (every one in the
   * library without a scope: the CLI's default) and stores the run with its scope. Computed in a
   * worker thread; the answer comes when it is stored (startAnalysis to follow or cancel it).
   */
  runAnalysis: z
    .object({ recipe: recipeOverridesSchema.optional(), scope: analysisScopeSchema.optional() })
    .strict(),
  /**
   * A stored run's summary (groups, histograms, statistics, comparisons, series, averaged curves):
   * per-spectrum rows only with `results: 'all'` (a 100k-spectrum run's answer stays small
   * otherwise); page them with listAnalysisResults.
   */
  getAnalysisRun: z.object({ runId: id, results: z.enum(['all', 'none']).optional() }).strict(),
  listAnalysisRuns: z.object({}).strict(),
  /** Exclude a spectrum from group statistics by hand, include a flagged one back, or clear either; with a note. */
  setSpectrumExclusion: z
    .object({
      spectrumId: id,
      action: z.enum(['include', 'exclude', 'clear']),
      note: z.string().max(2000).default(''),
    })
    .strict(),
  listSpectrumExclusions: z.object({}).strict(),
  /** Split a series at a spectrum or join its file to the series before it, or clear either; with a note. */
  setSeriesEdit: z
    .object({
      spectrumId: id,
      action: z.enum(['split', 'join', 'clear']),
      note: z.string().max(2000).default(''),
    })
    .strict(),
  listSeriesEdits: z.object({}).strict(),
  /** Starts a stored run in a worker thread; follow it with getAnalysisProgress. */
  startAnalysis: z
    .object({ recipe: recipeOverridesSchema.optional(), scope: analysisScopeSchema.optional() })
    .strict(),
  getAnalysisProgress: z.object({ jobId: id }).strict(),
  cancelAnalysis: z.object({ jobId: id }).strict(),
  /**
   * A stored run's per-spectrum rows, a page at a time in spectrum-id order, optionally of one
   * label: numbers (`rows`) and quality findings (`quality`), index for index.
   */
  listAnalysisResults: z
    .object({ runId: id, label: z.string().min(1).max(1000).optional(), ...page })
    .strict(),
  /**
   * Curves for the renderer's analysis workers as one Float64Array slab, a page of forward sweeps
   * at a time: of a stored run (`runId`), of given spectra, of a label or of sessions.
   */
  getSpectraSlab: z
    .object({
      runId: id.optional(),
      ids: z.array(id).min(1).max(MAX_IDS).optional(),
      label: z.string().min(1).max(1000).optional(),
      sessionIds: z.array(id).min(1).max(10_000).optional(),
      limit: z.number().int().min(1).max(20_000).default(2000),
      offset: z.number().int().min(0).default(0),
      /** false: the forward sweeps alone, no backward partner read (half the reading and the slab). Default true. */
      backward: z.boolean().optional(),
    })
    .strict(),
  listSessions: z.object({}).strict(),
  renameSession: z.object({ id, name: z.string().trim().min(1, 'a session needs a name').max(200) }).strict(),
  /** The files of every other session move into the oldest one. */
  mergeSessions: z
    .object({ ids: z.array(id).min(2, 'choose two or more sessions to merge').max(10_000) })
    .strict(),
  /** Removes the session's files (and their spectra, images, labels) from the library. */
  deleteSession: z.object({ id }).strict(),
  /** A .3ds grid of the library decoded into one Float32Array (read from its path). */
  getGridCube: z.object({ fileId: id }).strict(),
  /**
   * Per-pixel analysis maps of a grid with a recipe, in worker threads; answered from the library
   * when that grid, channel and recipe are stored (`stored: true`). Follow with getGridRunProgress.
   */
  startGridRun: z
    .object({
      fileId: id,
      /** Channel to analyse (full name or quantity); default the forward current. */
      channel: z.string().min(1).max(1024).optional(),
      recipe: recipeOverridesSchema.optional(),
    })
    .strict(),
  getGridRunProgress: z.object({ jobId: id }).strict(),
  cancelGridRun: z.object({ jobId: id }).strict(),
  /** A stored grid run: its maps, recipe, app version and grid. */
  getGridRun: z.object({ runId: id }).strict(),
  /** The grids of an image's session with their frames, to draw them on the image. */
  listGridFrames: z.object({ imageId: id }).strict(),
  /** Watches folders: imports what is there, then each file as it completes. */
  startWatch: z
    .object({
      folders: z.array(z.string().min(1).max(4096)).min(1, 'name at least one folder to watch').max(100),
      /** Poll instead of file events (network shares). */
      polling: z.boolean().default(false),
    })
    .strict(),
  stopWatch: z.object({}).strict(),
  getWatchStatus: z.object({}).strict(),
} satisfies Record<LibraryApiMethod, z.ZodType>;

export interface ApiOutputs {
  getLibraryInfo: LibraryInfo;
  startImport: { runId: number };
  getImportProgress: ImportProgress;
  cancelImport: ImportProgress;
  getCurrentImport: { progress: ImportProgress | null; paths: string[] };
  listFiles: { rows: FileRow[]; total: number };
  /** `next`: the `after` of the following page, null on the last one. */
  listSpectra: { rows: SpectrumRow[]; total: number; next: { path: string; index: number } | null };
  listImages: { rows: ImageRow[]; total: number };
  getSpectrum: SpectrumCurves;
  getImage: ImagePixels;
  listSpectraInFrame: { rows: SpectrumRow[] };
  listLabels: { rows: LabelRow[] };
  setLabel: { changed: number };
  importLabels: LabelsCsvOutcome;
  importLabelsText: LabelsCsvOutcome;
  chooseImportPaths: { paths: string[] };
  runAnalysis: AnalysisRunView;
  getAnalysisRun: AnalysisRunView;
  listAnalysisRuns: { rows: AnalysisRunRow[] };
  setSpectrumExclusion: { exclusions: SpectrumExclusion[] };
  listSpectrumExclusions: { exclusions: SpectrumExclusion[] };
  setSeriesEdit: { edits: SeriesEdit[] };
  listSeriesEdits: { edits: SeriesEdit[] };
  startAnalysis: AnalysisProgress;
  getAnalysisProgress: AnalysisProgress;
  cancelAnalysis: AnalysisProgress;
  listAnalysisResults: {
    rows: AnalysisSpectrumResult[];
    quality: AnalysisSpectrumQuality[];
    total: number;
  };
  getSpectraSlab: SpectraSlab;
  listSessions: { rows: SessionRow[] };
  renameSession: SessionRow;
  mergeSessions: SessionRow;
  deleteSession: { files: number };
  getGridCube: GridCubeView;
  startGridRun: GridRunProgress;
  getGridRunProgress: GridRunProgress;
  cancelGridRun: GridRunProgress;
  getGridRun: GridRunView;
  listGridFrames: { rows: GridFrameRow[] };
  startWatch: WatchStatus;
  stopWatch: WatchStatus;
  getWatchStatus: WatchStatus;
}

export type * from './analysisViews.ts';
import type {
  AnalysisProgress,
  AnalysisRunRow,
  AnalysisRunView,
  AnalysisSpectrumQuality,
  AnalysisSpectrumResult,
  GridCubeView,
  GridFrameRow,
  GridRunProgress,
  GridRunView,
  SeriesEdit,
  SpectrumExclusion,
} from './analysisViews.ts';

/** What a caller passes (defaults optional). */
export type ApiInput<K extends LibraryApiMethod> = z.input<(typeof apiInputSchemas)[K]>;
/** What the implementation receives after validation (defaults filled in). */
export type ApiParsedInput<K extends LibraryApiMethod> = z.output<(typeof apiInputSchemas)[K]>;

/** The API as the renderer and the CLI see it: every method async, whatever the transport. */
export type LibraryApi = { [K in LibraryApiMethod]: (input: ApiInput<K>) => Promise<ApiOutputs[K]> };

/** The API as services implement it: inputs already validated. */
export type LibraryApiHandlers = {
  [K in LibraryApiMethod]: (input: ApiParsedInput<K>) => ApiOutputs[K] | Promise<ApiOutputs[K]>;
};
