// Plain-text I–V curves (.txt, .csv, .asc): comment lines, optional name/unit header lines, then
// rows of numbers. Two layouts: columns V, I (further columns are extra channels) and SPIP's X/Y
// column pairs (one curve per pair). Values are converted to SI from the units the header gives.
import { firstWins } from './headerEntries.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { columnHeads, commentEntries, splitNameUnit } from './textHeader.ts';
import {
  cellNumber,
  isCommentLine,
  isDataLine,
  sniffDialect,
  splitCells,
  splitLines,
  type TextDialect,
  type TextLine,
} from './textTable.ts';
import {
  ParseError,
  type ChannelColumn,
  type Direction,
  type ParsedFile,
  type SpectrumRecord,
} from './types.ts';
import { isCurrentUnit, isVoltageUnit, siUnit } from './units.ts';

/** Lines sampled to sniff the dialect: enough for a robust vote, cheap on large files. */
const SNIFF_LINES = 200;

function decode(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Table {
  columns: Float64Array[];
  firstDataLine: number;
}

/**
 * Every data row from the first one on, column c scaled by 10^shifts[c] (unit prefixes); a
 * non-numeric, non-comment line in the block is an error.
 */
function readRows(lines: TextLine[], dialect: TextDialect, first: number, shifts: number[]): Table {
  const width = shifts.length;
  const rows: TextLine[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    if (line.text.trim() === '' || isCommentLine(line.text)) continue;
    rows.push(line);
  }
  const columns = Array.from({ length: width }, () => new Float64Array(rows.length));
  rows.forEach((line, r) => {
    const cells = splitCells(line.text, dialect.delimiter);
    if (cells.length > width) {
      throw new ParseError(
        'bad-row',
        `line ${line.number} has ${cells.length} cells, the first data row ${width}`,
      );
    }
    for (let c = 0; c < width; c++) {
      const cell = cells[c] ?? '';
      const value = cellNumber(cell, dialect.decimalComma, shifts[c]);
      if (value === undefined) {
        throw new ParseError('bad-number', `line ${line.number}: "${cell.slice(0, 40)}" is not a number`);
      }
      (columns[c] as Float64Array)[r] = value;
    }
  });
  return { columns, firstDataLine: first };
}

/** Header lines: the non-comment, non-blank lines directly above the first data row (at most 3). */
function headerLinesAbove(lines: TextLine[], first: number): string[] {
  const found: string[] = [];
  for (let i = first - 1; i >= 0 && found.length < 3; i--) {
    const text = (lines[i] as TextLine).text;
    if (text.trim() === '' || isCommentLine(text)) break;
    found.unshift(text);
  }
  return found;
}

/** SPIP's X/Y pairs: an even number (>= 4) of columns named X, Y, X, Y … or unit'd V, A, V, A … */
function isPairLayout(names: string[], units: string[]): boolean {
  if (names.length < 4 || names.length % 2 !== 0) return false;
  const byName = names.every((name, i) => name.toUpperCase() === (i % 2 === 0 ? 'X' : 'Y'));
  const byUnit = units.every((unit, i) =>
    i % 2 === 0 ? isVoltageUnit(siUnit(unit)) : isCurrentUnit(siUnit(unit)),
  );
  return byName || byUnit;
}

/** Length without the trailing rows where both x and y are NaN (shorter curves in a pair export). */
function usedLength(x: Float64Array, y: Float64Array): number {
  let n = x.length;
  while (n > 0 && Number.isNaN(x[n - 1]) && Number.isNaN(y[n - 1])) n--;
  return n;
}

/** Parses a text I–V export. Throws ParseError when there are no numeric rows or a row is bad. */
export function parseTextIv(bytes: Uint8Array, name: string): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  if (bytes.subarray(0, 4096).includes(0))
    throw new ParseError('not-text', 'binary data (NUL bytes), not a text table');
  const lines = splitLines(decode(bytes));
  const sample = lines
    .filter((line) => line.text.trim() !== '' && !isCommentLine(line.text))
    .slice(0, SNIFF_LINES)
    .map((line) => line.text);
  const dialect = sniffDialect(sample);
  if (!dialect) throw new ParseError('no-data', 'no rows of two or more numbers found');
  const first = lines.findIndex(
    (line) =>
      !isCommentLine(line.text) &&
      isDataLine(line.text, dialect) &&
      splitCells(line.text, dialect.delimiter).length >= 2,
  );
  if (first === -1) throw new ParseError('no-data', 'no rows of two or more numbers found');
  const width = splitCells((lines[first] as TextLine).text, dialect.delimiter).length;

  const before = lines.slice(0, first);
  const headerLines = headerLinesAbove(lines, first);
  const comments = before.map((line) => line.text).filter((text) => isCommentLine(text));
  const plain = before
    .map((line) => line.text)
    .filter((text) => text.trim() !== '' && !isCommentLine(text) && !headerLines.includes(text));
  const entries = [...plain.map((text): [string, string] => [text.trim(), '']), ...commentEntries(comments)];
  const heads = columnHeads(headerLines, comments, dialect.delimiter, width);
  const si = heads.units.map((unit) => siUnit(unit));
  const table = readRows(
    lines,
    dialect,
    first,
    si.map((unit) => unit?.exponent ?? 0),
  );

  const direction: Direction = /\bbackward\b/i.test(name) ? 'backward' : 'forward';
  const pairs = isPairLayout(heads.names, heads.units);
  const channels: ChannelColumn[] = table.columns.map((values, i) => {
    const written = heads.names[i] ?? '';
    const unit = heads.units[i] ?? '';
    return {
      name: written === '' ? `Column ${i + 1}` : written,
      quantity: written === '' ? `Column ${i + 1}` : splitNameUnit(written).quantity,
      unit: si[i]?.unit ?? unit,
      sweep: pairs ? Math.floor(i / 2) + 1 : null,
      direction,
      filtered: false,
      values,
    };
  });

  const parsed = emptyParsedFile('text-iv', 'bias-spectroscopy');
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  parsed.channels = channels;
  parsed.notIv = notIvReason(channels, heads.units, pairs);
  if (parsed.notIv !== null) {
    parsed.kind = 'other';
    return parsed;
  }
  parsed.spectra = pairs ? pairSpectra(channels) : [columnSpectrum(channels)];
  return parsed;
}

/**
 * Why the table is not I–V: the current column's unit is known and is not a current, or the bias
 * column's unit is known and is not a voltage. Columns without units are taken as V and A.
 */
function notIvReason(channels: ChannelColumn[], written: string[], pairs: boolean): string | null {
  const step = pairs ? 2 : channels.length;
  for (let x = 0; x + 1 < channels.length; x += step) {
    const bias = channels[x] as ChannelColumn;
    const current = channels[x + 1] as ChannelColumn;
    const yUnit = written[x + 1] ?? '';
    const xUnit = written[x] ?? '';
    if (yUnit !== '' && !isCurrentUnit(siUnit(yUnit))) {
      return `column "${current.name}" is in ${yUnit}, not a current, so this is not an I–V curve`;
    }
    if (xUnit !== '' && !isVoltageUnit(siUnit(xUnit))) {
      return `column "${bias.name}" is in ${xUnit}, not a bias voltage, so this is not an I–V curve`;
    }
  }
  return null;
}

function columnSpectrum(channels: ChannelColumn[]): SpectrumRecord {
  const [bias, current, ...rest] = channels as [ChannelColumn, ChannelColumn, ...ChannelColumn[]];
  return {
    sweep: 1,
    isAverage: false,
    direction: bias.direction,
    bias: bias.values.slice(),
    current: current.values.slice(),
    extra: rest.map((c) => ({ name: c.name, unit: c.unit, values: c.values.slice() })),
    position: null,
    gridIndex: null,
  };
}

function pairSpectra(channels: ChannelColumn[]): SpectrumRecord[] {
  const spectra: SpectrumRecord[] = [];
  for (let x = 0; x + 1 < channels.length; x += 2) {
    const bias = channels[x] as ChannelColumn;
    const current = channels[x + 1] as ChannelColumn;
    const n = usedLength(bias.values, current.values);
    spectra.push({
      sweep: x / 2 + 1,
      isAverage: false,
      direction: bias.direction,
      bias: bias.values.slice(0, n),
      current: current.values.slice(0, n),
      extra: [],
      position: null,
      gridIndex: null,
    });
  }
  return spectra;
}
