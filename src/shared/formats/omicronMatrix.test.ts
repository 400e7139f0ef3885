import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { parseFile } from './index.ts';
import { matrixChannel, parseOmicronMatrix } from './omicronMatrix.ts';
import { ParseError, type ParsedFile } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('omicron-matrix', name)));
}

function failure(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/**
 * Checked once with python `struct`: DESC content words 5 and 6 (announced, written), the DATA
 * block length / 4, the first int32 of DATA and the BKLT time (u64 unix seconds).
 */
const EXPECTED: Array<[string, string, number, number, number | null, string]> = [
  ['2014Sep30-111118--1_1.I(V)_mtrx', 'bias-spectroscopy', 378, 378, -19747334, '2014-09-30T17:27:47Z'],
  ['2014Sep30-111118--2_1.I(V)_mtrx', 'bias-spectroscopy', 962, 506, null, '2014-09-30T20:16:47Z'],
  ['2014Sep30-111118--3_1.I(V)_mtrx', 'bias-spectroscopy', 962, 1, -19260030, '2014-09-30T20:22:06Z'],
  ['2014Sep30-111118--4_1.I(V)_mtrx', 'bias-spectroscopy', 2842, 2842, null, '2014-10-01T11:24:21Z'],
  ['2014Sep30-111118--1_1.I(t)_mtrx', 'other', 3600, 29, -10930417, '2014-09-30T15:19:11Z'],
  ['20201111--4_1.Z_mtrx', 'other', 320000, 320000, null, '2020-11-11T09:07:26Z'],
];

describe('parseOmicronMatrix on the real data files', () => {
  for (const [name, kind, announced, written, first, time] of EXPECTED) {
    it(name, () => {
      const parsed: ParsedFile = parseOmicronMatrix(readReal(name), name);
      expect(parsed.format).toBe('omicron-matrix');
      expect(parsed.kind).toBe(kind);
      expect(parsed.spectra).toHaveLength(0);
      expect(parsed.images).toHaveLength(0);
      expect(parsed.header['Points announced']).toBe(String(announced));
      expect(parsed.header['Points written']).toBe(String(written));
      expect(parsed.header['Timestamp (UTC)']).toBe(time);
      expect(parsed.acquiredAt).toBeNull();
      const count = written === announced ? `${written} points` : `${written} of ${announced} points written`;
      expect(parsed.notIv).toContain(count);
      if (name.includes('I(t)')) expect(parsed.notIv).toMatch(/current-time trace, not an I–V sweep/);
      else expect(parsed.notIv).toMatch(/_0001\.mtrx parameter file/);
      if (first !== null) expect(parsed.channels[0]?.values[0]).toBe(first);
      if (!name.endsWith('Z_mtrx')) expect(parsed.channels[0]?.values).toHaveLength(written);
    });
  }

  it('reports the aborted sweep as 506 of 962', () => {
    const parsed = parseOmicronMatrix(
      readReal('2014Sep30-111118--2_1.I(V)_mtrx'),
      '2014Sep30-111118--2_1.I(V)_mtrx',
    );
    expect(parsed.notIv).toMatch(/^Omicron MATRIX I\(V\) curve, 506 of 962 points written: /);
  });

  it('refuses parameter files with their own reason, also through parseFile', () => {
    for (const name of ['2014Sep30-111118_0001.mtrx', '20201111_0001.mtrx']) {
      const error = failure(() => parseFile(name, readReal(name)));
      expect([error.code, error.message]).toEqual([
        'unsupported-format',
        'Omicron MATRIX parameter file (read with its data files)',
      ]);
    }
  });
});

describe('matrixChannel', () => {
  it('takes the channel from the file name', () => {
    expect(matrixChannel('2014Sep30-111118--2_1.I(V)_mtrx')).toBe('I(V)');
    expect(matrixChannel('20201111--4_1.Z_mtrx')).toBe('Z');
    expect(matrixChannel('x.mtrx')).toBe('');
  });
});

describe('parseOmicronMatrix on bad input', () => {
  const good = readReal('2014Sep30-111118--1_1.I(V)_mtrx');
  it('no signature', () => {
    expect(
      failure(() => parseOmicronMatrix(new TextEncoder().encode('hello world, not matrix'), 'a_mtrx')).code,
    ).toBe('bad-signature');
  });
  it('cut inside the DESC block', () => {
    expect(failure(() => parseOmicronMatrix(good.subarray(0, 50), 'a.I(V)_mtrx')).message).toBe(
      'DESC block cut',
    );
  });
  it('unknown block', () => {
    const bad = good.slice();
    bad.set(new TextEncoder().encode('XXXX'), 12);
    expect(failure(() => parseOmicronMatrix(bad, 'a.I(V)_mtrx')).message).toMatch(/block "XXXX"/);
  });
  it('a cut DATA block keeps the whole values present', () => {
    const parsed = parseOmicronMatrix(good.subarray(0, 96 + 8 + 41), 'a.I(V)_mtrx');
    expect(parsed.header['Points written']).toBe('10');
  });
});
