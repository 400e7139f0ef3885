import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import reference from './fixtures/omicron-matrix-reference.json' with { type: 'json' };
import { parseFile } from './index.ts';
import { matrixChannel, matrixParameterFileName, parseOmicronMatrix } from './omicronMatrix.ts';
import type { ParsedFile } from './types.ts';
import { parseFailure } from '../../testing/parseFailure.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('omicron-matrix', name)));
}

/** Parses a real data file with the parameter file beside it. */
function parseWithParameters(name: string): ParsedFile {
  const parameterName = matrixParameterFileName(name);
  if (parameterName === null) throw new Error(`no parameter file name for ${name}`);
  return parseOmicronMatrix(readReal(name), name, readReal(parameterName));
}

/** Relative agreement to 1e-12 (a few float64 roundings: the two readers order the operations differently). */
function expectClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-12 * Math.max(Math.abs(expected), 1e-30),
  );
}

interface CurveReference {
  direction: string;
  points: number;
  axisAt: Record<string, number>;
  valueAt: Record<string, number>;
  valueSum: number;
}

interface ImageReference {
  direction: string;
  width: number;
  height: number;
  min: number;
  max: number;
  mean: number;
  pixels: Record<string, number>;
}

interface FileReference {
  file: string;
  channel: string;
  unit: string;
  announced: number;
  written: number;
  setpointBiasV: number;
  setpointCurrentA: number;
  curves?: CurveReference[];
  images?: ImageReference[];
  frame?: Record<string, number>;
  position?: [number, number];
}

const FILES = (reference as { files: FileReference[] }).files;

describe('parseOmicronMatrix with the parameter file, against scripts/fixtures/omicron_matrix_reference.py', () => {
  it('covers every real data file', () => {
    expect(FILES.map((f) => f.file)).toHaveLength(6);
  });

  for (const ref of FILES) {
    it(ref.file, () => {
      const parsed = parseWithParameters(ref.file);
      expect(parsed.header['Points announced']).toBe(String(ref.announced));
      expect(parsed.header['Points written']).toBe(String(ref.written));
      expectClose(parsed.setpoint.biasV ?? NaN, ref.setpointBiasV);
      expectClose(parsed.setpoint.currentA ?? NaN, ref.setpointCurrentA);
      if (ref.written < ref.announced) {
        expect(parsed.header['Incomplete']).toBe(
          `${ref.written} of ${ref.announced} points written (acquisition stopped)`,
        );
      } else expect(parsed.header['Incomplete']).toBeUndefined();

      for (const [c, curve] of (ref.curves ?? []).entries()) {
        const axis = parsed.channels[2 * c];
        const values = parsed.channels[2 * c + 1];
        expect(values?.name).toBe(`${ref.channel} (${ref.unit})`);
        expect(values?.direction).toBe(curve.direction);
        expect(values?.values).toHaveLength(curve.points);
        for (const [i, v] of Object.entries(curve.axisAt)) expectClose(axis?.values[Number(i)], v);
        for (const [i, v] of Object.entries(curve.valueAt)) expectClose(values?.values[Number(i)], v);
        expectClose(
          values?.values.reduce((sum, v) => sum + v, 0),
          curve.valueSum,
        );
      }
      for (const [k, image] of (ref.images ?? []).entries()) {
        const record = parsed.images[k];
        expect(record?.channel).toBe(ref.channel);
        expect(record?.unit).toBe(ref.unit);
        expect([record?.direction, record?.width, record?.height]).toEqual([
          image.direction,
          image.width,
          image.height,
        ]);
        for (const [at, v] of Object.entries(image.pixels)) {
          const [row, col] = at.split(',').map(Number) as [number, number];
          expect(record?.data[row * image.width + col]).toBe(v);
        }
        let [min, max] = [Infinity, -Infinity];
        for (const v of record?.data ?? []) [min, max] = [Math.min(min, v), Math.max(max, v)];
        expect([min, max]).toEqual([image.min, image.max]);
        expect(record?.frame).toEqual({
          centreX: ref.frame?.['X_Offset'],
          centreY: ref.frame?.['Y_Offset'],
          width: ref.frame?.['Width'],
          height: ref.frame?.['Height'],
          angleDeg: ref.frame?.['Angle'],
        });
      }
      if (ref.position) {
        expect(parsed.position?.x).toBeCloseTo(ref.position[0], 25);
        expect(parsed.position?.y).toBeCloseTo(ref.position[1], 25);
      }
    });
  }

  it('I(V): one spectrum per written sweep direction, in volts and amperes, acquisition order', () => {
    const parsed = parseWithParameters('2014Sep30-111118--1_1.I(V)_mtrx');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.notIv).toBeNull();
    expect(parsed.spectra.map((s) => [s.direction, s.sweep, s.bias.length])).toEqual([
      ['forward', 1, 189],
      ['backward', 1, 189],
    ]);
    const [forward, backward] = parsed.spectra;
    expect(forward?.bias[0]).toBeCloseTo(-10.0009, 4);
    expect(backward?.bias[0]).toBeCloseTo(10.0009, 4); // the backward sweep starts at the ramp's end
    expect(forward?.position).toEqual({ x: -3.33333e-12, y: -6.66667e-13, z: null });
    expect(parsed.header['Transfer function']).toMatch(
      /^TFF_MultiLinear1D \(A\): NeutralFactor=6448900000000000/,
    );
  });

  it("the user's channel comment reaches the file comment (a bias offset noted during the session)", () => {
    const parsed = parseWithParameters('2014Sep30-111118--4_1.I(V)_mtrx');
    expect(parsed.header['Channel comment']).toBe('extra -2.6 V DC applied through Vext');
    expect(parsed.comment).toBe('extra -2.6 V DC applied through Vext');
    expect(parseWithParameters('2014Sep30-111118--1_1.I(V)_mtrx').comment).toBe(
      'added -2.6 V offset manually',
    );
    expect(parseWithParameters('2014Sep30-111118--2_1.I(V)_mtrx').header['Channel comment']).toBeUndefined();
  });

  it('an aborted sweep keeps the 481 + 25 points written and says so', () => {
    const parsed = parseWithParameters('2014Sep30-111118--2_1.I(V)_mtrx');
    expect(parsed.spectra.map((s) => s.current.length)).toEqual([481, 25]);
    expect(parsed.comment).toContain('Incomplete: 506 of 962 points written');
  });

  it('a sweep with one point written gives no spectrum and the reason', () => {
    const parsed = parseWithParameters('2014Sep30-111118--3_1.I(V)_mtrx');
    expect(parsed.spectra).toHaveLength(0);
    expect(parsed.notIv).toBe('Omicron MATRIX I(V): only 1 of 481 points of the first sweep written');
  });

  it('I(t) is a current-time trace with its time axis from Clock2', () => {
    const parsed = parseWithParameters('2014Sep30-111118--1_1.I(t)_mtrx');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe('Omicron MATRIX I(t) current-time trace, not an I–V sweep');
    expect(parsed.channels[0]?.unit).toBe('s');
  });

  it('Z: forward and backward 400 x 400 images in metres, 100 nm frame', () => {
    const parsed = parseWithParameters('20201111--4_1.Z_mtrx');
    expect(parsed.kind).toBe('image');
    expect(parsed.images.map((i) => [i.channel, i.direction, i.width, i.height, i.unit])).toEqual([
      ['Z', 'forward', 400, 400, 'm'],
      ['Z', 'backward', 400, 400, 'm'],
    ]);
  });
});

describe('parseOmicronMatrix without the parameter file', () => {
  it('records the data file with the reason, for every real data file', () => {
    for (const ref of FILES) {
      const parsed = parseOmicronMatrix(readReal(ref.file), ref.file);
      expect(parsed.spectra).toHaveLength(0);
      expect(parsed.images).toHaveLength(0);
      expect(parsed.header['Points written']).toBe(String(ref.written));
      expect(parsed.notIv).toContain(
        `its parameter file ${matrixParameterFileName(ref.file)} is not beside it`,
      );
    }
  });

  it('parseFile passes the parameter file through its context', () => {
    const name = '2014Sep30-111118--4_1.I(V)_mtrx';
    const alone = parseFile(name, readReal(name));
    const paired = parseFile(name, readReal(name), {
      matrixParameterFile: readReal('2014Sep30-111118_0001.mtrx'),
    });
    expect([alone.spectra.length, paired.spectra.length]).toEqual([0, 2]);
  });

  it('refuses parameter files with their own reason', () => {
    for (const name of ['2014Sep30-111118_0001.mtrx', '20201111_0001.mtrx']) {
      const error = parseFailure(() => parseFile(name, readReal(name)));
      expect([error.code, error.message]).toEqual([
        'unsupported-format',
        'Omicron MATRIX parameter file (read with its data files)',
      ]);
    }
  });
});

describe('MATRIX file names', () => {
  it('channel and parameter file from a data file name', () => {
    expect(matrixChannel('2014Sep30-111118--2_1.I(V)_mtrx')).toBe('I(V)');
    expect(matrixChannel('20201111--4_1.Z_mtrx')).toBe('Z');
    expect(matrixParameterFileName('20201111--4_1.Z_mtrx')).toBe('20201111_0001.mtrx');
    expect(matrixParameterFileName('default_2025Feb14-191224_STM-STM_Spectroscopy--1_12.Aux2(V)_mtrx')).toBe(
      'default_2025Feb14-191224_STM-STM_Spectroscopy_0001.mtrx',
    );
    expect(matrixParameterFileName('20201111_0001.mtrx')).toBeNull();
  });
});

describe('parseOmicronMatrix on bad input', () => {
  const good = readReal('2014Sep30-111118--1_1.I(V)_mtrx');
  const parameters = readReal('2014Sep30-111118_0001.mtrx');
  it('no signature', () => {
    expect(
      parseFailure(() => parseOmicronMatrix(new TextEncoder().encode('hello world, not matrix'), 'a_mtrx'))
        .code,
    ).toBe('bad-signature');
  });
  it('cut inside the DESC block', () => {
    expect(parseFailure(() => parseOmicronMatrix(good.subarray(0, 50), 'a.I(V)_mtrx')).code).toBe(
      'truncated',
    );
  });
  it('unknown block', () => {
    const bad = good.slice();
    bad.set(new TextEncoder().encode('XXXX'), 12);
    expect(parseFailure(() => parseOmicronMatrix(bad, 'a.I(V)_mtrx')).message).toMatch(/block "XXXX"/);
  });
  it('a cut DATA block keeps the whole values present', () => {
    const parsed = parseOmicronMatrix(good.subarray(0, 96 + 8 + 41), 'a.I(V)_mtrx');
    expect(parsed.header['Points written']).toBe('10');
  });
  it('a parameter file cut mid-session replays what it holds', () => {
    const name = '2014Sep30-111118--1_1.I(V)_mtrx';
    // Cut just before the BREF block that names the file (tag, length, time, 4 bytes, string length).
    const utf16 = new Uint8Array([...name].flatMap((c) => [c.charCodeAt(0), 0]));
    const at = Buffer.from(parameters).indexOf(Buffer.from(utf16)) - 24;
    expect(String.fromCharCode(...parameters.subarray(at, at + 4))).toBe('FERB');
    const parsed = parseOmicronMatrix(good, name, parameters.subarray(0, at + 10));
    expect(parsed.spectra).toHaveLength(2);
    expect(parsed.header['Referenced by the parameter file']).toBe('no (its last state was used)');
  });
  it('a parameter file of another session lacks the channel and says so', () => {
    const parsed = parseOmicronMatrix(
      good,
      '2014Sep30-111118--1_1.I(V)_mtrx',
      readReal('20201111_0001.mtrx'),
    );
    expect(parsed.notIv).toMatch(/channel key b00440043 is not in 2014Sep30-111118_0001\.mtrx/);
  });
});
