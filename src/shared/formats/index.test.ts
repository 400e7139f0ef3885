import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import * as formats from './index.ts';
import { parseFile, ParseError, SUPPORTED_FORMATS } from './index.ts';

function failure(name: string, bytes: Uint8Array): ParseError {
  try {
    parseFile(name, bytes);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('parseFile', () => {
  it('the public API', () => {
    expect(Object.keys(formats).sort()).toEqual([
      'DEFAULT_READER_LIMITS',
      'DETECT_HEAD_BYTES',
      'ParseError',
      'SUPPORTED_FORMATS',
      'detectFormat',
      'matrixMissingParameterReason',
      'matrixParameterFileName',
      'parseFile',
    ]);
  });

  it('reads every real file of a format with a reader through detection', () => {
    for (const folder of [
      'nanonis-dat',
      'nanonis-sxm',
      'nanonis-3ds',
      'text',
      'rhk-sm4',
      'createc',
      'gwyddion',
    ]) {
      for (const path of realFiles(folder)) {
        const parsed = parseFile(basename(path), new Uint8Array(readFileSync(path)));
        const expected =
          folder === 'text'
            ? 'text-iv'
            : folder === 'createc'
              ? path.endsWith('.dat')
                ? 'createc-dat'
                : 'createc-vert'
              : folder;
        expect(parsed.format).toBe(expected);
      }
    }
  });

  it('recognised formats without a reader say so', () => {
    const cases: Array<[string, string, string]> = [
      [
        'wsxm',
        'WSxM1DReader_spectrocurve_0001_Normalforce.f.curves',
        'WSxM "WSxM Lithography curves" file recognised; WSxM images (SxM Image file) and I–V curves (IV curve file) are read',
      ],
    ];
    for (const [folder, name, message] of cases) {
      const error = failure(name, new Uint8Array(readFileSync(realFile(folder, name))));
      expect([error.code, error.message]).toEqual(['unsupported-format', message]);
    }
  });

  it('unknown files', () => {
    expect(failure('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      code: 'unknown-format',
      message: 'not a recognised STM/STS file (.jpg, no known signature)',
    });
    expect(failure('README', new TextEncoder().encode('hello'))).toMatchObject({ code: 'unknown-format' });
    expect(failure('empty.dat', new Uint8Array(0))).toMatchObject({ code: 'empty' });
  });

  it('SUPPORTED_FORMATS lists each format once, readers first', () => {
    const ids = SUPPORTED_FORMATS.map((f) => f.format);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SUPPORTED_FORMATS.filter((f) => f.status === 'reader').map((f) => f.format)).toEqual([
      'nanonis-dat',
      'nanonis-sxm',
      'nanonis-3ds',
      'text-iv',
      'rhk-sm4',
      'omicron-matrix',
      'createc-vert',
      'createc-dat',
      'gwyddion',
      'wsxm',
    ]);
    for (const f of SUPPORTED_FORMATS) expect(f.extensions.every((e) => e === e.toLowerCase())).toBe(true);
  });
});
