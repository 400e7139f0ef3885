import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseNanonisDat } from './nanonisDat.ts';
import { ParseError, type ParsedFile } from './types.ts';

function parseReal(name: string): ParsedFile {
  return parseNanonisDat(new Uint8Array(readFileSync(realFile('nanonis-dat', name))), name);
}

function column(parsed: ParsedFile, name: string): Float64Array {
  const found = parsed.channels.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found.values;
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Per file (read with grep/python from the files themselves): kind, column count, rows, spectra,
 * and [column name, row, value as written in the file] at row 0, row 100 and the last row.
 */
interface Expected {
  file: string;
  kind: ParsedFile['kind'];
  columns: number;
  rows: number;
  values: Array<[string, number, string]>;
  spectra: number;
  /** X (m), Y (m), Z (m) header values as written (first occurrence), null when absent. */
  position: [string | null, string | null, string | null];
  /** `Start time` or `Date` as written. */
  date: string;
}

const EXPECTED = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'nanonis-dat-expected.json'),
    'utf8',
  ),
) as Expected[];

describe('parseNanonisDat on every real file', () => {
  it('covers every file in the real-data folder', () => {
    const names = realFiles('nanonis-dat').map((path) => basename(path));
    expect(EXPECTED.map((e) => e.file).sort()).toEqual(names);
  });

  for (const expected of EXPECTED) {
    it(expected.file, () => {
      const parsed = parseReal(expected.file);
      expect(parsed.format).toBe('nanonis-dat');
      expect(parsed.kind).toBe(expected.kind);
      expect(parsed.channels).toHaveLength(expected.columns);
      for (const channel of parsed.channels) expect(channel.values).toHaveLength(expected.rows);
      for (const [name, row, written] of expected.values) {
        const value = column(parsed, name)[row];
        if (written === 'NaN') expect(value).toBeNaN();
        else expect(value).toBe(Number(written));
      }
      expect(parsed.spectra).toHaveLength(expected.spectra);
      const [x, y, z] = expected.position;
      expect(parsed.position).toEqual(
        x === null || y === null ? null : { x: Number(x), y: Number(y), z: z === null ? null : Number(z) },
      );
      const [day, month, year, time] = expected.date.split(/[. ]/);
      expect(parsed.acquiredAt).toBe(`${year}-${month}-${day}T${time}`);
      if (expected.kind === 'bias-spectroscopy') expect(parsed.notIv).toBeNull();
      else expect(parsed.notIv).toMatch(/not an I–V sweep/);
      for (const spectrum of parsed.spectra) {
        expect(spectrum.bias).toHaveLength(expected.rows);
        expect(spectrum.current).toHaveLength(expected.rows);
        expect(spectrum.position).toEqual(parsed.position);
        expect(spectrum.gridIndex).toBeNull();
      }
    });
  }
});

describe('header', () => {
  it('keeps values as written, N/A included, and the trailing tab removed', () => {
    const parsed = parseReal('Bias-Spectroscopy002.dat');
    expect(parsed.header['Final Z (m)']).toBe('N/A');
    expect(parsed.header['Date']).toBe('04.08.2015 08:49:41');
    expect(parsed.header['User']).toBe('');
    expect(parsed.header['Filter type']).toBe('Gaussian');
    expect(parsed.headerEntries).toHaveLength(14);
    expect(parsed.acquiredAt).toBe('2015-08-04T08:49:41');
    expect(parsed.position).toEqual({ x: -19.4904e-9, y: -73.1801e-9, z: -13.4867e-9 });
    expect(parsed.setpoint).toEqual({ biasV: null, currentA: null });
  });

  it('duplicate Z (m) in df_v.dat: the first (tip position) wins, both are kept in order', () => {
    const parsed = parseReal('df_v.dat');
    expect(parsed.header['Z (m)']).toBe('-65.4894E-9');
    expect(parsed.position?.z).toBe(-65.4894e-9);
    expect(parsed.headerEntries.filter(([key]) => key === 'Z (m)').map(([, v]) => v)).toEqual([
      '-65.4894E-9',
      '-65.4962E-9',
    ]);
    expect(parsed.header['Ext. VI 1>Microscope temperature (K)']).toBe('+04.369');
    expect(parsed.setpoint).toEqual({ biasV: 1.1, currentA: 3.04524e-12 });
  });

  it('duplicate_headers.dat keeps all nine Experiment lines', () => {
    const parsed = parseReal('duplicate_headers.dat');
    expect(parsed.headerEntries.filter(([key]) => key === 'Experiment')).toHaveLength(9);
    expect(parsed.header['Experiment']).toBe('bias spectroscopy');
    expect(parsed.kind).toBe('bias-spectroscopy');
  });

  it('Z-Spectroscopy__012.dat: short header with Z (m) twice, first is the tip position', () => {
    const parsed = parseReal('Z-Spectroscopy__012.dat');
    expect(parsed.headerEntries.filter(([key]) => key === 'Z (m)').map(([, v]) => v)).toEqual([
      '-18.8797E-9',
      '-18.8797E-9',
    ]);
    expect(parsed.position).toEqual({ x: -19.9469e-9, y: -172.054e-9, z: -18.8797e-9 });
  });

  it('CRLF file: values without CR, Start time preferred for acquiredAt', () => {
    const parsed = parseReal('nanonis_sts_15mv.dat');
    expect(parsed.header['Saved Date']).toBe('01.01.2000 00:00:00');
    expect(parsed.header['Cutoff frq']).toBe('');
    expect(parsed.acquiredAt).toBe('2000-01-01T00:00:00');
    expect(parsed.setpoint).toEqual({ biasV: -15e-3, currentA: 500e-12 });
  });

  it('comments from Comment01', () => {
    expect(parseReal('STS003.dat').comment).toBe('gated Graphene, Keithely off');
    expect(parseReal('Follow Me_Bias Spectroscopy054.dat').comment).toBe('Cu(111)');
    expect(parseReal('i_v.dat').comment).toBe('');
  });

  it('a.dat has X and Y but no Z', () => {
    expect(parseReal('a.dat').position).toEqual({ x: 190.669823e-9, y: 49.412705e-9, z: null });
  });

  it('frq-sweep001.dat has no position', () => {
    expect(parseReal('frq-sweep001.dat').position).toBeNull();
  });
});

describe('channels', () => {
  it('Bias-Spectroscopy002.dat: Input 3 in four variants', () => {
    const parsed = parseReal('Bias-Spectroscopy002.dat');
    expect(
      parsed.channels.map((c) => [c.name, c.quantity, c.unit, c.sweep, c.direction, c.filtered]),
    ).toEqual([
      ['Bias calc (V)', 'Bias calc', 'V', null, 'forward', false],
      ['Input 3 (A)', 'Input 3', 'A', null, 'forward', false],
      ['Input 3 [bwd] (A)', 'Input 3', 'A', null, 'backward', false],
      ['Input 3 (A) [filt]', 'Input 3', 'A', null, 'forward', true],
      ['Input 3 (A) [bwd] [filt]', 'Input 3', 'A', null, 'backward', true],
    ]);
    // The first row of the filtered columns is NaN in the file.
    expect(column(parsed, 'Input 3 (A) [filt]')[0]).toBeNaN();
    expect(column(parsed, 'Input 3 (A) [bwd] [filt]')[0]).toBeNaN();
  });

  // SOURCES.md says 10 sweeps; the columns (and `Z Spectroscopy>Number of sweeps`) say 3: 1 + 4 x 9 x 2 = 73.
  it('z.dat: AVG plus three sweeps, forward and backward', () => {
    const parsed = parseReal('z.dat');
    const sweeps = [...new Set(parsed.channels.map((c) => c.sweep))];
    expect(sweeps).toEqual([null, 'avg', 1, 2, 3]);
    expect(parsed.channels.filter((c) => c.direction === 'backward')).toHaveLength(36);
  });
});

describe('spectra', () => {
  it('nanonis_sts_15mv.dat: 2 sweeps and the average, each forward and backward', () => {
    const parsed = parseReal('nanonis_sts_15mv.dat');
    expect(parsed.spectra.map((s) => [s.sweep, s.isAverage, s.direction])).toEqual([
      [1, false, 'forward'],
      [1, false, 'backward'],
      [2, false, 'forward'],
      [2, false, 'backward'],
      [0, true, 'forward'],
      [0, true, 'backward'],
    ]);
    const [sweep1] = parsed.spectra;
    expect(sweep1?.bias[0]).toBe(-15e-3);
    expect(sweep1?.current[100]).toBe(-249.67e-12);
    expect(sweep1?.extra.map((e) => [e.name, e.unit])).toEqual([['LockIn [00001] (V)', 'V']]);
    expect(sweep1?.extra[0]?.values[0]).toBe(3.94842);
  });

  it('backward sweeps come in acquisition order (the file stores them against the forward bias)', () => {
    const parsed = parseReal('nanonis_sts_15mv.dat');
    const backward = parsed.spectra.find((s) => s.sweep === 1 && s.direction === 'backward');
    const written = column(parsed, 'Current [00001] [bwd] (A)');
    expect(backward?.bias[0]).toBe(15e-3);
    expect(backward?.bias[400]).toBe(-15e-3);
    expect(backward?.current[0]).toBe(written[400]);
    expect(backward?.current[400]).toBe(-520.526e-12);
    expect(backward?.extra[0]?.name).toBe('LockIn [00001] [bwd] (V)');
    expect(backward?.extra[0]?.values[400]).toBe(4.34214);
  });

  it('Input 3 is the current when there is no Current column; filtered copies go to extra', () => {
    const parsed = parseReal('Bias-Spectroscopy002.dat');
    const [forward] = parsed.spectra;
    expect(forward?.current[0]).toBe(-132.523e-12);
    expect(forward?.extra.map((e) => e.name)).toEqual(['Input 3 (A) [filt]']);
  });

  it('lock-in columns in A are never the current (i_v.dat)', () => {
    const parsed = parseReal('i_v.dat');
    const [forward] = parsed.spectra;
    expect(forward?.current[0]).toBe(-100.161e-12);
    expect(forward?.extra.map((e) => e.name)).toEqual([
      'Phase (deg)',
      'Amplitude (m)',
      'Frequency Shift (Hz)',
      'Excitation (V)',
      'LIX 1 omega (A)',
      'LIY 1 omega (A)',
    ]);
  });

  it('filtered.dat: ZI lock-ins and filtered copies become extras', () => {
    const parsed = parseReal('filtered.dat');
    const [forward] = parsed.spectra;
    expect(forward?.extra).toHaveLength(25);
    expect(forward?.extra.map((e) => e.name)).toContain('Current (A) [filt]');
    expect(forward?.extra.find((e) => e.name === 'ZI R1 (Vrms)')?.unit).toBe('Vrms');
  });

  it('spectra own their arrays (each can be transferred on its own)', () => {
    const parsed = parseReal('i_v.dat');
    const buffers = new Set<ArrayBufferLike>();
    for (const s of parsed.spectra)
      for (const a of [s.bias, s.current, ...s.extra.map((e) => e.values)]) buffers.add(a.buffer);
    for (const c of parsed.channels) buffers.add(c.values.buffer);
    expect(buffers.size).toBe(2 * 8 + parsed.channels.length);
  });
});

describe('synthetic files', () => {
  const head = 'Experiment\tbias spectroscopy\t\nDate\t01.02.2021 03:04:05\t\n\n[DATA]\n';

  it('empty cells and short rows become NaN', () => {
    const parsed = parseNanonisDat(
      bytesOf(`${head}Bias calc (V)\tCurrent (A)\tLIX (A)\n1\t\t3\n2\t5\n`),
      'x.dat',
    );
    expect(Array.from(column(parsed, 'Current (A)'))).toEqual([NaN, 5]);
    expect(Array.from(column(parsed, 'LIX (A)'))).toEqual([3, NaN]);
  });

  it('bias spectroscopy without a current column is notIv with a reason', () => {
    const parsed = parseNanonisDat(bytesOf(`${head}Bias calc (V)\tLI X (V)\n1\t2\n`), 'x.dat');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.spectra).toHaveLength(0);
    expect(parsed.notIv).toMatch(/without a current column/);
  });

  it('falls back to a column in V named like Bias', () => {
    const parsed = parseNanonisDat(bytesOf(`${head}Sample Bias (V)\tInput 2 (A)\n1\t2\n`), 'x.dat');
    expect(parsed.spectra[0]?.bias[0]).toBe(1);
    expect(parsed.spectra[0]?.current[0]).toBe(2);
  });

  it('[DATA] inside a header value is not the marker', () => {
    const parsed = parseNanonisDat(
      bytesOf(
        'Experiment\tbias spectroscopy\t\nComment01\tsee [DATA] below\t\n[DATA]\nBias calc (V)\tCurrent (A)\n1\t2\n',
      ),
      'x.dat',
    );
    expect(parsed.comment).toBe('see [DATA] below');
    expect(parsed.spectra[0]?.current[0]).toBe(2);
  });

  it('blank lines inside the data are skipped', () => {
    const parsed = parseNanonisDat(bytesOf(`${head}Bias calc (V)\tCurrent (A)\n1\t2\n\r\n3\t4\n\n`), 'x.dat');
    expect(Array.from(column(parsed, 'Current (A)'))).toEqual([2, 4]);
    expect(column(parsed, 'Current (A)').buffer.byteLength).toBe(16);
  });

  it('unknown experiments are kind other', () => {
    const parsed = parseNanonisDat(bytesOf('Experiment\tHistory Data\t\n[DATA]\nTime (s)\n1\n'), 'h.dat');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe('experiment "History Data" is not bias spectroscopy');
  });
});

describe('bad input', () => {
  function failure(text: string | Uint8Array): ParseError {
    try {
      parseNanonisDat(typeof text === 'string' ? bytesOf(text) : text, 'bad.dat');
    } catch (error) {
      if (error instanceof ParseError) return error;
      throw error;
    }
    throw new Error('expected a ParseError');
  }

  it('empty file', () => {
    expect(failure(new Uint8Array(0))).toMatchObject({ code: 'empty', message: 'file is empty' });
  });

  it('header without [DATA]', () => {
    expect(failure('Experiment\tbias spectroscopy\t\nDate\tx\t\n')).toMatchObject({
      code: 'missing-data',
      message: 'no [DATA] line after 2 header lines',
    });
  });

  it('no column names after [DATA]', () => {
    expect(failure('Experiment\tbias spectroscopy\t\n[DATA]\n')).toMatchObject({ code: 'missing-columns' });
  });

  it('a non-numeric data row names the row and column', () => {
    const error = failure(
      'Experiment\tbias spectroscopy\t\n[DATA]\nBias calc (V)\tCurrent (A)\n1\t2\n3\tabc\n',
    );
    expect(error.code).toBe('bad-number');
    expect(error.message).toBe('data row 2, column "Current (A)": "abc" is not a number');
  });

  it('a row with extra values', () => {
    const error = failure('Experiment\tbias spectroscopy\t\n[DATA]\nBias calc (V)\tCurrent (A)\n1\t2\t3\n');
    expect(error).toMatchObject({ code: 'bad-row', message: 'data row 1 has more than 2 cells' });
  });

  it('random bytes', () => {
    let seed = 7;
    const bytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) & 0xff);
    expect(failure(bytes)).toBeInstanceOf(ParseError);
  });
});
