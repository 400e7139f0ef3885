// The single-pass table parser against a straightforward reference (split lines, split cells,
// Number() on each cell: V8's correctly rounded decimal conversion is the truth) on every real
// Nanonis .dat, on edge cases, and on seeded random tables written in many number shapes. Values
// must be the same doubles (Object.is: -0 and NaN included), errors the same code and row.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFiles } from '../../testing/realData.ts';
import { parseTabTable } from './tabTable.ts';
import { ParseError } from './types.ts';

type TableResult = { names: string[]; columns: number[][] } | { error: string };

const SPECIAL: Record<string, number> = {
  nan: NaN,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};

function referenceNumber(cell: string): number | undefined {
  if (cell === '') return NaN;
  const special = SPECIAL[cell.toLowerCase()];
  if (special !== undefined && Object.hasOwn(SPECIAL, cell.toLowerCase())) return special;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : undefined;
}

const trimBlanks = (text: string): string => text.replace(/^[ \t\r]+|[ \t\r]+$/g, '');

/** The table the way one would write it first: lines, tabs, Number(). */
function referenceTable(text: string): TableResult {
  const lines = text.split('\n');
  const names = (lines[0] ?? '')
    .replace(/\r$/, '')
    .split('\t')
    .map((name) => name.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) return { error: 'missing-columns' };
  const columns: number[][] = names.map(() => []);
  let row = 0;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\r$/, '');
    if (/^[\t \r]*$/.test(line)) continue;
    row++;
    const cells = line.split('\t').map(trimBlanks);
    for (let c = 0; c < Math.max(cells.length, names.length); c++) {
      const cell = cells[c] ?? '';
      if (c >= names.length) {
        if (cell !== '') return { error: `bad-row@${row}` };
        continue;
      }
      const value = referenceNumber(cell);
      if (value === undefined) return { error: `bad-number@${row}` };
      columns[c]!.push(value);
    }
  }
  return { names, columns };
}

function parsed(text: string, announcedRows: number | null = null): TableResult {
  try {
    const table = parseTabTable(new Uint8Array(Buffer.from(text, 'latin1')), 0, undefined, announcedRows);
    return { names: table.names, columns: table.columns.map((column) => Array.from(column)) };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const row = /data row (\d+)/.exec(error.message)?.[1];
    return { error: row ? `${error.code}@${row}` : error.code };
  }
}

/** Same doubles, bit for bit (-0 is not 0; NaN equals NaN). */
function expectSame(actual: TableResult, expected: TableResult, what: string): void {
  if ('error' in expected || 'error' in actual) {
    expect([what, actual]).toEqual([what, expected]);
    return;
  }
  expect([what, actual.names]).toEqual([what, expected.names]);
  expected.columns.forEach((column, c) => {
    const got = actual.columns[c] ?? [];
    expect([what, c, got.length]).toEqual([what, c, column.length]);
    column.forEach((value, r) => {
      if (!Object.is(got[r], value))
        expect([what, `column ${c} row ${r}`, got[r]]).toEqual([what, `column ${c} row ${r}`, value]);
    });
  });
}

describe('parseTabTable', () => {
  it('reads every real Nanonis .dat table as the reference does', () => {
    const files = realFiles('nanonis-dat');
    expect(files.length).toBeGreaterThan(10);
    for (const path of files) {
      const text = readFileSync(path).toString('latin1');
      const at = text.indexOf('[DATA]');
      const body = text.slice(text.indexOf('\n', at) + 1);
      const reference = referenceTable(body);
      expect('error' in reference ? reference.error : 'ok').toBe('ok');
      expectSame(parsed(body), reference, basename(path));
    }
  });

  const EDGE_CASES: Array<[string, string]> = [
    ['CRLF', 'A (V)\tB (A)\r\n1\t2\r\n3\t4\r\n'],
    ['CR CR LF and lone CR at cell edges', 'A\tB\r\r\n1\r\t2\r\r\n\r3\t4'],
    ['no final newline', 'A\tB\n1\t2\n3\t4'],
    ['blank lines and blank-only lines', 'A\tB\n\n1\t2\n \t \r\n\n3\t4\n\n'],
    ['NaN, Inf words in any case', 'A\tB\tC\nNaN\tinf\t-Infinity\nnan\t+INF\tinfinity\n'],
    ['exponents', 'A\tB\tC\tD\n1E-9\t-2.5e+3\t7e0\t1.0E-300\n6.02214076E23\t1e-22\t1e22\t1e23\n'],
    ['huge and tiny exponents', 'A\tB\n1e308\t1e309\n1e-320\t-1e-400\n'],
    [
      'long mantissas',
      'A\tB\n0.1000000000000000055511151231257827\t123456789012345678901234567890\n9007199254740993\t-0.30000000000000004\n',
    ],
    ['signs, leading dot, trailing dot, zeros', 'A\tB\tC\tD\n+1\t-0\t.5\t5.\n-0.0\t000123\t-.25e2\t0e0\n'],
    ['trailing tabs', 'A\tB\t\n1\t2\t\n3\t4\t\t\t\n'],
    ['missing cells', 'A\tB\tC\n1\n2\t\t3\n\t\t\n4\t5\n'],
    ['spaces around cells', 'A\tB\n  1 \t 2  \n3   \t   4\n'],
    ['empty cells', 'A\tB\n\t2\n1\t\n'],
    ['decimal comma (locale junk)', 'A\tB\n1,5\t2\n'],
    ['thousands separator', 'A\tB\n1 000\t2\n'],
    ['unit suffix', 'A\tB\n1.5V\t2\n'],
    ['hex and underscores', 'A\tB\n0x1F\t1_000\n'],
    ['lone sign, lone dot, lone e', 'A\tB\n-\t2\n'],
    ['bare exponent', 'A\tB\n1e\t2\n'],
    ['exponent sign only', 'A\tB\n1e+\t2\n'],
    ['two dots', 'A\tB\n1.2.3\t2\n'],
    ['extra number beyond the columns', 'A\tB\n1\t2\t3\n'],
    ['extra NaN beyond the columns', 'A\tB\n1\t2\tNaN\n'],
    ['extra blank cells beyond the columns', 'A\tB\n1\t2\t \t\r\n'],
    ['NUL and latin-1 bytes', 'A\tB\n1\u0000\t2\n'],
    ['µ in a cell', 'A\tB\n1µ\t2\n'],
    ['constructor is not a number', 'A\tB\nconstructor\t2\n'],
    ['only names', 'A\tB\n'],
    ['only names, no newline', 'A\tB'],
    ['many digits in the exponent', 'A\tB\n1e0000000000000000000000005\t2\n'],
  ];
  for (const [name, text] of EDGE_CASES) {
    it(`edge case: ${name}`, () => expectSame(parsed(text), referenceTable(text), name));
  }

  it('reads seeded random tables in many number shapes as the reference does', () => {
    for (const seed of [1, 7, 42, 1234, 99991]) {
      let state = seed;
      const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const shapes: Array<(v: number) => string> = [
        (v) => v.toExponential(6).toUpperCase(),
        (v) => v.toExponential(Math.floor(random() * 17)),
        (v) => v.toPrecision(1 + Math.floor(random() * 21)),
        (v) => v.toFixed(Math.floor(random() * 12)),
        (v) => String(v),
        (v) => v.toExponential(3).replace(/e([+-])(\d)$/, 'E$10$2'), // 1.234E+05
        () => (random() < 0.5 ? 'NaN' : ''),
        (v) => ` ${v.toExponential(4)} `,
      ];
      const width = 1 + Math.floor(random() * 6);
      const lines = [Array.from({ length: width }, (_, c) => `Column ${c} (A)`).join('\t')];
      for (let r = 0; r < 300; r++) {
        const cells = Array.from({ length: width }, () => {
          const magnitude = 10 ** (Math.floor(random() * 60) - 30);
          const value = (random() - 0.5) * magnitude;
          return shapes[Math.floor(random() * shapes.length)]!(value);
        });
        if (random() < 0.05) cells.pop();
        lines.push(cells.join('\t') + (random() < 0.1 ? '\t' : ''));
      }
      const ending = random() < 0.5 ? '\r\n' : '\n';
      const text = lines.join(ending) + (random() < 0.5 ? ending : '');
      const reference = referenceTable(text);
      expect('error' in reference ? reference.error : 'ok').toBe('ok');
      expectSame(parsed(text), reference, `seed ${seed}`);
    }
  });

  it('reads the same table whatever row count the header announces (it only sizes the columns)', () => {
    for (const path of realFiles('nanonis-dat')) {
      const text = readFileSync(path).toString('latin1');
      const at = text.indexOf('[DATA]');
      const body = text.slice(text.indexOf('\n', at) + 1);
      const reference = referenceTable(body);
      if ('error' in reference) throw new Error(`${path}: ${reference.error}`);
      const rows = reference.columns[0]?.length ?? 0;
      // Exact, too few, too many, absurd (never allocated: the bytes cannot hold it), none.
      for (const announced of [rows, Math.max(1, rows >> 1), rows + 1, 2 * rows + 3, 1e9, 0, null]) {
        const table = parseTabTable(new Uint8Array(Buffer.from(body, 'latin1')), 0, undefined, announced);
        for (const column of table.columns) expect(column.buffer.byteLength).toBeLessThan(8 * (rows + 1e4));
        expectSame(parsed(body, announced), reference, `${basename(path)}, ${announced} announced`);
      }
    }
  });
});
