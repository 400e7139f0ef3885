// The numeric body of a Nanonis .dat file: one tab-separated line of column names, then rows of
// numbers. Parsed in one pass over the file's bytes into column-major Float64Arrays.
import { latin1 } from './binary.ts';
import { parseNumberInBytes } from './numbers.ts';
import { DEFAULT_READER_LIMITS, overLimit } from './limits.ts';
import { ParseError } from './types.ts';

export interface NumericTable {
  names: string[];
  columns: Float64Array[];
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;

/** End of the line starting at `start` (index of its LF, or bytes.length). */
function lineEnd(bytes: Uint8Array, start: number): number {
  const end = bytes.indexOf(LF, start);
  return end === -1 ? bytes.length : end;
}

function trimCr(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1] === CR ? end - 1 : end;
}

function isBlankRange(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = bytes[i];
    if (code !== TAB && code !== SPACE && code !== CR) return false;
  }
  return true;
}

/** Upper bound on the rows from `start` on (lines, counted with native indexOf), to size arrays once. */
function countLines(bytes: Uint8Array, start: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(LF, start); i !== -1; i = bytes.indexOf(LF, i + 1)) lines++;
  return lines + 1;
}

/**
 * Parses the column-name line at byte `start` and every row after it. Empty cells and `NaN`
 * become NaN; missing trailing cells become NaN; a cell that is not a number, or a non-empty cell
 * beyond the last column, is a ParseError naming the row (1 = first data row) and the column.
 */
export function parseTabTable(
  bytes: Uint8Array,
  start: number,
  maxColumns = DEFAULT_READER_LIMITS.maxColumns,
): NumericTable {
  const headerEnd = lineEnd(bytes, start);
  const names = latin1(bytes, start, trimCr(bytes, start, headerEnd))
    .split('\t')
    .map((name) => name.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new ParseError('missing-columns', 'no column names after [DATA]');
  if (names.length > maxColumns) overLimit('columns after [DATA]', names.length, maxColumns);

  const bodyStart = Math.min(headerEnd + 1, bytes.length);
  const rowCount = countLines(bytes, bodyStart);
  const width = names.length;
  const columns = names.map(() => new Float64Array(rowCount));
  let row = 0;
  let pos = bodyStart;
  while (pos < bytes.length && row < rowCount) {
    const next = lineEnd(bytes, pos);
    const end = trimCr(bytes, pos, next);
    if (isBlankRange(bytes, pos, end)) {
      pos = next + 1;
      continue;
    }
    let cellStart = pos;
    let column = 0;
    for (let i = pos; i <= end; i++) {
      if (i < end && bytes[i] !== TAB) continue;
      if (column < width) {
        const value = parseNumberInBytes(bytes, cellStart, i);
        if (value === undefined) {
          throw new ParseError(
            'bad-number',
            `data row ${row + 1}, column "${names[column]}": "${latin1(bytes, cellStart, Math.min(i, cellStart + 40))}" is not a number`,
          );
        }
        (columns[column] as Float64Array)[row] = value;
      } else if (!isBlankRange(bytes, cellStart, i)) {
        throw new ParseError('bad-row', `data row ${row + 1} has more than ${width} cells`);
      }
      column++;
      cellStart = i + 1;
    }
    for (; column < width; column++) (columns[column] as Float64Array)[row] = NaN;
    row++;
    pos = next + 1;
  }
  // Blank lines were counted in the bound: cut the arrays to the rows actually read.
  return { names, columns: row === rowCount ? columns : columns.map((c) => c.slice(0, row)) };
}
