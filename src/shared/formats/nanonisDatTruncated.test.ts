// A Nanonis .dat cut short (issue #7): the rows read are kept, a last row the cut went through is
// left out, and the file says so: "truncated: <kept> of <announced> points". Real files, cut at
// chosen bytes; the values kept are compared with the uncut file's.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseNanonisDat } from './nanonisDat.ts';
import type { ParsedFile } from './types.ts';

const bytesOf = (folder: string, name: string): Uint8Array =>
  new Uint8Array(readFileSync(realFile(folder, name)));

/** Byte offset where data row `row` (1 = first) starts. */
function rowStart(bytes: Uint8Array, row: number): number {
  let at = Buffer.from(bytes).indexOf('[DATA]');
  at = bytes.indexOf(10, at) + 1; // column names
  for (let r = 0; r < row; r++) at = bytes.indexOf(10, at) + 1;
  return at;
}

function columnsOf(parsed: ParsedFile): Array<[string, number[]]> {
  return parsed.channels.map((c) => [c.name, Array.from(c.values)]);
}

function expectPrefixOf(cut: ParsedFile, whole: ParsedFile, rows: number): void {
  const wholeColumns = columnsOf(whole);
  expect(columnsOf(cut)).toEqual(wholeColumns.map(([name, values]) => [name, values.slice(0, rows)]));
  expect(cut.spectra.map((s) => s.bias.length)).toEqual(whole.spectra.map(() => rows));
}

describe('truncated Nanonis .dat', () => {
  // i_v.dat announces `Bias Spectroscopy>Num Pixel 201` and holds 201 rows.
  const whole = bytesOf('nanonis-dat', 'i_v.dat');
  const wholeParsed = parseNanonisDat(whole, 'i_v.dat');

  it('reads the uncut file without a warning', () => {
    expect(wholeParsed.warnings).toEqual([]);
    expect(wholeParsed.channels[0]?.values.length).toBe(201);
  });

  it('cut inside a number of row 45: keeps 44 rows, leaves the cut row out and says so', () => {
    const rowEnd = rowStart(whole, 46) - 1; // row 45's line feed
    const cut = whole.subarray(0, rowEnd - 4); // the last cell of row 45 loses its last characters
    const parsed = parseNanonisDat(cut, 'i_v.dat');
    expect(parsed.warnings).toEqual([
      'truncated: 44 of 201 points (the file ends inside row 45, which is left out)',
    ]);
    expectPrefixOf(parsed, wholeParsed, 44);
  });

  it('cut inside the first cell of row 45 (cells missing): the same', () => {
    const parsed = parseNanonisDat(whole.subarray(0, rowStart(whole, 45) + 3), 'i_v.dat');
    expect(parsed.warnings).toEqual([
      'truncated: 44 of 201 points (the file ends inside row 45, which is left out)',
    ]);
    expectPrefixOf(parsed, wholeParsed, 44);
  });

  it('cut at the end of a line: every row read is whole and kept', () => {
    const parsed = parseNanonisDat(whole.subarray(0, rowStart(whole, 45)), 'i_v.dat');
    expect(parsed.warnings).toEqual(['truncated: 44 of 201 points']);
    expectPrefixOf(parsed, wholeParsed, 44);
  });

  it('without an announced count, a last row with cells missing is cut', () => {
    // Bias-Spectroscopy002.dat (1,024 rows) has no Num Pixel line.
    const noCount = bytesOf('nanonis-dat', 'Bias-Spectroscopy002.dat');
    const full = parseNanonisDat(noCount, 'b.dat');
    expect(full.warnings).toEqual([]);
    const parsed = parseNanonisDat(noCount.subarray(0, rowStart(noCount, 44) + 5), 'b.dat');
    expect(parsed.warnings).toEqual([
      'truncated: 43 points read, the header announces no count (the file ends inside row 44, which is left out)',
    ]);
    expectPrefixOf(parsed, full, 43);
  });

  it('formats thousands: 1,000 of 1,024', () => {
    const noCount = bytesOf('nanonis-dat', 'Bias-Spectroscopy002.dat');
    const text = Buffer.from(noCount)
      .toString('latin1')
      .replace('[DATA]', 'Bias Spectroscopy>Num Pixel\t1024\t\r\n\r\n[DATA]');
    const announced = new Uint8Array(Buffer.from(text, 'latin1'));
    const parsed = parseNanonisDat(announced.subarray(0, rowStart(announced, 1001)), 'b.dat');
    expect(parsed.warnings).toEqual(['truncated: 1,000 of 1,024 points']);
  });

  it('no real .dat file is called truncated', () => {
    for (const path of realFiles('nanonis-dat')) {
      const parsed = parseNanonisDat(new Uint8Array(readFileSync(path)), basename(path));
      expect([basename(path), parsed.warnings]).toEqual([basename(path), []]);
    }
  });
});
