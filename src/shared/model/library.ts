// Rows the library returns to views. Curves and images travel separately (typed arrays) so that
// listing 100,000 spectra never moves a curve.
import type { Direction, FileFormat, FileKind, ImageFrame } from '../formats/types.ts';

export type FileStatus = 'imported' | 'skipped' | 'failed';

export interface FileRow {
  id: number;
  /** Absolute path at import time. */
  path: string;
  name: string;
  /** Bytes. */
  size: number;
  sha256: string;
  format: FileFormat | null;
  kind: FileKind | null;
  status: FileStatus;
  /** Skip reason or parse error; for an imported file its reader's warnings (e.g. truncated), else null. */
  error: string | null;
  /** Why an imported file gives no I–V spectra (Z spectroscopy, ...), null otherwise. */
  notIv: string | null;
  acquiredAt: string | null;
  comment: string;
  spectra: number;
  images: number;
  /** When a watched folder lost this file (ISO time), null while it is on disk; kept with its labels. */
  missingSince: string | null;
}

export interface SpectrumRow {
  id: number;
  fileId: number;
  fileName: string;
  /** Order of this record within its file. */
  index: number;
  sweep: number;
  isAverage: boolean;
  direction: Direction;
  gridIndex: number | null;
  points: number;
  /** Bias range, volts. */
  biasMin: number;
  biasMax: number;
  /** Tip position, metres; null when the file records none. */
  x: number | null;
  y: number | null;
  z: number | null;
  acquiredAt: string | null;
  /** Names of the extra channels recorded with this sweep. */
  channels: string[];
  label: string | null;
}

export interface ImageRow {
  id: number;
  fileId: number;
  fileName: string;
  channel: string;
  unit: string;
  direction: Direction;
  width: number;
  height: number;
  frame: ImageFrame;
  /** Value range over finite pixels; null when every pixel is NaN. */
  min: number | null;
  max: number | null;
  nanCount: number;
  acquiredAt: string | null;
}

export interface SpectrumCurves {
  row: SpectrumRow;
  /** Volts, acquisition order. */
  bias: Float64Array;
  /** Amperes. */
  current: Float64Array;
  extra: Array<{ name: string; unit: string; values: Float64Array }>;
}

export interface ImagePixels {
  row: ImageRow;
  /** Row-major, row 0 at the top, in the channel's unit. */
  data: Float32Array;
}

export interface LabelRow {
  name: string;
  /** CSS colour. */
  colour: string;
  spectra: number;
}

export interface ImportReport {
  files: number;
  imported: number;
  /** Files whose content was already in the library (same path and sha256). */
  unchanged: number;
  /** Files whose content changed since the last import and were replaced. */
  updated: number;
  skipped: Array<{ file: string; reason: string }>;
  failed: Array<{ file: string; error: string }>;
  /** Files imported with a warning (e.g. "truncated: 44 of 1,024 points"); absent in older reports. */
  warnings?: Array<{ file: string; warning: string }>;
  /** I–V spectra imported, the instrument's averages not counted (as `info` and the Library count). */
  spectra: number;
  images: number;
}

/** 'interrupted': the process running it died (found when the library was next opened). */
export type ImportState = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

export interface ImportProgress {
  runId: number;
  state: ImportState;
  filesTotal: number;
  filesDone: number;
  /** Bytes of files finished so far and in all. */
  bytesTotal: number;
  bytesDone: number;
  currentFile: string | null;
  /** While another import holds the library's write turn: who, in words; null otherwise. */
  waiting: string | null;
  report: ImportReport;
  /** Set when the run itself failed (e.g. an unreadable folder), not for single bad files. */
  error: string | null;
  /**
   * Where report.skipped and report.failed start in the run's full lists: 0 unless the poll
   * asked only for entries after those it holds (getImportProgress `since`).
   */
  reportFrom?: { skipped: number; failed: number };
}

export interface LibraryInfo {
  path: string;
  appVersion: string;
  schemaVersion: number;
  files: number;
  spectra: number;
  images: number;
  /** Opened read-only (a read-only disk): browsing works, writes answer 'read-only'. */
  readOnly?: boolean;
}

/** What one import (one instrument folder) brought in, as the user named it. */
export interface SessionRow {
  id: number;
  name: string;
  /** When it was imported (ISO). */
  createdAt: string;
  files: number;
  /** I–V spectra (one per sweep and direction; the instrument's averages not counted). */
  spectra: number;
  /** Earliest and latest acquisition time of its files (ISO), null when none is known. */
  from: string | null;
  to: string | null;
  /** Spectra per label, largest first. */
  labels: Array<{ name: string; colour: string; spectra: number }>;
}

/** What an analysis run was run on: sessions, or a hand-picked set of spectra. */
export type AnalysisScope = { sessionIds: number[] } | { spectrumIds: number[] };
