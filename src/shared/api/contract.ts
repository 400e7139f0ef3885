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
  AnalysisScope,
  SpectrumCurves,
  SpectrumRow,
} from '../model/library.ts';
import type { LabelsCsvOutcome } from '../model/labelsCsv.ts';
import type { SpectraSlab } from '../model/spectraSlab.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import { DEFAULT_RECIPE } from '../analysis/recipe.ts';
import type {
  AnalysisRecipe,
  BandEdges,
  GroupComparison,
  SummaryStats,
  SweepDegradation,
  TrapWindows,
} from '../analysis/index.ts';

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
/** Fraction in [0, 1]. */
const fraction = z.number().min(0).max(1);
/** Voltages and widths, V: bounded so a typo cannot ask for a grid of billions of points. */
const volts = z.number().min(-100).max(100);

/**
 * Recipe overrides (STS-ANALYSIS.md parameters): any section or field may be left out and comes
 * from DEFAULT_RECIPE. Ranges keep every value meaningful; the Savitzky–Golay window must be odd
 * and at least polyorder + 2 after the defaults are filled in.
 */
export const recipeOverridesSchema = z
  .object({
    direction: z.enum(['forward', 'backward', 'mean']).optional(),
    minPoints: z.number().int().min(3).max(1_000_000).optional(),
    average: z.enum(['mean', 'median']).optional(),
    averageSweeps: z.enum(['first-of-series', 'all']).optional(),
    derivative: z
      .object({
        method: z.enum(['savgol', 'central']).optional(),
        window: z
          .number()
          .int()
          .min(3)
          .max(1001)
          .refine((w) => w % 2 === 1, 'the Savitzky–Golay window must be odd')
          .optional(),
        polyorder: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
    uniformTolerance: fraction.optional(),
    normalisation: z
      .object({
        deltaV: z.number().positive().max(100).optional(),
        offsetWindow: z.number().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
    edges: z
      .object({
        method: z.enum(['first-peak', 'onset']).optional(),
        prominenceFraction: fraction.optional(),
        heightFraction: fraction.optional(),
        ignoreBelow: z.number().min(0).max(10).optional(),
        onsetK: z.number().positive().max(1000).optional(),
        noiseWindow: z.number().positive().max(10).optional(),
        onsetRun: z.number().int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
    traps: z
      .object({
        deep: z
          .tuple([volts, volts])
          .refine(([lo, hi]) => lo < hi, 'the deep-trap window needs lower < upper')
          .optional(),
      })
      .strict()
      .optional(),
    bootstrap: z
      .object({
        resamples: z.number().int().min(1).max(100_000).optional(),
        seed: z.number().int().min(0).max(0xffffffff).optional(),
        level: z.number().gt(0).lt(1).optional(),
      })
      .strict()
      .optional(),
    series: z
      .object({
        /** Metres. */
        radius: z.number().min(0).max(1e-6).optional(),
        metallicThreshold: z.number().min(0).max(100).optional(),
      })
      .strict()
      .optional(),
    histogram: z
      .union([
        z.object({ binWidth: z.number().positive().max(10) }).strict(),
        z.object({ bins: z.literal('auto') }).strict(),
      ])
      .optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const d = { ...DEFAULT_RECIPE.derivative, ...o.derivative };
    if (d.method === 'savgol' && d.window < d.polyorder + 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['derivative', 'window'],
        message: `the Savitzky–Golay window (${d.window}) must be at least polyorder + 2 (${d.polyorder + 2})`,
      });
    }
  });

/** What an analysis runs on: whole sessions, or hand-picked spectra (a Library selection). */
const analysisScopeSchema = z.union([
  z.object({ sessionIds: z.array(id).min(1, 'choose at least one session') }).strict(),
  z.object({ spectrumIds: z.array(id).min(1, 'select at least one spectrum') }).strict(),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (yyyy-mm-dd...)');

export const apiInputSchemas = {
  getLibraryInfo: z.object({}).strict(),
  startImport: z
    .object({ paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder to import') })
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
  listFiles: z
    .object({
      status: z.enum(['imported', 'skipped', 'failed']).optional(),
      kind: fileKind.optional(),
      format: z.string().optional(),
      text: z.string().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...page,
    })
    .strict(),
  listSpectra: z
    .object({
      fileId: id.optional(),
      kind: fileKind.optional(),
      label: z.string().optional(),
      text: z.string().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      includeAverages: z.boolean().default(false),
      /** Keyset paging: rows after this (file path, index); the previous page's `next`. */
      after: z
        .object({ path: z.string(), index: z.number().int().min(0) })
        .strict()
        .optional(),
      ...page,
    })
    .strict(),
  listImages: z.object({ fileId: id.optional(), text: z.string().optional(), ...page }).strict(),
  getSpectrum: z.object({ id }).strict(),
  getImage: z.object({ id }).strict(),
  listSpectraInFrame: z.object({ imageId: id }).strict(),
  listLabels: z.object({}).strict(),
  setLabel: z
    .object({
      spectrumIds: z.array(id).min(1),
      /** null removes the label. */
      label: z.string().trim().min(1).max(80).nullable(),
      colour: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
    })
    .strict(),
  importLabels: z.object({ path: z.string().min(1, 'name the labels CSV file') }).strict(),
  /** A labels CSV the page read itself (file picker or drop: browsers give no paths); 5 MB at most. */
  importLabelsText: z
    .object({ text: z.string().max(5_000_000, 'a labels CSV of more than 5 MB is not a labels CSV') })
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
   * `results: 'none'` leaves the per-spectrum rows out (a 100k-spectrum run's summary stays small);
   * page them with listAnalysisResults.
   */
  getAnalysisRun: z.object({ runId: id, results: z.enum(['all', 'none']).optional() }).strict(),
  listAnalysisRuns: z.object({}).strict(),
  /** Curves for the renderer's analysis workers; all spectra when neither filter is given. */
  getSpectraForAnalysis: z
    .object({
      ids: z.array(id).min(1).optional(),
      label: z.string().min(1).optional(),
      sessionIds: z.array(id).min(1).optional(),
    })
    .strict(),
  /** Starts a stored run in a worker thread; follow it with getAnalysisProgress. */
  startAnalysis: z
    .object({ recipe: recipeOverridesSchema.optional(), scope: analysisScopeSchema.optional() })
    .strict(),
  getAnalysisProgress: z.object({ jobId: id }).strict(),
  cancelAnalysis: z.object({ jobId: id }).strict(),
  /** A stored run's per-spectrum results, a page at a time, optionally of one label. */
  listAnalysisResults: z.object({ runId: id, label: z.string().min(1).optional(), ...page }).strict(),
  /**
   * Curves for the renderer's analysis workers as one Float64Array slab, a page of forward sweeps
   * at a time: of a stored run (`runId`), of given spectra, or of a label.
   */
  getSpectraSlab: z
    .object({
      runId: id.optional(),
      ids: z.array(id).min(1).optional(),
      label: z.string().min(1).optional(),
      limit: z.number().int().min(1).max(20_000).default(2000),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  listSessions: z.object({}).strict(),
  renameSession: z.object({ id, name: z.string().trim().min(1, 'a session needs a name').max(200) }).strict(),
  /** The files of every other session move into the oldest one. */
  mergeSessions: z.object({ ids: z.array(id).min(2, 'choose two or more sessions to merge') }).strict(),
  /** Removes the session's files (and their spectra, images, labels) from the library. */
  deleteSession: z.object({ id }).strict(),
  /** A .3ds grid of the library decoded into one Float32Array (read from its path). */
  getGridCube: z.object({ fileId: id }).strict(),
} satisfies Record<LibraryApiMethod, z.ZodType>;

export interface ApiOutputs {
  getLibraryInfo: LibraryInfo;
  startImport: { runId: number };
  getImportProgress: ImportProgress;
  cancelImport: ImportProgress;
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
  getSpectraForAnalysis: { spectra: AnalysisSpectrum[] };
  startAnalysis: AnalysisProgress;
  getAnalysisProgress: AnalysisProgress;
  cancelAnalysis: AnalysisProgress;
  listAnalysisResults: { rows: AnalysisSpectrumResult[]; total: number };
  getSpectraSlab: SpectraSlab;
  listSessions: { rows: SessionRow[] };
  renameSession: SessionRow;
  mergeSessions: SessionRow;
  deleteSession: { files: number };
  getGridCube: GridCubeView;
}

/** A stored run computed in a worker thread. */
export interface AnalysisProgress {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  phase: 'loading' | 'analysing' | 'storing';
  /** Spectra being analysed (0 while loading). */
  spectra: number;
  /** The stored run, once done. */
  runId: number | null;
  error: string | null;
  /** The ApiError code of a failed run (e.g. 'no-data'), when it had one. */
  errorCode?: string;
  elapsedMs: number;
}

/** A grid file's decoded data and where it came from. */
export interface GridCubeView {
  fileId: number;
  name: string;
  path: string;
  cube: GridCube;
}

/** One forward sweep ready for runPipeline (a PipelineSpectrum<number>), with its backward partner. */
export interface AnalysisSpectrum {
  id: number;
  label: string | null;
  /** The file's path: unique, so files of one name in different folders never form one series. */
  fileName: string;
  /** The file's name, for display. */
  name: string;
  /** Acquisition time, ms since the epoch, or null. */
  time: number | null;
  /** Tip position, m. */
  x: number | null;
  y: number | null;
  sweep: number;
  gridIndex: number | null;
  /** Forward sweep in acquisition order: V, A. */
  bias: Float64Array;
  current: Float64Array;
  /** The backward sweep of the same file and sweep (acquisition order), or null. */
  backward: { bias: Float64Array; current: Float64Array } | null;
}

/** A group's averaged spectrum as stored: its measures, without curves. */
export type StoredGroupAverage =
  | { ok: false; reason: string }
  | { ok: true; n: number; edges: BandEdges; vbPeak: number | null; traps: TrapWindows };

/** The curves of a group's averaged spectrum on its common grid. */
export interface GroupCurves {
  n: number;
  /** V. */
  bias: Float64Array;
  /** Mean (or median) current and its point-wise sample std, A. */
  current: Float64Array;
  currentStd: Float64Array;
  /** A/V. */
  didv: Float64Array;
  /** Feenstra (dI/dV)/(I/V)‾, dimensionless. */
  normalisedConductance: Float64Array;
  /** dI/dV / principal VB peak, dimensionless; null without a VB peak. */
  didvByVbPeak: Float64Array | null;
}

export interface AnalysisGroupSummary {
  label: string;
  /** Usable spectra, and how many count for statistics (first of their series). */
  spectra: number;
  counted: number;
  average: StoredGroupAverage;
  stats: { vbm: SummaryStats; cbm: SummaryStats; gap: SummaryStats; deepTrap: SummaryStats };
  /** Bin edges (V, one more than counts) and counts. */
  histograms: Record<'vbm' | 'cbm' | 'gap', { edges: number[]; counts: number[] }>;
}

export interface AnalysisSeriesSummary {
  spectrumIds: number[];
  /** File names of the series, in sweep order, each once. */
  files: string[];
  label: string | null;
  sweeps: SweepDegradation[];
}

/** What analysis_runs.summary_json holds. */
export interface AnalysisSummary {
  groups: AnalysisGroupSummary[];
  comparisons: GroupComparison[];
  series: AnalysisSeriesSummary[];
}

export interface AnalysisSpectrumResult {
  spectrumId: number;
  label: string | null;
  ok: boolean;
  reason: string | null;
  /** V. */
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  /** A/V. */
  vbPeak: number | null;
  /** Trap integrals of VB-peak-normalised dI/dV, V. */
  deepTrap: number | null;
  shallowVb: number | null;
  shallowCb: number | null;
  /** Index of the spot (series of ≥ 1 sweeps) and 1-based sweep within it. */
  seriesIndex: number;
  sweepInSeries: number;
}

export interface AnalysisRunRow {
  runId: number;
  /** What it was run on; absent for runs over the whole library (CLI, older runs). */
  scope?: AnalysisScope;
  createdAt: string;
  appVersion: string;
  groups: string[];
  spectra: number;
}

export interface AnalysisRunView extends AnalysisSummary {
  runId: number;
  /** What it was run on; absent for runs over the whole library (CLI, older runs). */
  scope?: AnalysisScope;
  createdAt: string;
  appVersion: string;
  recipe: AnalysisRecipe;
  /** Averaged curves by group label (groups whose average failed have none). */
  curves: Record<string, GroupCurves>;
  spectra: AnalysisSpectrumResult[];
}

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
