// Nanonis spectroscopy .dat (ASCII): `key<TAB>value<TAB>` header lines, a blank line, `[DATA]`,
// a tab-separated line of column names and numeric rows. Only `bias spectroscopy` yields I–V
// spectra; other experiments keep their columns and say why they are not I–V (`notIv`).
import { asciiBytes, indexOfBytes, latin1 } from './binary.ts';
import { parseColumnName } from './columnName.ts';
import { commentFrom, firstWins, type HeaderEntries } from './headerEntries.ts';
import { nanonisDateToIso } from './nanonisDate.ts';
import { emptyParsedFile, positionFromHeader, setpointFromHeader } from './parsedFile.ts';
import {
  pickBiasColumn,
  pickCurrentQuantity,
  spectraFromColumns,
  type CurveAllocator,
} from './spectrumColumns.ts';
import { DEFAULT_READER_LIMITS, type ReaderLimits } from './limits.ts';
import { parseTabTable, type NumericTable } from './tabTable.ts';
import { ParseError, type ChannelColumn, type FileKind, type ParsedFile } from './types.ts';

const DATA_MARKER = '[DATA]';
const DATA_MARKER_BYTES = asciiBytes(DATA_MARKER);

interface DatHeader {
  entries: HeaderEntries;
  /** Byte offset of the line after `[DATA]` (the column names). */
  bodyStart: number;
}

/** Offset of the `[DATA]` line: the marker at a line start with nothing but blanks after it. */
function dataMarker(bytes: Uint8Array): number {
  for (
    let at = indexOfBytes(bytes, DATA_MARKER_BYTES);
    at !== -1;
    at = indexOfBytes(bytes, DATA_MARKER_BYTES, at + 1)
  ) {
    if (at > 0 && bytes[at - 1] !== 10) continue;
    let end = at + DATA_MARKER_BYTES.length;
    while (end < bytes.length && (bytes[end] === 32 || bytes[end] === 9 || bytes[end] === 13)) end++;
    if (end === bytes.length || bytes[end] === 10) return at;
  }
  return -1;
}

/**
 * Reads header lines up to `[DATA]`. Values lose the one trailing tab Nanonis writes. Only the
 * header is decoded to text; the data block is parsed from the bytes (latin-1: one byte per char,
 * so string offsets are byte offsets).
 */
function readHeader(bytes: Uint8Array): DatHeader {
  const marker = dataMarker(bytes);
  const text = latin1(bytes, 0, marker === -1 ? bytes.length : marker);
  const entries: HeaderEntries = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab === -1) {
      entries.push([line.trim(), '']);
      continue;
    }
    let value = line.slice(tab + 1);
    if (value.endsWith('\t')) value = value.slice(0, -1);
    entries.push([line.slice(0, tab), value]);
  }
  if (marker === -1) {
    throw new ParseError('missing-data', `no ${DATA_MARKER} line after ${entries.length} header lines`);
  }
  const afterMarker = bytes.indexOf(10, marker);
  return { entries, bodyStart: afterMarker === -1 ? bytes.length : afterMarker + 1 };
}

const KINDS = new Map<string, FileKind>([
  ['bias spectroscopy', 'bias-spectroscopy'],
  ['z spectroscopy', 'z-spectroscopy'],
  ['sweep', 'sweep'],
  ['frequency sweep', 'frequency-sweep'],
]);

export function kindOfExperiment(experiment: string | undefined): FileKind {
  return KINDS.get((experiment ?? '').trim().toLowerCase()) ?? 'other';
}

function notIvReason(
  kind: FileKind,
  experiment: string | undefined,
  columns: ChannelColumn[],
): string | null {
  switch (kind) {
    case 'bias-spectroscopy':
      return null;
    case 'z-spectroscopy':
      return 'Z spectroscopy (signals against tip height), not an I–V sweep';
    case 'sweep':
      return `generic Sweep experiment (swept signal ${columns[0]?.name ?? 'unknown'}), not an I–V sweep`;
    case 'frequency-sweep':
      return 'Frequency Sweep (oscillator resonance), not an I–V sweep';
    default:
      return experiment === undefined
        ? 'no Experiment line in the header, so not known to be an I–V sweep'
        : `experiment "${experiment.trim()}" is not bias spectroscopy`;
  }
}

/** Header entry announcing the points per sweep, by experiment (none known for a generic Sweep). */
const POINTS_KEYS = new Map<FileKind, string>([
  ['bias-spectroscopy', 'Bias Spectroscopy>Num Pixel'],
  ['z-spectroscopy', 'Z Spectroscopy>Num Pixel'],
  ['frequency-sweep', 'Number of points'],
]);

function announcedPoints(header: Record<string, string>, kind: FileKind): number | null {
  const key = POINTS_KEYS.get(kind);
  const value = key === undefined ? NaN : Number((header[key] ?? '').trim());
  return Number.isInteger(value) && value > 0 ? value : null;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * A file cut short (a copy interrupted, a disk full while saving): fewer rows than the header
 * announces, or a last row the file ends inside with fewer cells than other rows. The rows read are kept
 * except a last row the cut may have gone through (cells missing, or the file ends inside it
 * while rows are missing): its values cannot be trusted. Returns the warning, or null.
 */
function cutTruncatedRow(table: NumericTable, announced: number | null): string | null {
  const rows = table.columns[0]?.length ?? 0;
  // A short row ended by a line feed was written short (its cells read as NaN); one the file ends
  // inside was cut.
  const lastRowCut = rows > 0 && !table.endsWithNewline && table.lastRowCells < table.widestRowCells;
  const short = announced !== null && rows < announced;
  if (!lastRowCut && !short) return null;
  const dropLast = rows > 0 && (lastRowCut || !table.endsWithNewline);
  const kept = dropLast ? rows - 1 : rows;
  if (dropLast) table.columns = table.columns.map((column) => column.slice(0, kept));
  const cut = dropLast ? ` (the file ends inside row ${count(rows)}, which is left out)` : '';
  return announced !== null
    ? `truncated: ${count(kept)} of ${count(announced)} points${cut}`
    : `truncated: ${count(kept)} points read, the header announces no count${cut}`;
}

/**
 * Parses a Nanonis .dat file. Throws ParseError on a missing `[DATA]` or a non-numeric cell.
 * `allocateCurve` makes the spectrum records' arrays (see spectraFromColumns).
 */
export function parseNanonisDat(
  bytes: Uint8Array,
  _name: string,
  limits: ReaderLimits = DEFAULT_READER_LIMITS,
  allocateCurve?: CurveAllocator,
): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  const { entries, bodyStart } = readHeader(bytes);
  const header = firstWins(entries);
  const experiment = header['Experiment'];
  const kind = kindOfExperiment(experiment);
  const announced = announcedPoints(header, kind);
  const table = parseTabTable(bytes, bodyStart, limits.maxColumns, announced);
  const truncated = cutTruncatedRow(table, announced);

  const channels: ChannelColumn[] = table.names.map((name, i) => ({
    name,
    ...parseColumnName(name),
    values: table.columns[i] as Float64Array,
  }));

  const parsed = emptyParsedFile('nanonis-dat', kind);
  if (truncated) parsed.warnings.push(truncated);
  parsed.header = header;
  parsed.headerEntries = entries;
  parsed.position = positionFromHeader(header);
  parsed.acquiredAt = nanonisDateToIso(header['Start time']) ?? nanonisDateToIso(header['Date']);
  parsed.setpoint = setpointFromHeader(header);
  parsed.comment = commentFrom(entries, /^Comment\d*$/);
  parsed.channels = channels;
  parsed.notIv = notIvReason(kind, experiment, channels);
  if (kind !== 'bias-spectroscopy') return parsed;

  const bias = pickBiasColumn(channels);
  const currentQuantity = pickCurrentQuantity(channels);
  if (!bias) {
    parsed.notIv = 'bias spectroscopy without a bias column (no "Bias calc (V)" or "Bias (V)")';
  } else if (currentQuantity === undefined) {
    parsed.notIv = 'bias spectroscopy without a current column (no unfiltered column in A)';
  } else if (bias.values.length === 0) {
    parsed.notIv = 'bias spectroscopy with no data rows';
  } else {
    parsed.spectra = spectraFromColumns(
      channels,
      bias,
      currentQuantity,
      { position: parsed.position, gridIndex: null, allocateCurve },
      limits.maxSpectrumValues,
    );
  }
  return parsed;
}
