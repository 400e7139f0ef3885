// The numeric body of a Nanonis .dat file: one tab-separated line of column names, then rows of
// numbers. Parsed in one pass over character codes into column-major Float64Arrays.
import { parseNumberAt } from './numbers.ts';
import { ParseError } from './types.ts';

export interface NumericTable {
  names: string[];
  columns: Float64Array[];
}

const TAB = 9;
const LF = 10;
const CR = 13;

/** End of the line starting at `start` (index of its `\n`, or text.length), CR excluded later. */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

function trimCr(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

/** Number of non-blank lines in `text[start, …)`: the row count, to size the arrays once. */
function countRows(text: string, start: number): number {
  let rows = 0;
  let blank = true;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) {
      if (!blank) rows++;
      blank = true;
    } else if (code !== CR && code !== TAB && code !== 32) {
      blank = false;
    }
  }
  return blank ? rows : rows + 1;
}

/**
 * Parses the column-name line at `start` and every row after it. Empty cells and `NaN` become NaN;
 * missing trailing cells become NaN; a cell that is not a number, or a non-empty cell beyond the
 * last column, is a ParseError naming the row (1 = first data row) and the column.
 */
export function parseTabTable(text: string, start: number): NumericTable {
  const headerEnd = lineEnd(text, start);
  const headerLine = text.slice(start, trimCr(text, start, headerEnd));
  const names = headerLine.split('\t').map((name) => name.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new ParseError('missing-columns', 'no column names after [DATA]');

  const bodyStart = Math.min(headerEnd + 1, text.length);
  const rowCount = countRows(text, bodyStart);
  const width = names.length;
  const columns = names.map(() => new Float64Array(rowCount));
  let row = 0;
  let pos = bodyStart;
  while (pos < text.length && row < rowCount) {
    const end = trimCr(text, pos, lineEnd(text, pos));
    if (isBlankLine(text, pos, end)) {
      pos = lineEnd(text, pos) + 1;
      continue;
    }
    let cellStart = pos;
    let column = 0;
    for (let i = pos; i <= end; i++) {
      if (i < end && text.charCodeAt(i) !== TAB) continue;
      if (column < width) {
        const value = parseNumberAt(text, cellStart, i);
        if (value === undefined) {
          throw new ParseError(
            'bad-number',
            `data row ${row + 1}, column "${names[column]}": "${text.slice(cellStart, i).slice(0, 40)}" is not a number`,
          );
        }
        (columns[column] as Float64Array)[row] = value;
      } else if (!isBlankLine(text, cellStart, i)) {
        throw new ParseError('bad-row', `data row ${row + 1} has more than ${width} cells`);
      }
      column++;
      cellStart = i + 1;
    }
    for (; column < width; column++) (columns[column] as Float64Array)[row] = NaN;
    row++;
    pos = lineEnd(text, pos) + 1;
  }
  return { names, columns };
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== TAB && code !== 32 && code !== CR) return false;
  }
  return true;
}
