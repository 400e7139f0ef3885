// Sniffing a plain-text table of numbers: which lines are comments, header or data, which
// delimiter separates cells and whether the decimal separator is a comma (`0,5;1,2e-9`).
import { parseNumberAt } from './numbers.ts';

export type Delimiter = '\t' | ';' | ',' | ' ';

export interface TextLine {
  /** 1-based line number in the file, for error messages. */
  number: number;
  text: string;
}

const LF = 10;
const CR = 13;

/**
 * Lines of any ending: LF, CRLF, CR CR LF (SPIP exports) and lone CR (each lone CR ends a line).
 * A hand-written scan: the regex `\r*\n|\r` backtracks quadratically on a long run of CRs.
 */
export function splitLines(text: string): TextLine[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) {
      lines.push(text.slice(start, i));
      start = i + 1;
    } else if (code === CR) {
      let run = i;
      while (run < text.length && text.charCodeAt(run) === CR) run++;
      if (run < text.length && text.charCodeAt(run) === LF) {
        lines.push(text.slice(start, i));
        start = run + 1;
        i = run;
      } else {
        lines.push(text.slice(start, i));
        for (let k = i + 1; k < run; k++) lines.push('');
        start = run;
        i = run - 1;
      }
    }
  }
  lines.push(text.slice(start));
  return lines.map((line, i) => ({ number: i + 1, text: line }));
}

/**
 * Comment lines: `#`, `%`, `!`, `//`, and SPIP's parameter dump whose lines start with `.` followed
 * by a blank (`.  .  Gap_Voltage = 0.02 Volt`), never a number such as `.5`.
 */
export function isCommentLine(text: string): boolean {
  const line = text.trimStart();
  if (line.startsWith('#') || line.startsWith('%') || line.startsWith('!') || line.startsWith('//'))
    return true;
  return line.startsWith('.') && !/^\.\d/.test(line);
}

/** Cells of a line; for the blank delimiter any run of spaces/tabs separates. Trailing empties dropped. */
export function splitCells(text: string, delimiter: Delimiter): string[] {
  const cells = delimiter === ' ' ? text.trim().split(/[ \t]+/) : text.split(delimiter).map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** A cell as a number times 10^shift (`,` is the decimal point when `decimalComma`), undefined if not one. */
export function cellNumber(cell: string, decimalComma: boolean, shift = 0): number | undefined {
  const text = decimalComma ? cell.replace(',', '.') : cell;
  if (text.trim() === '') return NaN;
  return parseNumberAt(text, 0, text.length, shift);
}

function numericCells(cells: string[], decimalComma: boolean): boolean {
  return (
    cells.length > 0 && cells.every((cell) => cell !== '' && cellNumber(cell, decimalComma) !== undefined)
  );
}

export interface TextDialect {
  delimiter: Delimiter;
  decimalComma: boolean;
}

const CANDIDATES: Delimiter[] = ['\t', ';', ',', ' '];

/**
 * The delimiter under which most of the sampled lines are rows of two or more numbers (ties go to
 * the earlier candidate: tab, semicolon, comma, blank). A comma is a decimal separator only when it
 * is not the delimiter and cells such as `0,5` occur.
 */
export function sniffDialect(lines: readonly string[]): TextDialect | null {
  let best: TextDialect | null = null;
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    for (const decimalComma of delimiter === ',' ? [false] : [false, true]) {
      let score = 0;
      for (const line of lines) {
        const cells = splitCells(line, delimiter);
        if (cells.length >= 2 && numericCells(cells, decimalComma)) score++;
      }
      if (score > bestScore) {
        bestScore = score;
        best = { delimiter, decimalComma };
      }
    }
  }
  return best;
}

/** True when the line is a row of numbers under the dialect (empty cells allowed between numbers). */
export function isDataLine(text: string, dialect: TextDialect): boolean {
  const cells = splitCells(text, dialect.delimiter);
  if (cells.length === 0) return false;
  let numbers = 0;
  for (const cell of cells) {
    if (cell === '') continue;
    if (cellNumber(cell, dialect.decimalComma) === undefined) return false;
    numbers++;
  }
  return numbers > 0;
}
