// WSxM (Nanotec Electrónica / UAM) files: a latin-1 text header, then the data. The header: the
// line `WSxM file copyright …`, the file's type on the second line, `Image header size: N`, then
// `[Section]` blocks of `key: value` lines up to `[Header end]`.
// - `SxM Image file` (.top, .stp, .ch …): one image of `Number of columns` × `Number of rows`
//   little-endian values right after the `[Header end]` line (`Image Data Type`: short or integer
//   = int16, float = float32, double = float64). The values are relative: the image's span
//   (max − min) is `Z Amplitude` in its unit, as Gwyddion's and SciFiReaders' readers scale them.
//   WSxM stores the image turned by 180° against how it is shown (last row and column first), as
//   Gwyddion reads and writes it; rows are turned back here (row 0 = top, column 0 = left).
// - `IV curve file`: I–V sweeps as text (wsxmCurves.ts).
// - Other curve files (force, Z, lithography curves …): recognised, not read; the import reports
//   them skipped with their type.
import { firstWins } from './headerEntries.ts';
import { DEFAULT_READER_LIMITS, overLimit, type ReaderLimits } from './limits.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type ImageRecord, type ParsedFile } from './types.ts';
import { readIvCurves } from './wsxmCurves.ts';
import { positiveInteger, quantity, readHeader, type WsxmHeader } from './wsxmHeader.ts';

/** Bytes per value and how to read one, by `Image Data Type`. */
const DATA_TYPES = new Map<string, { bytes: number; read: (view: DataView, at: number) => number }>([
  ['short', { bytes: 2, read: (view, at) => view.getInt16(at, true) }],
  ['integer', { bytes: 2, read: (view, at) => view.getInt16(at, true) }],
  ['float', { bytes: 4, read: (view, at) => view.getFloat32(at, true) }],
  ['double', { bytes: 8, read: (view, at) => view.getFloat64(at, true) }],
]);

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
    // The span of the finite values (a float image may hold NaN or ±Infinity for no value).
    if (v < min && v !== -Infinity) min = v;
    if (v > max && v !== Infinity) max = v;
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
  // Turned by 180°: value k of the file is value count − 1 − k of the image as shown. A value that
  // is not finite is no value (NaN), as in the other readers' images.
  const data = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const v = raw[k]!;
    data[count - 1 - k] = Number.isFinite(v) ? v * scale : NaN;
  }
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

/** Parses a WSxM file: its image or its I–V curves; for another WSxM type, a ParseError saying which it is. */
export function parseWsxm(
  bytes: Uint8Array,
  _name: string,
  _context: unknown = {},
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
): ParsedFile {
  const header = readHeader(bytes);
  const image = header.type === 'SxM Image file';
  if (!image && header.type !== 'IV curve file')
    throw new ParseError(
      'unsupported-format',
      `WSxM "${header.type || 'unnamed'}" file recognised; WSxM images (SxM Image file) and I–V curves (IV curve file) are read`,
    );
  const parsed = emptyParsedFile('wsxm', image ? 'image' : 'bias-spectroscopy');
  parsed.headerEntries = header.entries;
  parsed.header = firstWins(header.entries);
  parsed.acquiredAt = acquisitionTime(parsed.header['General Info>Acquisition time']);
  parsed.comment = (parsed.header['Miscellaneous>Comments'] ?? '').trim();
  if (image) readImage(bytes, header, limits, parsed);
  else readIvCurves(bytes, header, parsed, limits);
  return parsed;
}
