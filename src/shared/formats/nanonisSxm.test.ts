import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { ParseError, type ParsedFile } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('nanonis-sxm', name)));
}

function parseReal(name: string): ParsedFile {
  return parseNanonisSxm(readReal(name), name);
}

function failure(bytes: Uint8Array): ParseError {
  try {
    parseNanonisSxm(bytes, 'bad.sxm');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/**
 * Decoded independently once with numpy (`>f4`, rows reversed for SCAN_DIR up, backward images
 * mirrored left-right): [display row, display column, value (null = NaN)], finite min/max
 * (null when all NaN) and NaN count for four images of every file.
 */
interface Reference {
  file: string;
  width: number;
  height: number;
  images: string[];
  picks: Array<{
    index: number;
    values: Array<[number, number, number | null]>;
    min: number | null;
    max: number | null;
    nan: number;
  }>;
}

const EXPECTED = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sxm-reference.json'), 'utf8'),
) as Reference[];

describe('parseNanonisSxm on every real file', () => {
  it('covers every file in the real-data folder', () => {
    expect(EXPECTED.map((e) => e.file)).toEqual(realFiles('nanonis-sxm').map((path) => basename(path)));
  });

  for (const expected of EXPECTED) {
    it(expected.file, () => {
      const parsed = parseReal(expected.file);
      expect(parsed.format).toBe('nanonis-sxm');
      expect(parsed.kind).toBe('image');
      expect(parsed.notIv).toBeNull();
      expect(parsed.spectra).toHaveLength(0);
      expect(parsed.images.map((image) => `${image.channel}/${image.direction}`)).toEqual(expected.images);
      for (const image of parsed.images) {
        expect([image.width, image.height]).toEqual([expected.width, expected.height]);
        expect(image.data).toHaveLength(expected.width * expected.height);
      }
      for (const pick of expected.picks) {
        const image = parsed.images[pick.index];
        if (!image) throw new Error(`no image ${pick.index}`);
        for (const [row, col, value] of pick.values) {
          const got = image.data[row * image.width + col];
          if (value === null) expect(got).toBeNaN();
          else expect(got).toBe(value);
        }
        let min = Infinity;
        let max = -Infinity;
        let nan = 0;
        for (const v of image.data) {
          if (Number.isNaN(v)) nan++;
          else {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        expect(nan).toBe(pick.nan);
        if (pick.min !== null) expect([min, max]).toEqual([pick.min, pick.max]);
      }
    });
  }
});

describe('header', () => {
  it('01581.sxm: frame, date, set-point and a multi-line comment', () => {
    const parsed = parseReal('01581.sxm');
    expect(parsed.header['SCAN_PIXELS']).toBe('       160       80');
    expect(parsed.header['REC_DATE']).toBe(' 22.01.2018');
    expect(parsed.header['Current>Gain']).toBe('n/a');
    expect(parsed.acquiredAt).toBe('2018-01-22T12:15:11');
    expect(parsed.setpoint).toEqual({ biasV: -2e-3, currentA: 2e-12 });
    expect(parsed.comment.split('\n')).toEqual([
      'Au(111)',
      'RR-CN-monomer-salt: 462C, 60sec, Ts=60C',
      'CO: 2e-7mbar, 50sec, shutter hole',
      'Anneal: 120C, 10min',
      'Anneal: missing info',
      'CO: missing info',
      'User: Alex Riss',
    ]);
    expect(parsed.images[0]?.frame).toEqual({
      centreX: 2.500422e-7,
      centreY: -1.525555e-7,
      width: 4.6e-9,
      height: 2.3e-9,
      angleDeg: 0,
    });
    expect(parsed.header['DATA_INFO']?.split('\n')).toHaveLength(10);
    expect(parsed.position).toBeNull();
  });

  it('A170315: frequency set-point is not a current; angle -41', () => {
    const parsed = parseReal('A170315.172707-00393.sxm');
    expect(parsed.setpoint).toEqual({ biasV: -1.14e-3, currentA: null });
    expect(parsed.images[0]?.frame.angleDeg).toBe(-41);
    // A blank line inside the comment is kept.
    expect(parsed.comment).toBe('Cu(111)\nBorazine: 7e-7mbar, 25sec, 754C (3.12A, 9.5V)\n\nf0 offset = -0Hz');
  });

  it('Image_445.sxm: non-square 96 x 192, 59 deg, units per channel, constant Z', () => {
    const parsed = parseReal('Image_445.sxm');
    expect(parsed.images[0]?.frame).toMatchObject({ width: 2e-9, height: 4e-9, angleDeg: 59 });
    expect(parsed.images.map((image) => image.unit)).toEqual(
      ['m', 'V', 'V', 'V', 'A', 'deg', 'm', 'Hz', 'V'].flatMap((unit) => [unit, unit]),
    );
    const z = parsed.images[0]?.data ?? new Float32Array();
    expect(z.every((v) => v === z[0])).toBe(true);
  });

  it('empty.sxm: every image all NaN', () => {
    const parsed = parseReal('empty.sxm');
    expect(parsed.images).toHaveLength(20);
    for (const image of parsed.images) expect(image.data.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('sxm_moire_10nm.sxm: anonymised date, padded SCAN_FILE', () => {
    const parsed = parseReal('sxm_moire_10nm.sxm');
    expect(parsed.acquiredAt).toBe('2000-01-01T00:00:00');
    expect(parsed.header['SCAN_FILE']?.trimEnd()).toBe('sxm_moire_10nm.sxm');
    expect(parsed.setpoint).toEqual({ biasV: 0.2688, currentA: 3e-11 });
  });
});

describe('bad input', () => {
  it('truncated data block reports byte counts', () => {
    const bytes = readReal('sxm_moire_10nm.sxm').slice(0, 200_000);
    expect(failure(bytes)).toMatchObject({
      code: 'truncated',
      message: 'data block has 195949 of 409600 bytes (4 images of 160 x 160 float32)',
    });
  });

  it('header cut before :SCANIT_END:', () => {
    expect(failure(readReal('01581.sxm').slice(0, 3000))).toMatchObject({
      code: 'missing-header-end',
      message: 'no :SCANIT_END: in 3000 bytes',
    });
  });

  it('no data marker after the header', () => {
    const bytes = readReal('sxm_moire_10nm.sxm');
    const cut = bytes.slice(0, 4051 - 2);
    expect(failure(cut)).toMatchObject({ code: 'missing-data-marker' });
  });

  it('bad SCAN_PIXELS', () => {
    const text = ':SCAN_PIXELS:\n  abc\n:DATA_INFO:\n\tChannel\tName\n:SCANIT_END:\n\n\n\x1a\x04';
    expect(failure(new TextEncoder().encode(text))).toMatchObject({
      code: 'bad-header',
      message: 'SCAN_PIXELS "abc" is not two positive integers',
    });
  });

  it('empty file and random bytes', () => {
    expect(failure(new Uint8Array(0))).toMatchObject({ code: 'empty' });
    let seed = 11;
    const bytes = new Uint8Array(8192).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
    expect(failure(bytes)).toMatchObject({ code: 'missing-header-end' });
  });
});
