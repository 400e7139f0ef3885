// The numeric body of a Nanonis .dat file: one tab-separated line of column names, then rows of
// numbers. Parsed in one pass over the file's bytes straight into column-major Float64Arrays: each
// cell's digits are read once (no line or cell strings, no split/parseFloat), and only a cell that is
// not a plain decimal (NaN, Inf, a long mantissa, a huge exponent, junk) takes parseNumberInBytes.
import { latin1 } from './binary.ts';
import { parseNumberInBytes } from './numbers.ts';
import { DEFAULT_READER_LIMITS, overLimit } from './limits.ts';
import { ParseError } from './types.ts';

export interface NumericTable {
  names: string[];
  columns: Float64Array[];
  /**
   * Cells written on the last data row (blank trailing cells not counted): fewer than
   * `names.length` when the file ends inside a row, e.g. a file cut short.
   */
  lastRowCells: number;
  /** The most cells written on any data row (blank trailing cells not counted). */
  widestRowCells: number;
  /** Whether the bytes end with a line feed (the last row was written whole, up to its end). */
  endsWithNewline: boolean;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const E_UPPER = 69;
const E_LOWER = 101;

/** Exact powers of ten: every 10^k with k <= 22 is representable as a double. */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/** 2^53: integer mantissas below it are exact in a double. */
const MAX_EXACT = 9007199254740992;

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

/**
 * Rows to allocate for a body of `bodyBytes` whose first row takes `rowBytes`: Nanonis writes
 * fixed-width numbers, so rows are about that long; a few more than the estimate avoids growing
 * when the sign column varies. Wrong estimates only cost a regrow or some spare room. The rows the
 * header announces, when the bytes can hold them, are allocated exactly instead: the columns are
 * then returned as they are, not copied to their length (3 copies per file saved, ~5 % of a Nanonis
 * .dat's parse).
 */
function estimateRows(bodyBytes: number, rowBytes: number, announcedRows: number | null): number {
  const estimate = Math.ceil((bodyBytes / Math.max(1, rowBytes)) * 1.05) + 8;
  return announcedRows !== null && announcedRows > 0 && announcedRows <= estimate ? announcedRows : estimate;
}

/** The columns with room for at least `rows` rows (doubling), values kept. */
function grow(columns: Float64Array[], rows: number): Float64Array[] {
  return columns.map((column) => {
    const bigger = new Float64Array(Math.max(rows, column.length * 2));
    bigger.set(column);
    return bigger;
  });
}

function tooManyCells(row: number, width: number): ParseError {
  return new ParseError('bad-row', `data row ${row + 1} has more than ${width} cells`);
}

function notANumber(bytes: Uint8Array, start: number, end: number, row: number, column: string): ParseError {
  const shown = latin1(bytes, start, Math.min(trimCr(bytes, start, end), start + 40));
  return new ParseError('bad-number', `data row ${row + 1}, column "${column}": "${shown}" is not a number`);
}

/**
 * Parses the column-name line at byte `start` and every row after it. Empty cells and `NaN`
 * become NaN; missing trailing cells become NaN; a cell that is not a number, or a non-empty cell
 * beyond the last column, is a ParseError naming the row (1 = first data row) and the column.
 * Blank lines are skipped. Numbers are correctly rounded (the same doubles as parseFloat).
 * `announcedRows` (the rows the file's header announces) only sizes the columns: the table holds
 * the rows the bytes hold, more or fewer.
 */
export function parseTabTable(
  bytes: Uint8Array,
  start: number,
  maxColumns = DEFAULT_READER_LIMITS.maxColumns,
  announcedRows: number | null = null,
): NumericTable {
  const headerEnd = lineEnd(bytes, start);
  // Built by a loop (as the columns below): one array shape for V8 from the first call.
  const names: string[] = [];
  for (const name of latin1(bytes, start, trimCr(bytes, start, headerEnd)).split('\t'))
    names.push(name.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new ParseError('missing-columns', 'no column names after [DATA]');
  if (names.length > maxColumns) overLimit('columns after [DATA]', names.length, maxColumns);

  const n = bytes.length;
  const bodyStart = Math.min(headerEnd + 1, n);
  const width = names.length;
  let columns: Float64Array[] = [];
  let capacity = 0;
  let row = 0;
  let lastRowCells = 0;
  let widestRowCells = 0;
  let pos = bodyStart;
  while (pos < n) {
    // A blank line (only tabs, spaces, CRs) is skipped.
    let i = pos;
    let code = bytes[i] as number;
    while (code === TAB || code === SPACE || code === CR) code = bytes[++i] as number;
    if (i >= n) break;
    if (code === LF) {
      pos = i + 1;
      continue;
    }
    if (row === capacity) {
      capacity =
        row === 0
          ? estimateRows(n - pos, lineEnd(bytes, pos) + 1 - pos, announcedRows)
          : Math.max(2 * capacity, row + 1);
      columns = row === 0 ? names.map(() => new Float64Array(capacity)) : grow(columns, capacity);
    }
    // Cells of one row: `i` walks the bytes once; each cell ends at a TAB, an LF or the end.
    i = pos;
    let column = 0;
    let written = 0;
    for (;;) {
      const cellStart = i;
      code = bytes[i] as number;
      while (code === SPACE || code === CR) code = bytes[++i] as number;
      // Fast path (the digits read once, correctly rounded as in numbers.ts's fastDecimal): [sign] digits [. digits] [e [sign] digits], then blanks, then TAB/LF/end.
      let negative = false;
      if (code === MINUS || code === PLUS) {
        negative = code === MINUS;
        code = bytes[++i] as number;
      }
      let mantissa = 0;
      let digits = 0;
      let fraction = 0;
      while (code >= DIGIT_0 && code <= DIGIT_9) {
        mantissa = mantissa * 10 + (code - DIGIT_0);
        digits++;
        code = bytes[++i] as number;
      }
      if (code === DOT) {
        code = bytes[++i] as number;
        while (code >= DIGIT_0 && code <= DIGIT_9) {
          mantissa = mantissa * 10 + (code - DIGIT_0);
          digits++;
          fraction++;
          code = bytes[++i] as number;
        }
      }
      let exponent = 0;
      let simple = digits > 0 && mantissa < MAX_EXACT;
      if (simple && (code === E_UPPER || code === E_LOWER)) {
        code = bytes[++i] as number;
        let expNegative = false;
        if (code === MINUS || code === PLUS) {
          expNegative = code === MINUS;
          code = bytes[++i] as number;
        }
        const expStart = i;
        while (code >= DIGIT_0 && code <= DIGIT_9 && exponent < 1000) {
          exponent = exponent * 10 + (code - DIGIT_0);
          code = bytes[++i] as number;
        }
        if (i === expStart) simple = false;
        if (expNegative) exponent = -exponent;
      }
      while (code === SPACE || code === CR) code = bytes[++i] as number;
      const scale = exponent - fraction;
      let value: number;
      if (simple && (i >= n || code === TAB || code === LF) && scale >= -22 && scale <= 22) {
        value =
          scale === 0
            ? mantissa
            : scale > 0
              ? mantissa * (POW10[scale] as number)
              : mantissa / (POW10[-scale] as number);
        if (negative) value = -value;
      } else {
        // Any other cell: find its end and take the general parser (empty -> NaN, NaN/Inf words,
        // long mantissas, big exponents) or report it.
        while (i < n && code !== TAB && code !== LF) code = bytes[++i] as number;
        const blank = isBlankRange(bytes, cellStart, i);
        if (!blank) {
          if (column >= width) throw tooManyCells(row, width);
          const parsed = parseNumberInBytes(bytes, cellStart, i);
          if (parsed === undefined) throw notANumber(bytes, cellStart, i, row, names[column] as string);
          (columns[column] as Float64Array)[row] = parsed;
          written = column + 1;
        } else if (column < width) (columns[column] as Float64Array)[row] = NaN;
        column++;
        if (i >= n || code === LF) break;
        i++;
        continue;
      }
      if (column >= width) throw tooManyCells(row, width);
      (columns[column] as Float64Array)[row] = value;
      column++;
      written = column;
      if (i >= n || code === LF) break;
      i++;
    }
    for (let c = column; c < width; c++) (columns[c] as Float64Array)[row] = NaN;
    lastRowCells = Math.min(written, width);
    if (lastRowCells > widestRowCells) widestRowCells = lastRowCells;
    row++;
    pos = i + 1;
  }
  // Exactly the rows read: each column owns a buffer of its own size (callers may transfer it).
  // A loop, not names.map with a closure: in the import's parse worker the closure had no type
  // feedback when V8 first optimised this function (on-stack, in the row loop), so every later
  // call left the optimised code there (10 deoptimisations per import, 2-10 ms each).
  const exactColumns: Float64Array[] = [];
  for (let c = 0; c < width; c++) {
    const column = columns[c] ?? new Float64Array(0);
    exactColumns.push(row === capacity ? column : column.slice(0, row));
  }
  return {
    names,
    columns: exactColumns,
    lastRowCells,
    widestRowCells,
    endsWithNewline: n > 0 && bytes[n - 1] === LF,
  };
}
