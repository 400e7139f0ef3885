// What every format parser returns. Parsers are pure: bytes in, ParsedFile out, ParseError on bad
// input. Units are SI throughout (V, A, m, s); images are Float32 in the channel's own unit.

export type FileFormat =
  | 'nanonis-dat'
  | 'nanonis-sxm'
  | 'nanonis-3ds'
  | 'text-iv'
  | 'createc-vert'
  | 'createc-dat'
  | 'rhk-sm4'
  | 'omicron-matrix'
  | 'gwyddion'
  | 'wsxm';

/** What a file holds. Only `bias-spectroscopy` and `grid-spectroscopy` (bias grids) yield I–V spectra. */
export type FileKind =
  | 'bias-spectroscopy'
  | 'z-spectroscopy'
  | 'sweep'
  | 'frequency-sweep'
  | 'grid-spectroscopy'
  | 'image'
  | 'other';

export type Direction = 'forward' | 'backward';

/** Tip position in metres, in the instrument's scan frame (same frame as image offsets). */
export interface Position {
  x: number;
  y: number;
  z: number | null;
}

/** One column of a spectroscopy file, as written. */
export interface ChannelColumn {
  /** Column name exactly as in the file, e.g. `Current [00002] [bwd] (A) [filt]`. */
  name: string;
  /** Name without the bracketed modifiers and unit, e.g. `Current`. */
  quantity: string;
  /** Unit from the parentheses, e.g. `A`; '' when the name has none. */
  unit: string;
  /** Sweep number from `[0000n]`, `'avg'` for `[AVG]`, null for a single-sweep column. */
  sweep: number | 'avg' | null;
  direction: Direction;
  filtered: boolean;
  /** NaN where the file has NaN or an empty cell. */
  values: Float64Array;
}

/** An extra signal recorded alongside I(V): lock-in, Z, filtered current ... */
export interface ExtraChannel {
  name: string;
  unit: string;
  values: Float64Array;
}

/** One I(V) sweep in one direction. Points are in acquisition order (not sorted by bias). */
export interface SpectrumRecord {
  /** 1.. for repeated sweeps (`[0000n]`), 1 for a file with a single sweep. */
  sweep: number;
  /** True for the instrument's own average (`[AVG]`): stored, never used as a sweep. */
  isAverage: boolean;
  direction: Direction;
  /** Bias in volts (sample bias). */
  bias: Float64Array;
  /** Tunnelling current in amperes. */
  current: Float64Array;
  extra: ExtraChannel[];
  /** Tip position of this sweep (grids: the pixel's position), null when the file has none. */
  position: Position | null;
  /** Grid pixel index (row-major) for grid files, null otherwise. */
  gridIndex: number | null;
}

/** Placement of an image in the scan frame: rotation by angle about the centre. */
export interface ImageFrame {
  /** Frame centre, metres. */
  centreX: number;
  centreY: number;
  /** Full width and height of the frame, metres. */
  width: number;
  height: number;
  /** Scan angle in degrees, as the instrument reports it. */
  angleDeg: number;
}

export interface ImageRecord {
  /** Channel name as written, e.g. `Z`. */
  channel: string;
  unit: string;
  direction: Direction;
  /** Pixels per row and number of rows. */
  width: number;
  height: number;
  /** Row-major, row 0 = top of the displayed image, column 0 = left, backward lines un-mirrored. */
  data: Float32Array;
  frame: ImageFrame;
}

export interface GridInfo {
  /** Pixels in x and y as announced by the header. */
  pointsX: number;
  pointsY: number;
  /** Pixels actually written (an aborted grid writes fewer). */
  pixelsWritten: number;
  frame: ImageFrame;
  /** Points per spectrum. */
  points: number;
}

export interface ParsedFile {
  format: FileFormat;
  kind: FileKind;
  /** Header values as written; for duplicate keys the first occurrence wins. */
  header: Record<string, string>;
  /** Every header line in order, duplicates included. */
  headerEntries: Array<[string, string]>;
  /** File-level tip position (spectra files), null when absent. */
  position: Position | null;
  /** Acquisition start as ISO 8601 local time without zone (instruments record none), or null. */
  acquiredAt: string | null;
  /** Feedback set-point before the sweep, null where not recorded. */
  setpoint: { biasV: number | null; currentA: number | null };
  comment: string;
  /** Spectroscopy columns as written (empty for images and grids). */
  channels: ChannelColumn[];
  /** I–V spectra derived from the file; empty when `notIv` is set. */
  spectra: SpectrumRecord[];
  images: ImageRecord[];
  grid: GridInfo | null;
  /** Why this file gives no I–V spectra (e.g. "Z spectroscopy, not an I–V sweep"), null when it does or is an image. */
  notIv: string | null;
  /** What the reader read around, e.g. "truncated: 44 of 1,024 points"; empty when nothing. */
  warnings: string[];
}

/** A file could not be parsed. `message` names the problem; the caller adds the file name. */
export class ParseError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
  }
}
