import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import reference from './fixtures/wsxm-reference.json' with { type: 'json' };
import { parseFile } from './index.ts';
import { withDefaults } from './limits.ts';
import { parseWsxm } from './wsxm.ts';
import { parseFailure } from '../../testing/parseFailure.ts';

interface ImageReference {
  file: string;
  type: string;
  columns: number;
  rows: number;
  channel: string;
  unit: string;
  min: number;
  max: number;
  mean: number;
  width: number;
  height: number;
  centreX: number;
  centreY: number;
  angleDeg: number;
  pixels: Record<string, number>;
}

/** A WSxM image file as WSxM writes one (CRLF header, then the values little-endian). */
function wsxmImage(options: {
  columns: number;
  rows: number;
  type: 'short' | 'float' | 'double';
  values: number[];
  zAmplitude?: string | null;
  lineEnd?: string;
  dropBytes?: number;
}): Uint8Array {
  const eol = options.lineEnd ?? '\r\n';
  const lines = [
    'WSxM file copyright UAM',
    'SxM Image file',
    'Image header size: 0',
    '',
    '[Control]',
    '',
    '    Angle: 15',
    '    X Amplitude: 20 nm',
    '    X Offset: 5 nm',
    '    Y Amplitude: 10 nm',
    '    Y Offset: -2 nm',
    '',
    '[General Info]',
    '',
    '    Acquisition channel: Topography',
    '    Acquisition time: 17/05/2024, 11:28:39.002',
    `    Image Data Type: ${options.type}`,
    `    Number of columns: ${options.columns}`,
    `    Number of rows: ${options.rows}`,
    '    X scanning direction: Backward',
    ...(options.zAmplitude === null ? [] : [`    Z Amplitude: ${options.zAmplitude ?? '3 nm'}`]),
    '',
    '[Miscellaneous]',
    '',
    '    Comments: synthetic',
    '',
    '[Header end]',
    '',
  ];
  const header = new TextEncoder().encode(lines.join(eol));
  const size = { short: 2, float: 4, double: 8 }[options.type];
  const data = new DataView(new ArrayBuffer(options.values.length * size));
  options.values.forEach((v, k) => {
    if (options.type === 'short') data.setInt16(k * size, v, true);
    else if (options.type === 'float') data.setFloat32(k * size, v, true);
    else data.setFloat64(k * size, v, true);
  });
  const out = new Uint8Array(header.length + data.byteLength - (options.dropBytes ?? 0));
  out.set(header);
  out.set(new Uint8Array(data.buffer).subarray(0, out.length - header.length), header.length);
  return out;
}

describe('WSxM images', () => {
  it('reads the real topography as numpy does (scaled to Z Amplitude, turned by 180°)', () => {
    const images = reference.files.filter((f) => f.type === 'SxM Image file') as ImageReference[];
    expect(images.length).toBeGreaterThan(0);
    for (const ref of images) {
      const parsed = parseFile(ref.file, new Uint8Array(readFileSync(realFile('wsxm', ref.file))));
      expect([parsed.format, parsed.kind, parsed.images.length, parsed.spectra.length]).toEqual([
        'wsxm',
        'image',
        1,
        0,
      ]);
      const image = parsed.images[0]!;
      expect([image.channel, image.unit, image.width, image.height, image.direction]).toEqual([
        ref.channel,
        ref.unit,
        ref.columns,
        ref.rows,
        'forward',
      ]);
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (const v of image.data) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      // float32 storage: ~6e-8 relative.
      expect(min).toBeCloseTo(ref.min, 13);
      expect(Math.abs(max / ref.max - 1)).toBeLessThan(1e-6);
      expect(Math.abs(sum / image.data.length / ref.mean - 1)).toBeLessThan(1e-6);
      for (const [at, value] of Object.entries(ref.pixels)) {
        const [row, column] = at.split(',').map(Number) as [number, number];
        expect(image.data[row * image.width + column]).toBe(value);
      }
      expect(image.frame.width).toBeCloseTo(ref.width, 15);
      expect(image.frame.height).toBeCloseTo(ref.height, 15);
      expect(image.frame.centreX).toBeCloseTo(ref.centreX, 15);
      expect(image.frame.centreY).toBeCloseTo(ref.centreY, 15);
      expect(image.frame.angleDeg).toBe(ref.angleDeg);
      expect(parsed.header['General Info>Head type']).toBe('AFM');
      expect(parsed.acquiredAt).toBe('2024-04-05T18:01:29.932');
    }
  });

  it('each data type, the 180° turn and the frame of a synthetic image', () => {
    // File order 0..5 of a 3 × 2 image: shown, the last value comes first.
    for (const type of ['short', 'float', 'double'] as const) {
      const parsed = parseWsxm(wsxmImage({ columns: 3, rows: 2, type, values: [0, 1, 2, 3, 4, 6] }), 'a.top');
      const image = parsed.images[0]!;
      // Span 6 counts is 3 nm: 0.5 nm a count.
      expect(Array.from(image.data)).toEqual([6, 4, 3, 2, 1, 0].map((v) => Math.fround(v * 0.5e-9)));
      expect([image.unit, image.direction, image.width, image.height]).toEqual(['m', 'backward', 3, 2]);
      expect(image.frame).toEqual({
        centreX: 5e-9,
        centreY: -2e-9,
        width: 20e-9,
        height: 10e-9,
        angleDeg: 15,
      });
      expect(parsed.acquiredAt).toBe('2024-05-17T11:28:39.002');
      expect(parsed.comment).toBe('synthetic');
    }
  });

  it('LF line ends, units other than metres and a missing or zero span', () => {
    const lf = parseWsxm(
      wsxmImage({ columns: 2, rows: 1, type: 'double', values: [1, 3], zAmplitude: '40 pA', lineEnd: '\n' }),
      'a.top',
    );
    expect([lf.images[0]!.unit, ...lf.images[0]!.data]).toEqual([
      'A',
      Math.fround(60e-12),
      Math.fround(20e-12),
    ]);
    const raw = parseWsxm(
      wsxmImage({ columns: 2, rows: 1, type: 'short', values: [7, 9], zAmplitude: null }),
      'a',
    );
    expect([raw.images[0]!.unit, ...raw.images[0]!.data]).toEqual(['', 9, 7]);
    expect(raw.warnings).toEqual([
      'no Z Amplitude in the header: values are the raw numbers, without a unit',
    ]);
    const gaps = parseWsxm(
      wsxmImage({ columns: 4, rows: 1, type: 'float', values: [0, NaN, Infinity, 6] }),
      'a',
    );
    expect(Array.from(gaps.images[0]!.data)).toEqual([Math.fround(3e-9), NaN, NaN, 0]);
    const phase = parseWsxm(
      wsxmImage({ columns: 2, rows: 1, type: 'short', values: [0, 2], zAmplitude: '0.5 Pi' }),
      'a',
    );
    expect([phase.images[0]!.unit, ...phase.images[0]!.data]).toEqual(['rad', Math.fround(Math.PI / 2), 0]);
    const flat = parseWsxm(wsxmImage({ columns: 2, rows: 1, type: 'short', values: [5, 5] }), 'a');
    expect(Array.from(flat.images[0]!.data)).toEqual([0, 0]);
    const arbitrary = parseWsxm(
      wsxmImage({ columns: 2, rows: 1, type: 'short', values: [0, 2], zAmplitude: '4 a.u.' }),
      'a',
    );
    expect([arbitrary.images[0]!.unit, ...arbitrary.images[0]!.data]).toEqual(['', 4, 0]);
  });

  it('names the problem of a bad or crafted file', () => {
    const cut = parseFailure(() =>
      parseWsxm(
        wsxmImage({ columns: 3, rows: 2, type: 'double', values: [0, 1, 2, 3, 4, 5], dropBytes: 9 }),
        'a',
      ),
    );
    expect([cut.code, cut.message]).toEqual(['truncated', 'image data: 39 of 48 bytes (3 × 2 double)']);
    const noEnd = new TextEncoder().encode('WSxM file copyright UAM\r\nSxM Image file\r\n[General Info]\r\n');
    expect(parseFailure(() => parseWsxm(noEnd, 'a')).code).toBe('missing-header-end');
    const columns = parseFailure(() =>
      parseWsxm(wsxmImage({ columns: 0, rows: 2, type: 'short', values: [] }), 'a'),
    );
    expect([columns.code, columns.message]).toEqual([
      'bad-header',
      'General Info>Number of columns is "0", not a positive whole number',
    ]);
    // A header announcing 100,000 × 100,000 values in a small file: refused before any allocation.
    const huge = parseFailure(() =>
      parseWsxm(
        wsxmImage({ columns: 100_000, rows: 100_000, type: 'short', values: [1] }),
        'a',
        {},
        withDefaults(),
      ),
    );
    expect([huge.code, huge.message]).toEqual([
      'limit',
      'image values: 10000000000, over the limit of 33554432',
    ]);
  });

  it('an unknown data type and curve files other than I–V are named, not read', () => {
    const bytes = new TextDecoder('latin1').decode(
      wsxmImage({ columns: 1, rows: 1, type: 'short', values: [1] }),
    );
    const odd = new TextEncoder().encode(bytes.replace('Image Data Type: short', 'Image Data Type: complex'));
    const unknown = parseFailure(() => parseWsxm(odd, 'a'));
    expect([unknown.code, unknown.message]).toEqual([
      'bad-header',
      'Image Data Type "complex" is none WSxM writes',
    ]);
    const zv = new TextEncoder().encode(
      'WSxM file copyright UAM\r\nZV curve file\r\nImage header size: 0\r\n[General Info]\r\n[Header end]\r\n0 1\r\n',
    );
    const curve = parseFailure(() => parseFile('a.cur', zv));
    expect([curve.code, curve.message]).toEqual([
      'unsupported-format',
      'WSxM "ZV curve file" file recognised; WSxM images (SxM Image file) and I–V curves (IV curve file) are read',
    ]);
  });
});
