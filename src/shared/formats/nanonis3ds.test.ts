import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseNanonis3ds } from './nanonis3ds.ts';
import { ParseError, type ParsedFile } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('nanonis-3ds', name)));
}

function parseReal(name: string): ParsedFile {
  return parseNanonis3ds(readReal(name), name);
}

function failure(bytes: Uint8Array): ParseError {
  try {
    parseNanonis3ds(bytes, 'bad.3ds');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

function grid(text: string, data: number[]): Uint8Array {
  const head = new TextEncoder().encode(text + ':HEADER_END:\r\n');
  const out = new Uint8Array(head.length + data.length * 4);
  out.set(head);
  const view = new DataView(out.buffer, head.length);
  data.forEach((v, i) => view.setFloat32(i * 4, v));
  return out;
}

const TINY_HEADER =
  'Grid dim="2 x 1"\r\nGrid settings=0;0;1E-9;1E-9;0\r\nSweep Signal="Bias (V)"\r\n' +
  'Fixed parameters="Sweep Start;Sweep End"\r\nExperiment parameters="X (m);Y (m)"\r\n' +
  '# Parameters (4 byte)=4\r\nExperiment size (bytes)=24\r\nPoints=3\r\nChannels="Current (A);Current [bwd] (A)"\r\n';

describe('parseNanonis3ds on every real file', () => {
  it('covers every file in the real-data folder', () => {
    expect([
      'Grid Spectroscopy002.3ds',
      'Grid Spectroscopy006.3ds',
      'NanonisReader_STS_grid_lockin.3ds',
    ]).toEqual(realFiles('nanonis-3ds').map((path) => basename(path)));
  });

  it('Grid Spectroscopy002.3ds: 20 x 20 bias grid, every pixel written', () => {
    const parsed = parseReal('Grid Spectroscopy002.3ds');
    expect(parsed.kind).toBe('grid-spectroscopy');
    expect(parsed.notIv).toBeNull();
    expect(parsed.grid).toEqual({
      pointsX: 20,
      pointsY: 20,
      pixelsWritten: 400,
      points: 128,
      frame: { centreX: 1.10662e-7, centreY: 2.33166e-7, width: 1.5e-8, height: 1.5e-8, angleDeg: 0 },
    });
    expect(parsed.spectra).toHaveLength(400);
    const first = parsed.spectra[0];
    // Sweep Start/End are float32 in the pixel; the header's 200E-3 / -100E-3 round to the same value.
    expect(first?.bias[0]).toBe(0.2);
    expect(first?.bias[127]).toBe(-0.1);
    expect(first?.bias).toHaveLength(128);
    expect(first?.position).toEqual({
      x: 1.0353699764209523e-7,
      y: 2.2604100990974985e-7,
      z: -1.1132063271190873e-8,
    });
    expect(first?.current[0]).toBe(8.781005089719685e-11);
    expect(first?.current[64]).toBe(2.9688567576569014e-11);
    expect(first?.current[127]).toBe(-7.441399579866115e-11);
    expect(first?.extra.map((e) => e.name)).toEqual([
      'Applied Voltage measured (V)',
      'Bias (V)',
      'X (m)',
      'Y (m)',
      'Z (m)',
      'Phase (deg)',
      'Amplitude (m)',
      'Frequency Shift (Hz)',
      'Excitation (V)',
    ]);
    expect(first?.extra[1]?.values[127]).toBe(-0.10000000149011612);
    expect(parsed.spectra[1]?.position?.x).toBe(1.0428700392139945e-7);
    const last = parsed.spectra[399];
    expect([last?.gridIndex, last?.direction, last?.sweep, last?.isAverage]).toEqual([
      399,
      'forward',
      1,
      false,
    ]);
    expect(last?.position).toEqual({
      x: 1.1778700326203762e-7,
      y: 2.402910013188375e-7,
      z: -1.1132063271190873e-8,
    });
    expect(last?.current[127]).toBe(-1.6023475601922854e-10);
    expect(parsed.acquiredAt).toBe('2017-03-09T21:19:38');
    expect(parsed.comment).toBe('KPFM');
    expect(parsed.header['Sweep Signal']).toBe('Bias (V)');
    expect(parsed.header['Grid settings']).toBe(
      '1.106620E-7;2.331660E-7;1.500000E-8;1.500000E-8;0.000000E+0',
    );
    expect(parsed.setpoint).toEqual({ biasV: 0.2, currentA: 94.6981e-12 });
    expect(parsed.channels).toHaveLength(0);
  });

  it('Grid Spectroscopy006.3ds: aborted Z grid, 88 of 1024 pixels, not I–V', () => {
    const parsed = parseReal('Grid Spectroscopy006.3ds');
    expect(parsed.kind).toBe('grid-spectroscopy');
    expect(parsed.notIv).toBe('grid Z spectroscopy (sweep signal Z (m)), not an I–V sweep');
    expect(parsed.spectra).toHaveLength(0);
    expect(parsed.grid).toMatchObject({ pointsX: 32, pointsY: 32, pixelsWritten: 88, points: 256 });
    expect(parsed.acquiredAt).toBe('2021-10-26T10:48:37');
    expect(parsed.setpoint).toEqual({ biasV: 0, currentA: -15.5217e-15 });
  });

  it('NanonisReader_STS_grid_lockin.3ds: old header, 45 deg grid, 900 pixels', () => {
    const parsed = parseReal('NanonisReader_STS_grid_lockin.3ds');
    expect(parsed.notIv).toBeNull();
    expect(parsed.grid).toEqual({
      pointsX: 30,
      pointsY: 30,
      pixelsWritten: 900,
      points: 200,
      frame: { centreX: 8.451877e-8, centreY: 6.329924e-7, width: 5e-9, height: 5e-9, angleDeg: 45 },
    });
    expect(parsed.header['Experiment']).toBe('Experiment');
    expect(parsed.acquiredAt).toBe('2016-06-04T20:13:23');
    expect(parsed.setpoint).toEqual({ biasV: null, currentA: null });
    expect(parsed.spectra).toHaveLength(900);
    const first = parsed.spectra[0];
    // No header sweep values here: the float32 parameters are used as stored.
    expect(first?.bias[0]).toBe(-0.2199999988079071);
    expect(first?.bias[199]).toBe(0.2199999988079071);
    expect(first?.current[0]).toBe(-1.3747145088949253e-10);
    expect(first?.current[100]).toBe(6.782976415785347e-13);
    expect(first?.extra.map((e) => [e.name, e.unit])).toEqual([
      ['LockinX (V)', 'V'],
      ['LockinY (V)', 'V'],
      ['Bias_m (V)', 'V'],
    ]);
    expect(first?.extra[1]?.values[199]).toBe(-0.3426688015460968);
    expect(parsed.spectra[1]?.position).toEqual({
      x: 8.110895066693047e-8,
      y: 6.328745598693786e-7,
      z: -1.6394804447372735e-7,
    });
    expect(parsed.spectra[899]?.current[199]).toBe(4.5402459569743314e-10);
  });
});

describe('written pixels', () => {
  it('a file cut inside the data keeps the complete pixels only', () => {
    const bytes = readReal('Grid Spectroscopy002.3ds');
    // Header 5051 bytes, 5192 bytes per pixel: 10 whole pixels and half of the 11th.
    const parsed = parseNanonis3ds(bytes.slice(0, 5051 + 10.5 * 5192), 'cut.3ds');
    expect(parsed.grid?.pixelsWritten).toBe(10);
    expect(parsed.spectra).toHaveLength(10);
  });

  it('trailing pixels of NaN or zeros in a full-size file are unwritten; earlier ones are kept', () => {
    const bytes = grid(TINY_HEADER, [
      0,
      1,
      1e-9,
      2e-9,
      NaN,
      NaN,
      NaN,
      1,
      2,
      3,
      0,
      1,
      3e-9,
      4e-9,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    const parsed = parseNanonis3ds(bytes, 'tiny.3ds');
    expect(parsed.grid?.pixelsWritten).toBe(1);
    const withNaNFirst = parseNanonis3ds(
      grid(TINY_HEADER, [0, 1, 0, 0, NaN, NaN, NaN, NaN, NaN, NaN, 0, 1, 0, 0, 1, 2, 3, 4, 5, 6]),
      'tiny.3ds',
    );
    expect(withNaNFirst.grid?.pixelsWritten).toBe(2);
  });

  it('backward channels become backward spectra in acquisition order', () => {
    const parsed = parseNanonis3ds(
      grid(TINY_HEADER, [0, 1, 1e-9, 2e-9, 1, 2, 3, 4, 5, 6, 0, 1, 3e-9, 4e-9, 7, 8, 9, 10, 11, 12]),
      'tiny.3ds',
    );
    expect(parsed.spectra.map((s) => [s.gridIndex, s.direction])).toEqual([
      [0, 'forward'],
      [0, 'backward'],
      [1, 'forward'],
      [1, 'backward'],
    ]);
    expect(Array.from(parsed.spectra[1]?.bias ?? [])).toEqual([1, 0.5, 0]);
    expect(Array.from(parsed.spectra[1]?.current ?? [])).toEqual([6, 5, 4]);
    expect(parsed.spectra[3]?.position).toEqual({ x: Math.fround(3e-9), y: Math.fround(4e-9), z: null });
  });
});

describe('bad input', () => {
  it('truncated inside the header', () => {
    expect(failure(readReal('Grid Spectroscopy006.3ds').slice(0, 4000))).toMatchObject({
      code: 'missing-header-end',
      message: 'no :HEADER_END: in 4000 bytes',
    });
  });

  it('experiment size that does not match the channels', () => {
    const header = TINY_HEADER.replace('Experiment size (bytes)=24', 'Experiment size (bytes)=20');
    expect(failure(grid(header, []))).toMatchObject({
      code: 'bad-header',
      message: 'Experiment size 20 bytes does not match 2 channels x 3 points x 4',
    });
  });

  it('bad Grid dim', () => {
    expect(failure(grid('Grid dim="a x 3"\r\n', []))).toMatchObject({
      code: 'bad-header',
      message: 'Grid dim "a x 3" is not "<x> x <y>"',
    });
  });

  it('counts that are not whole numbers from 1, in the wording every reader uses (headerCount)', () => {
    expect(failure(grid(TINY_HEADER.replace('Points=3', 'Points=0'), []))).toMatchObject({
      code: 'bad-header',
      message: 'Points is "0", not a positive whole number up to 16777216',
    });
    expect(failure(grid(TINY_HEADER.replace('Grid dim="2 x 1"', 'Grid dim="0 x 1"'), []))).toMatchObject({
      code: 'bad-header',
      message: 'Grid dim x is "0 x 1", not a positive whole number up to 16777216',
    });
  });

  it('empty file and random bytes', () => {
    expect(failure(new Uint8Array(0))).toMatchObject({ code: 'empty' });
    let seed = 3;
    const bytes = new Uint8Array(8192).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
    expect(failure(bytes)).toMatchObject({ code: 'missing-header-end' });
  });
});
