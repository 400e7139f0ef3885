// WSxM (Nanotec Electrónica / UAM) files: a latin-1 text header, then the data. The header: the
// line `WSxM file copyright …`, the file's type on the second line, `Image header size: N`, then
// `[Section]` blocks of `key: value` lines up to `[Header end]`.
// - `SxM Image file` (.top, .stp, .ch …): one image of `Number of columns` × `Number of rows`
//   little-endian values right after the `[Header end]` line (`Image Data Type`: short or integer
//   = int16, float = float32, double = float64). The values are relative: the image's span
//   (max − min) is `Z Amplitude` in its unit, as Gwyddion's and SciFiReaders' readers scale them.
//   WSxM stores the image turned by 180° against how it is shown (last row and column first), as
//   Gwyddion reads and writes it; rows are turned back here (row 0 = top, column 0 = left).
// - Curve files (`IV curve file`, `WSxM Lithography curves`, …): recognised, not read (no real
//   WSxM I–V file has been available to check a reader against); the import reports them skipped
//   with their type.
import { indexOfBytes, asciiBytes, latin1 } from './binary.ts';
import type { HeaderEntries } from './headerEntries.ts';
import { firstWins } from './headerEntries.ts';
import { DEFAULT_READER_LIMITS, overLimit, type ReaderLimits } from './limits.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type ImageRecord, type ParsedFile } from './types.ts';
import { siUnit } from './units.ts';

const HEADER_END = asciiBytes('[Header end]');
/** The header is text of a few kB; a file without its end marker in the first MB is not WSxM. */
const MAX_HEADER_BYTES = 1 << 20;

/** Bytes per value and how to read one, by `Image Data Type`. */
const DATA_TYPES = new Map<string, { bytes: number; read: (view: DataView, at: number) => number }>([
  ['short', { bytes: 2, read: (view, at) => view.getInt16(at, true) }],
  ['integer', { bytes: 2, read: (view, at) => view.getInt16(at, true) }],
  ['float', { bytes: 4, read: (view, at) => view.getFloat32(at, true) }],
  ['double', { bytes: 8, read: (view, at) => view.getFloat64(at, true) }],
]);

interface WsxmHeader {
  /** The second line: `SxM Image file`, `IV curve file`, `WSxM Lithography curves` … */
  type: string;
  entries: HeaderEntries;
  /** Offset of the first byte after the `[Header end]` line. */
  dataStart: number;
}

/** Section and key joined as in the other readers' headers: `General Info>Number of rows`. */
function readHeader(bytes: Uint8Array): WsxmHeader {
  const end = indexOfBytes(bytes, HEADER_END, 0, Math.min(bytes.length, MAX_HEADER_BYTES));
  if (end === -1) throw new ParseError('missing-header-end', 'no [Header end] line in the WSxM header');
  const lineEnd = bytes.indexOf(10, end);
  const dataStart = lineEnd === -1 ? bytes.length : lineEnd + 1;
  const lines = latin1(bytes, 0, end).split(/\r?\n|\r/);
  const type = (lines[1] ?? '').trim();
  const entries: HeaderEntries = [];
  let section = '';
  for (const raw of lines.slice(2)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      section = line.slice(1, -1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim();
    entries.push([section ? `${section}>${key}` : key, line.slice(colon + 1).trim()]);
  }
  return { type, entries, dataStart };
}

/** A header quantity `15 µm`, `338.867 nm`, `-30`: SI value and unit ('' for none or `a.u.`). */
function quantity(text: string | undefined): { value: number; unit: string } | null {
  const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)$/.exec((text ?? '').trim());
  if (!match) return null;
  const value = Number(match[1]);
  const written = (match[2] ?? '').trim();
  if (written === '' || written === 'a.u.') return { value, unit: '' };
  const si = siUnit(written);
  // A unit the SI table does not know (Deg, Pi …) is kept as written, value unscaled.
  return si ? { value: value * 10 ** si.exponent, unit: si.unit } : { value, unit: written };
}

function positiveInteger(header: Record<string, string>, key: string): number {
  const value = Number((header[key] ?? '').trim());
  if (!Number.isInteger(value) || value <= 0)
    throw new ParseError('bad-header', `${key} is "${header[key] ?? ''}", not a positive whole number`);
  return value;
}

/** `05/04/2024, 18:01:29.932` (day/month/year, as WSxM writes it) as ISO 8601 local time. */
function acquisitionTime(text: string | undefined): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?\s*$/.exec(
    text ?? '',
  );
  if (!match) return null;
  const [day, month, year, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59)
    return null;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${year}-${two(month!)}-${two(day!)}T${two(hour!)}:${two(minute!)}:${two(second!)}${match[7] ?? ''}`;
}

function readImage(bytes: Uint8Array, header: WsxmHeader, limits: ReaderLimits, parsed: ParsedFile): void {
  const values = parsed.header;
  const columns = positiveInteger(values, 'General Info>Number of columns');
  const rows = positiveInteger(values, 'General Info>Number of rows');
  if (columns * rows > limits.maxImageValues)
    overLimit('image values', columns * rows, limits.maxImageValues);
  const typeName = (values['General Info>Image Data Type'] ?? 'short').trim().toLowerCase();
  const type = DATA_TYPES.get(typeName);
  if (!type) throw new ParseError('bad-header', `Image Data Type "${typeName}" is none WSxM writes`);
  const needed = columns * rows * type.bytes;
  const available = bytes.length - header.dataStart;
  if (available < needed)
    throw new ParseError(
      'truncated',
      `image data: ${available.toLocaleString('en-US')} of ${needed.toLocaleString('en-US')} bytes (${columns} × ${rows} ${typeName})`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataStart, needed);
  const count = columns * rows;
  const raw = new Float64Array(count);
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = type.read(view, k * type.bytes);
    raw[k] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const amplitude = quantity(values['General Info>Z Amplitude']);
  let scale = 1;
  let unit = '';
  if (amplitude === null || !(amplitude.value > 0)) {
    parsed.warnings.push('no Z Amplitude in the header: values are the raw numbers, without a unit');
  } else {
    unit = amplitude.unit;
    // A constant image has no span to scale: it is 0 throughout.
    scale = max > min ? amplitude.value / (max - min) : 0;
  }
  // Turned by 180°: value k of the file is value count − 1 − k of the image as shown.
  const data = new Float32Array(count);
  for (let k = 0; k < count; k++) data[count - 1 - k] = raw[k]! * scale;
  const width = quantity(values['Control>X Amplitude']);
  const height = quantity(values['Control>Y Amplitude']) ?? width;
  const image: ImageRecord = {
    channel: (values['General Info>Acquisition channel'] ?? '').trim() || 'Topography',
    unit,
    direction: /backward/i.test(values['General Info>X scanning direction'] ?? '') ? 'backward' : 'forward',
    width: columns,
    height: rows,
    data,
    frame: {
      centreX: quantity(values['Control>X Offset'])?.value ?? 0,
      centreY: quantity(values['Control>Y Offset'])?.value ?? 0,
      width: width?.value ?? NaN,
      height: height?.value ?? NaN,
      angleDeg: quantity(values['Control>Angle'])?.value ?? 0,
    },
  };
  parsed.images.push(image);
}

/** Parses a WSxM file: its image, or, for another WSxM type, a ParseError saying which it is. */
export function parseWsxm(
  bytes: Uint8Array,
  _name: string,
  _context: unknown = {},
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): ParsedFile {
  const header = readHeader(bytes);
  if (header.type !== 'SxM Image file')
    throw new ParseError(
      'unsupported-format',
      `WSxM "${header.type || 'unnamed'}" file recognised; only WSxM images (SxM Image file) are read`,
    );
  const parsed = emptyParsedFile('wsxm', 'image');
  parsed.headerEntries = header.entries;
  parsed.header = firstWins(header.entries);
  parsed.acquiredAt = acquisitionTime(parsed.header['General Info>Acquisition time']);
  parsed.comment = (parsed.header['Miscellaneous>Comments'] ?? '').trim();
  readImage(bytes, header, limits, parsed);
  return parsed;
}
