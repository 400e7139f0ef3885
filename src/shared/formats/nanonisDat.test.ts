import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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

/** Per file: kind, column count, rows, and values as written at row 0, row 100 and the last row. */
const EXPECTED: Array<{
  file: string;
  kind: ParsedFile['kind'];
  columns: number;
  rows: number;
  /** [column name, row, value as written in the file] */
  values: Array<[string, number, string]>;
  spectra: number;
}> = [
  {
    file: 'Bias-Spectroscopy002.dat',
    kind: 'bias-spectroscopy',
    columns: 5,
    rows: 1024,
    values: [
      ['Bias calc (V)', 0, '-200.000E-3'],
      ['Input 3 (A)', 0, '-132.523E-12'],
      ['Input 3 [bwd] (A)', 100, '-93.0548E-12'],
      ['Input 3 (A) [filt]', 100, '987.297E-12'],
      ['Input 3 (A) [bwd] [filt]', 1023, '-111.968E-12'],
    ],
    spectra: 2,
  },
  {
    file: 'Bias-Spectroscopy003.dat',
    kind: 'bias-spectroscopy',
    columns: 7,
    rows: 128,
    values: [
      ['Current (A)', 0, '80.3236E-15'],
      ['Bias (V)', 100, '-4.78740E-3'],
      ['Excitation (V)', 127, '16.7740E-3'],
    ],
    spectra: 1,
  },
  {
    file: 'Follow Me_Bias Spectroscopy054.dat',
    kind: 'bias-spectroscopy',
    columns: 5,
    rows: 256,
    values: [
      ['Bias calc (V)', 0, '1.00000E+0'],
      ['LI X (V)', 100, '1.91419E+0'],
      ['Bias (V)', 255, '-1.00000E+0'],
    ],
    spectra: 1,
  },
  {
    file: 'NanonisReader_BiasSpectroscopy.dat',
    kind: 'bias-spectroscopy',
    columns: 25,
    rows: 256,
    values: [
      ['Current (A)', 0, '-10.0007E-9'],
      ['Current (A)', 255, '9.99965E-9'],
      ['Vert. Deflection (V)', 100, '2.00016E+0'],
    ],
    spectra: 2,
  },
  {
    file: 'STS003.dat',
    kind: 'bias-spectroscopy',
    columns: 6,
    rows: 256,
    values: [
      ['Current (A)', 100, '378.016E-15'],
      ['Amplitude (m)', 255, '13.7775E-12'],
    ],
    spectra: 1,
  },
  {
    file: 'Z-Spectroscopy002.dat',
    kind: 'z-spectroscopy',
    columns: 17,
    rows: 256,
    values: [
      ['Z rel (m)', 0, '200.000E-12'],
      ['Current (A)', 0, '-21.1191E-15'],
      ['Current (A)', 100, 'NaN'],
      ['Z rel (m)', 255, '-1.30000E-9'],
    ],
    spectra: 0,
  },
  {
    file: 'Z-Spectroscopy420.dat',
    kind: 'z-spectroscopy',
    columns: 17,
    rows: 256,
    values: [
      ['Current (A)', 0, '47.6737E-15'],
      ['Z rel (m)', 100, '235.294E-12'],
      ['Current [bwd] (A)', 0, 'NaN'],
    ],
    spectra: 0,
  },
  {
    file: 'Z-Spectroscopy507.dat',
    kind: 'z-spectroscopy',
    columns: 25,
    rows: 200,
    values: [
      ['Current (A)', 0, '-1.41940E-12'],
      ['Current (A)', 100, '31.4410E-15'],
    ],
    spectra: 0,
  },
  {
    file: 'Z-Spectroscopy__012.dat',
    kind: 'z-spectroscopy',
    columns: 21,
    rows: 128,
    values: [
      ['Current (A)', 0, '-642.597E-15'],
      ['Excitation [bwd] (V)', 127, '12.2546E-3'],
    ],
    spectra: 0,
  },
  {
    file: 'a.dat',
    kind: 'sweep',
    columns: 9,
    rows: 201,
    values: [
      ['Amplitude Setpoint (m)', 0, '10.0000E-12'],
      ['Timestamp (ms)', 100, '45.9204E+6'],
      ['Amplitude Setpoint (m)', 200, '999.99997E-12'],
    ],
    spectra: 0,
  },
  {
    file: 'df_v.dat',
    kind: 'bias-spectroscopy',
    columns: 11,
    rows: 201,
    values: [
      ['Bias calc (V)', 100, '2.10000E+0'],
      ['Current (A)', 100, '14.1151E-15'],
      ['Excitation [bwd] (V)', 200, '2.96095E-3'],
    ],
    spectra: 2,
  },
  {
    file: 'duplicate_headers.dat',
    kind: 'bias-spectroscopy',
    columns: 5,
    rows: 1024,
    values: [['Input 3 [bwd] (A)', 0, '-150.893E-12']],
    spectra: 2,
  },
  {
    file: 'filtered.dat',
    kind: 'bias-spectroscopy',
    columns: 27,
    rows: 200,
    values: [
      ['Current (A)', 0, '1.02819E-9'],
      ['ZI R1 (Vrms)', 100, '-40.5981E-6'],
      ['LIY n omega (A) [filt]', 199, '2.52586E-12'],
    ],
    spectra: 1,
  },
  {
    file: 'frq-sweep001.dat',
    kind: 'frequency-sweep',
    columns: 4,
    rows: 256,
    values: [
      ['Frequency Shift (Hz)', 0, '-19.1000E+0'],
      ['Phase (deg)', 255, '-74.1315E+0'],
    ],
    spectra: 0,
  },
  {
    file: 'i_v.dat',
    kind: 'bias-spectroscopy',
    columns: 15,
    rows: 201,
    values: [
      ['Current (A)', 0, '-100.161E-12'],
      ['Current (A)', 100, '-258.656E-15'],
      ['LIY 1 omega [bwd] (A)', 200, '-9.97417E-15'],
    ],
    spectra: 2,
  },
  {
    file: 'nanonis_kelvin_parabola_500mv.dat',
    kind: 'bias-spectroscopy',
    columns: 9,
    rows: 1540,
    values: [
      ['Current (A)', 0, '4.54135E-11'],
      ['Input 6 (V)', 100, '3.58345E-2'],
      ['Bias calc (V)', 1539, '-5.00350E-1'],
      ['OC M1 Freq. Shift [bwd] (Hz)', 1539, '-2.34867E+1'],
    ],
    spectra: 2,
  },
  {
    file: 'nanonis_sts_15mv.dat',
    kind: 'bias-spectroscopy',
    columns: 13,
    rows: 401,
    values: [
      ['Current [AVG] (A)', 0, '-500.983E-12'],
      ['Current [00001] (A)', 100, '-249.670E-12'],
      ['LockIn [00002] [bwd] (V)', 400, '4.47864E+0'],
    ],
    spectra: 6,
  },
  {
    file: 'z.dat',
    kind: 'z-spectroscopy',
    columns: 73,
    rows: 200,
    values: [
      ['Current [AVG] (A)', 0, '-747.623E-12'],
      ['Z [AVG] (m)', 100, '-75.8606E-9'],
    ],
    spectra: 0,
  },
];

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

  it('a 512-point 3-column file parses in well under a millisecond', () => {
    let body = `${head}Bias calc (V)\tCurrent (A)\tLIX 1 omega (A)\n`;
    for (let i = 0; i < 512; i++)
      body += `${(-1 + i / 256).toExponential(5)}\t${(i * 1.234e-12).toExponential(5)}\t-8.73963E-15\n`;
    const bytes = bytesOf(body);
    for (let i = 0; i < 50; i++) parseNanonisDat(bytes, 'warm.dat');
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      parseNanonisDat(bytes, 'timed.dat');
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`512x3 .dat parse, median ${(times[25] ?? 0).toFixed(3)} ms`);
    expect(times[25]).toBeLessThan(1);
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
