// Decides from a file's own content whether the instrument has finished writing it, for the
// formats that announce how much they hold: a Nanonis .dat its points (`… Num Pixel`), an .sxm its
// lines × pixels × channels, a .3ds its grid pixels. Files arrive in pieces cut mid-line with
// pauses of ~0.6 s, so a quiet period alone cannot tell a finished file from a paused one.
// Pure: bytes in, verdict out (the caller reads the file).

export type Completeness =
  | { state: 'complete' }
  /** Announced amount not there yet; `done`/`total` in the format's unit (points, bytes, pixels). */
  | { state: 'partial'; done: number; total: number; unit: string }
  /** The format says nothing about its length (or this file leaves it out): judge by quiet time. */
  | { state: 'unknown' };

/** How many leading bytes `judgeCompleteness` needs for a format; whole file when null. */
export function bytesNeeded(name: string): number | null {
  const ext = extensionOf(name);
  // Binary formats: the header says it all; the data length comes from the file size.
  if (ext === '.sxm' || ext === '.3ds') return 64 * 1024;
  return null;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

const latin1 = new TextDecoder('latin1');

/**
 * `head` holds the file's first bytes (all of it when `bytesNeeded` is null); `size` is the whole
 * file's size in bytes.
 */
export function judgeCompleteness(name: string, head: Uint8Array, size: number): Completeness {
  const ext = extensionOf(name);
  if (ext === '.dat') return judgeNanonisDat(head);
  if (ext === '.sxm') return judgeSxm(head, size);
  if (ext === '.3ds') return judge3ds(head, size);
  return { state: 'unknown' };
}

/** The `Num Pixel` key matching the experiment; other .dat kinds (Createc, sweeps) say nothing. */
const POINTS_KEY: Record<string, string> = {
  'bias spectroscopy': 'Bias Spectroscopy>Num Pixel',
  'z spectroscopy': 'Z Spectroscopy>Num Pixel',
};

const TAB = 9;
const LF = 10;
const CR = 13;

/** Index of the first occurrence of ASCII `marker` in `bytes`, or -1. */
function indexOfAscii(bytes: Uint8Array, marker: string): number {
  const first = marker.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < marker.length; k++) if (bytes[i + k] !== marker.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Rows after the column-name line that end with a newline and hold every column (tabs counted on
 * the bytes: a burst of hundreds of 50 kB files is judged in milliseconds, without decoding them).
 */
function countWholeRows(bytes: Uint8Array, from: number): { rows: number; columns: number } | null {
  const columnEnd = bytes.indexOf(LF, from);
  if (columnEnd < 0) return null;
  let columns = 1;
  for (let i = from; i < columnEnd; i++) if (bytes[i] === TAB) columns++;
  let rows = 0;
  let tabs = 0;
  let blank = true;
  for (let i = columnEnd + 1; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF) {
      if (!blank && tabs + 1 >= columns) rows++;
      tabs = 0;
      blank = true;
    } else if (b === TAB) {
      tabs++;
      blank = false;
    } else if (b !== CR && b !== 32) blank = false;
  }
  return { rows, columns };
}

function judgeNanonisDat(bytes: Uint8Array): Completeness {
  if (indexOfAscii(bytes.subarray(0, 11), 'Experiment\t') !== 0) return { state: 'unknown' };
  const dataAt = indexOfAscii(bytes, '[DATA]');
  const header = new Map<string, string>();
  for (const line of latin1.decode(dataAt < 0 ? bytes : bytes.subarray(0, dataAt)).split(/\r?\n/)) {
    const [key, value] = line.split('\t');
    if (key && value !== undefined && !header.has(key)) header.set(key, value.trim());
  }
  const key = POINTS_KEY[(header.get('Experiment') ?? '').toLowerCase()];
  const announced = key ? Number(header.get(key)) : NaN;
  if (dataAt < 0) {
    // Still in the header: partial if we know how many points will follow.
    return key ? { state: 'partial', done: 0, total: NaN, unit: 'points' } : { state: 'unknown' };
  }
  const knowsCount = Number.isInteger(announced) && announced > 0;
  const endsWithNewline = bytes[bytes.length - 1] === LF;
  // After [DATA]: the column names, then one row per point; a piece cut mid-line leaves a last
  // row without its newline, which is not counted.
  const afterMarker = bytes.indexOf(LF, dataAt);
  const counted = afterMarker < 0 ? null : countWholeRows(bytes, afterMarker + 1);
  if (counted === null) {
    return knowsCount
      ? { state: 'partial', done: 0, total: announced, unit: 'points' }
      : { state: 'unknown' };
  }
  if (!knowsCount) {
    // No count announced: a line cut off is certainly partial; otherwise quiet time decides.
    return endsWithNewline
      ? { state: 'unknown' }
      : { state: 'partial', done: counted.rows, total: NaN, unit: 'points' };
  }
  if (counted.rows >= announced && endsWithNewline) return { state: 'complete' };
  return { state: 'partial', done: counted.rows, total: announced, unit: 'points' };
}

function judgeSxm(head: Uint8Array, size: number): Completeness {
  const text = latin1.decode(head);
  const end = text.indexOf(':SCANIT_END:');
  if (end < 0) return { state: 'partial', done: 0, total: NaN, unit: 'bytes' };
  // Data starts after the 0x1A 0x04 pair that follows the header.
  const sub = text.indexOf('\x1a\x04', end);
  if (sub < 0) return { state: 'partial', done: 0, total: NaN, unit: 'bytes' };
  const pixels = /:SCAN_PIXELS:\s*\n\s*(\d+)\s+(\d+)/.exec(text);
  const info = /:DATA_INFO:\s*\n([\s\S]*?)\n\s*\n/.exec(text);
  if (!pixels || !info) return { state: 'unknown' };
  let images = 0;
  for (const row of (info[1] ?? '').split('\n').slice(1)) {
    const direction = row.split('\t')[4]?.trim().toLowerCase();
    if (direction === 'both') images += 2;
    else if (direction) images += 1;
  }
  const total = sub + 2 + images * Number(pixels[1]) * Number(pixels[2]) * 4;
  if (images === 0) return { state: 'unknown' };
  return size >= total ? { state: 'complete' } : { state: 'partial', done: size, total, unit: 'bytes' };
}

function judge3ds(head: Uint8Array, size: number): Completeness {
  const text = latin1.decode(head);
  const end = text.indexOf(':HEADER_END:');
  const grid = /Grid dim="(\d+) x (\d+)"/.exec(text);
  const params = /# Parameters \(4 byte\)=(\d+)/.exec(text);
  const experiment = /Experiment size \(bytes\)=(\d+)/.exec(text);
  const total = grid ? Number(grid[1]) * Number(grid[2]) : NaN;
  if (end < 0) return { state: 'partial', done: 0, total, unit: 'pixels' };
  if (!grid || !params || !experiment) return { state: 'unknown' };
  // Data starts after the line break (CRLF or LF) that ends `:HEADER_END:`.
  let dataStart = end + ':HEADER_END:'.length;
  if (text[dataStart] === '\r') dataStart++;
  if (text[dataStart] === '\n') dataStart++;
  const pixelBytes = Number(params[1]) * 4 + Number(experiment[1]);
  const done = Math.max(0, Math.floor((size - dataStart) / pixelBytes));
  return done >= total ? { state: 'complete' } : { state: 'partial', done, total, unit: 'pixels' };
}
