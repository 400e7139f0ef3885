// What the analysis and grid methods of LibraryApi answer: stored runs, their summaries and
// per-spectrum rows, analysis inputs, grid cubes, frames and runs. Re-exported by contract.ts.
import type { ImageFrame } from '../formats/types.ts';
import type { AnalysisScope } from '../model/library.ts';
import type { GridCube } from '../formats/nanonis3dsCube.ts';
import type { MapName } from '../grid/gridMaps.ts';
import type { PixelSignal } from '../grid/pixelMeasures.ts';
import type {
  AnalysisRecipe,
  BandEdges,
  GroupComparison,
  GroupCurves,
  SpectrumResult,
  SummaryStats,
  SweepDegradation,
  TrapWindows,
} from '../analysis/index.ts';

/** A stored run computed in a worker thread. */
export interface AnalysisProgress {
  jobId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  phase: 'loading' | 'analysing' | 'storing';
  /** Spectra being analysed (0 while loading). */
  spectra: number;
  /** Storing waits for another writer (an import) to finish its write transaction. */
  waitingForWriter: boolean;
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

/** A grid file's lattice and frame (metres, degrees clockwise), from its header. */
export interface GridFrameRow {
  fileId: number;
  name: string;
  pointsX: number;
  pointsY: number;
  /** Pixels measured (an aborted grid writes fewer than pointsX × pointsY). */
  written: number;
  frame: ImageFrame;
}

/** A grid analysis job (startGridRun). */
export interface GridRunProgress {
  jobId: number;
  fileId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Pixels measured, of the written pixels. */
  done: number;
  total: number;
  /** The stored run, once done. */
  runId: number | null;
  /** True when the run was already in the library (nothing recomputed). */
  stored: boolean;
  error: string | null;
}

/** A stored grid run (grid_runs): maps in the file's pixel order, NaN where no value. */
export interface GridRunView {
  runId: number;
  fileId: number;
  gridName: string;
  channel: string;
  recipe: AnalysisRecipe;
  appVersion: string;
  createdAt: string;
  width: number;
  height: number;
  points: number;
  written: number;
  signal: PixelSignal;
  maps: Record<MapName, Float64Array>;
  /** PIXEL_FLAGS bits per pixel (Float64 so binary frames carry them). */
  flags: Float64Array;
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
  | {
      ok: true;
      n: number;
      edges: BandEdges;
      vbPeak: number | null;
      traps: TrapWindows;
      /** Why sweeps were left out of the average for their narrow bias range; absent in runs stored before it was kept. */
      rangeNote?: string | null;
    };

/** The curves of a group's averaged spectrum on its common grid (defined with the analysis). */
export type { GroupCurves };

export interface AnalysisGroupSummary {
  label: string;
  /** Usable spectra, and how many count for statistics (first of their series). */
  spectra: number;
  counted: number;
  /** First sweeps left out of the statistics (quality flags or by hand). */
  excluded: number;
  /** Why there is no confidence interval (n below recipe.quality.minCiN), or null. */
  ciReason: string | null;
  average: StoredGroupAverage;
  /** Spectrum ids of the sweeps the average left out (average.rangeNote); absent in runs stored before it was kept. */
  leftOutOfAverage?: number[];
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

/**
 * Per spectrum: where it came from, its in-gap states, quality flags, exclusion and noisy current
 * (CLI `spectra`): the quality fields of the analysis's SpectrumResult (library ids) with the
 * spectrum's file, name and sweep.
 */
export type AnalysisSpectrumQuality = Pick<
  SpectrumResult<number>,
  | 'spectrumId'
  | 'inGapStates'
  | 'flags'
  | 'flagReasons'
  | 'excluded'
  | 'exclusionReason'
  | 'currentNoiseRaise'
> & { file: string; name: string; sweep: number };

/** What analysis_runs.summary_json holds (per-spectrum rows live in spectrum_results). */
export interface AnalysisSummary {
  groups: AnalysisGroupSummary[];
  comparisons: GroupComparison[];
  series: AnalysisSeriesSummary[];
}

/**
 * One spectrum's numbers as stored with a run: the analysis's SpectrumResult (library ids), less
 * the quality fields, which AnalysisSpectrumQuality carries.
 */
export type AnalysisSpectrumResult = Pick<
  SpectrumResult<number>,
  | 'spectrumId'
  | 'label'
  | 'ok'
  | 'reason'
  | 'vbm'
  | 'cbm'
  | 'gap'
  | 'vbPeak'
  | 'deepTrap'
  | 'shallowVb'
  | 'shallowCb'
  | 'seriesIndex'
  | 'sweepInSeries'
>;

/** A choice the user stored in the library for one spectrum, with a note (one per spectrum and kind). */
export interface SpectrumChoice<Action extends string> {
  spectrumId: number;
  action: Action;
  note: string;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** A user's exclusion stored in the library (applied by every later run, copied into its recipe). */
export type SpectrumExclusion = SpectrumChoice<'include' | 'exclude'>;

/**
 * A user's series edit stored in the library (applied by every later run, copied into its recipe's
 * series.split / series.join): `split` starts a new series at the spectrum; `join` makes the
 * spectrum's file continue the series before it, whatever the distance or time between them.
 */
export type SeriesEdit = SpectrumChoice<'split' | 'join'>;

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
  /** Per-spectrum rows the run stored (listAnalysisResults pages them). */
  resultCount: number;
  /**
   * The per-spectrum numbers and quality findings, index for index in spectrum-id order: all of
   * them when asked for (`results: 'all'`), else empty.
   */
  spectra: AnalysisSpectrumResult[];
  quality: AnalysisSpectrumQuality[];
}
