import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseTextIv } from './textIv.ts';
import { ParseError, type ParsedFile } from './types.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function parseReal(name: string): ParsedFile {
  return parseTextIv(new Uint8Array(readFileSync(realFile('text', name))), name);
}

function parseFixture(name: string): ParsedFile {
  return parseTextIv(new Uint8Array(readFileSync(join(fixtures, name))), name);
}

function parseText(text: string, name = 'x.txt'): ParsedFile {
  return parseTextIv(new TextEncoder().encode(text), name);
}

function failure(text: string | Uint8Array): ParseError {
  try {
    parseTextIv(typeof text === 'string' ? new TextEncoder().encode(text) : text, 'bad.txt');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

const SPECBUN = '20130605-1030-11_01_td-mol.iv.specbun.asc';
const MIV = '20130605-1030-11_01_td-mol.miv.spec.asc';
const AUX2 =
  'Aux2(V) (STS_LOCATION-176,270;8.66667e-009,4e-008) Forward Fri Jun 21 14.13.28 2013 [51-1]  STM_AtomManipulation STM.asc';

describe('real text exports', () => {
  it('covers every file in the real-data folder', () => {
    expect([SPECBUN, MIV, AUX2].sort()).toEqual(realFiles('text').map((path) => basename(path)));
  });

  it('SPIP X/Y pairs (CR CR LF): nine curves of 1200 points in V and nA', () => {
    const parsed = parseReal(SPECBUN);
    expect(parsed.format).toBe('text-iv');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.notIv).toBeNull();
    expect(parsed.channels).toHaveLength(18);
    expect(parsed.channels.slice(0, 2).map((c) => [c.name, c.unit, c.sweep])).toEqual([
      ['X', 'V', 1],
      ['Y', 'A', 1],
    ]);
    expect(parsed.spectra.map((s) => s.sweep)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [first] = parsed.spectra;
    expect(first?.bias).toHaveLength(1200);
    expect(first?.bias[0]).toBe(-1);
    expect(first?.current[0]).toBe(-0.9756118e-9);
    expect(parsed.spectra[1]?.current[0]).toBe(-1.068559e-9);
    const last = parsed.spectra[8];
    expect(last?.bias[600]).toBe(0.0008337918);
    expect(last?.current[600]).toBe(-1.018992e-9);
    expect(last?.current[1199]).toBe(2.062742e-9);
    expect(parsed.header['Date, Time']).toBe('2013-06-18, 11:48:24');
    expect(parsed.acquiredAt).toBeNull();
  });

  it('pyMTRX average: X Y Y_error with + signs, Y_error is an extra channel', () => {
    const parsed = parseReal(MIV);
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.channels.map((c) => [c.name, c.unit, c.sweep])).toEqual([
      ['X', 'V', null],
      ['Y', 'A', null],
      ['Y_error', 'A', null],
    ]);
    expect(parsed.spectra).toHaveLength(1);
    const [spectrum] = parsed.spectra;
    expect(spectrum?.bias).toHaveLength(600);
    expect(spectrum?.bias[299]).toBe(-1.6697e-3);
    expect(spectrum?.current[299]).toBe(-2.4805e-12);
    expect(spectrum?.current[599]).toBe(2.36111e-9);
    expect(spectrum?.extra.map((e) => [e.name, e.unit, e.values[599]])).toEqual([
      ['Y_error', 'A', 0.231911e-9],
    ]);
    expect(parsed.headerEntries[0]).toEqual(['specerror', '']);
    expect(parsed.header['Created']).toBe('06/30/2013 18:47:45');
  });

  it('Aux2(V) lock-in curve: channels in V, not an I–V curve', () => {
    const parsed = parseReal(AUX2);
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe('column "y-val1" is in nV, not a current, so this is not an I–V curve');
    expect(parsed.spectra).toHaveLength(0);
    expect(parsed.channels.map((c) => [c.name, c.unit])).toEqual([
      ['x-phys', 'V'],
      ['y-val1', 'V'],
      ['y-val2', 'V'],
    ]);
    const [x, y1, y2] = parsed.channels;
    expect(x?.values).toHaveLength(300);
    // Written in nV with three-digit exponents: 1e+009 nV = 1 V.
    expect(x?.values[0]).toBe(1);
    expect(x?.values[150]).toBe(3.50836);
    expect(y1?.values[150]).toBe(-0.92712);
    expect(y2?.values[299]).toBe(-0.904152);
    expect(parsed.header['points']).toBe('300');
    expect(parsed.header['AtMaControl>Gap_Voltage']).toBe('0.02 Volt');
  });
});

describe('synthetic fixtures', () => {
  it('semicolons with decimal commas, mV and nA', () => {
    const parsed = parseFixture('semicolon_decimal_comma.csv');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.channels.map((c) => [c.name, c.quantity, c.unit])).toEqual([
      ['Bias (mV)', 'Bias', 'V'],
      ['Current (nA)', 'Current', 'A'],
    ]);
    expect(Array.from(parsed.spectra[0]?.bias ?? [])).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
    expect(Array.from(parsed.spectra[0]?.current ?? [])).toEqual([-1.25e-9, -0.5e-9, 0, 0.52e-9, 1.3e-9]);
    expect(parsed.header['Setpoint']).toBe('100 pA');
    expect(parsed.header['Comment']).toBe('Au(111), 4.5 K');
  });

  it('commas with V [mV], I [pA] and an extra dI/dV column in nS, CRLF, + signs, empty cell', () => {
    const parsed = parseFixture('comma_mv_pa.csv');
    const [spectrum] = parsed.spectra;
    expect(Array.from(spectrum?.bias ?? [])).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
    expect(spectrum?.current[0]).toBe(-52.5e-12);
    expect(spectrum?.current[4]).toBe(55.75e-12);
    expect(spectrum?.extra[0]?.name).toBe('dI/dV [nS]');
    expect(spectrum?.extra[0]?.unit).toBe('S');
    expect(spectrum?.extra[0]?.values[0]).toBe(0.31e-9);
    expect(spectrum?.extra[0]?.values[3]).toBeNaN();
  });

  it('blank-separated decimal commas without a header are V and A', () => {
    const parsed = parseFixture('whitespace_decimal_comma.txt');
    expect(parsed.channels.map((c) => c.name)).toEqual(['Column 1', 'Column 2']);
    expect(Array.from(parsed.spectra[0]?.bias ?? [])).toEqual([0.5, 0.75, 1]);
    expect(Array.from(parsed.spectra[0]?.current ?? [])).toEqual([1.2e-9, 2.5e-9, 4e-9]);
  });

  it('tabs, CR CR LF, I(nA), e+000 exponents and + signs', () => {
    const parsed = parseFixture('tab_units_crcrlf.txt');
    expect(parsed.channels.map((c) => [c.name, c.unit])).toEqual([
      ['Sample bias', ''],
      ['I(nA)', 'A'],
      ['LockIn (mV)', 'V'],
    ]);
    expect(Array.from(parsed.spectra[0]?.current ?? [])).toEqual([-2.5e-9, 0, 2.5e-9]);
    expect(Array.from(parsed.spectra[0]?.extra[0]?.values ?? [])).toEqual([0.015, 0.02, 0.015]);
  });

  it('a current against time is not I–V', () => {
    const parsed = parseFixture('current_trace.csv');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe('column "t (s)" is in s, not a bias voltage, so this is not an I–V curve');
    expect(parsed.channels).toHaveLength(2);
  });

  it('pairs recognised from a units line alone; a shorter curve loses its empty tail', () => {
    const parsed = parseFixture('pairs_units_only.txt');
    expect(parsed.spectra.map((s) => [s.sweep, s.bias.length])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(Array.from(parsed.spectra[1]?.current ?? [])).toEqual([-12e-12, 1e-12]);
  });

  it('a file name saying Backward gives backward spectra', () => {
    const parsed = parseText('1\t2\n3\t4\n', 'I(V) Backward.txt');
    expect(parsed.spectra[0]?.direction).toBe('backward');
  });
});

describe('bad input', () => {
  it('empty file', () => {
    expect(failure('')).toMatchObject({ code: 'empty', message: 'file is empty' });
  });

  it('no numeric rows', () => {
    expect(failure('# only a comment\nhello world\n')).toMatchObject({
      code: 'no-data',
      message: 'no rows of two or more numbers found',
    });
  });

  it('a non-numeric row inside the data', () => {
    expect(failure('V\tA\n1\t2\n3\tfour\n5\t6\n')).toMatchObject({
      code: 'bad-number',
      message: 'line 3: "four" is not a number',
    });
  });

  it('a row longer than the first', () => {
    expect(failure('1\t2\n3\t4\t5\n')).toMatchObject({
      code: 'bad-row',
      message: 'line 2 has 3 cells, the first data row 2',
    });
  });

  it('binary data', () => {
    expect(failure(new Uint8Array([1, 2, 0, 4]))).toMatchObject({ code: 'not-text' });
  });
});
