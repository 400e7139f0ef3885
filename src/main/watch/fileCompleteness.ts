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
  if (ext === '.dat') return judgeNanonisDat(latin1.decode(head));
  if (ext === '.sxm') return judgeSxm(head, size);
  if (ext === '.3ds') return judge3ds(head, size);
  return { state: 'unknown' };
}

/** The `Num Pixel` key matching the experiment; other .dat kinds (Createc, sweeps) say nothing. */
const POINTS_KEY: Record<string, string> = {
  'bias spectroscopy': 'Bias Spectroscopy>Num Pixel',
  'z spectroscopy': 'Z Spectroscopy>Num Pixel',
};

function judgeNanonisDat(text: string): Completeness {
  if (!text.startsWith('Experiment\t')) return { state: 'unknown' };
  const dataAt = text.indexOf('[DATA]');
  const headerText = dataAt < 0 ? text : text.slice(0, dataAt);
  const header = new Map<string, string>();
  for (const line of headerText.split(/\r?\n/)) {
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
  // Lines after [DATA]: the column names, then one row per point. A piece cut mid-line leaves a
  // last element without its newline (and a whole file leaves an empty one): drop it either way.
  const lines = text.slice(dataAt).split('\n');
  const endsWithNewline = text.endsWith('\n');
  const columnLine = lines.length > 2 ? lines[1] : undefined;
  if (columnLine === undefined) {
    return knowsCount
      ? { state: 'partial', done: 0, total: announced, unit: 'points' }
      : { state: 'unknown' };
  }
  const complete = lines.slice(2, -1).filter((line) => line.trim() !== '');
  if (!knowsCount) {
    // No count announced: a line cut off is certainly partial; otherwise quiet time decides.
    return endsWithNewline
      ? { state: 'unknown' }
      : { state: 'partial', done: complete.length, total: NaN, unit: 'points' };
  }
  const columns = columnLine.replace(/\r$/, '').split('\t').length;
  const whole = complete.filter((line) => line.replace(/\r$/, '').split('\t').length >= columns).length;
  if (whole >= announced && endsWithNewline) return { state: 'complete' };
  return { state: 'partial', done: whole, total: announced, unit: 'points' };
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
