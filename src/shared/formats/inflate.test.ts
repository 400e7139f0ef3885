import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { adler32, inflateRaw, inflateZlib } from './inflate.ts';
import { ParseError } from './types.ts';
import { parseFailure } from '../../testing/parseFailure.ts';

/** Streams written once by python's zlib (level, strategy and flushes vary); see each case's name. */
interface Case {
  name: string;
  zlib: boolean;
  compressed: string;
  output?: string;
  length: number;
  adler32: number;
}

const CASES = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'inflate-cases.json'), 'utf8'),
) as Case[];

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

describe('inflate against python zlib', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const input = fromBase64(c.compressed);
      const out = c.zlib ? inflateZlib(input) : inflateRaw(input).data;
      expect(out.length).toBe(c.length);
      expect(adler32(out)).toBe(c.adler32);
      if (c.output !== undefined) expect(Array.from(out)).toEqual(Array.from(fromBase64(c.output)));
    });
  }

  // Lengths and Adler-32 of python's zlib.decompress of the bytes after `DATA` in each file.
  const REAL: Array<[string, string, number, number, number]> = [
    ['createc', 'A250407.141806.dat', 16384, 1052800, 1672251649],
    ['createc', 'createc_scan_preview_120nm.dat', 16272, 656512, 1718418338],
  ];
  for (const [folder, name, start, length, checksum] of REAL) {
    it(`real file ${name}`, () => {
      const bytes = new Uint8Array(readFileSync(realFile(folder, name)));
      const out = inflateZlib(bytes, start, { sizeHint: length });
      expect(out.length).toBe(length);
      expect(adler32(out)).toBe(checksum);
    });
  }
});

describe('inflate rejects bad streams with ParseError', () => {
  const good = fromBase64(CASES.find((c) => c.name === 'dynamic Huffman text')?.compressed ?? '');

  it('wrong method', () => {
    expect(parseFailure(() => inflateZlib(new Uint8Array([0x79, 0x9c, 0, 0]))).message).toMatch(/method 9/);
  });
  it('header check', () => {
    expect(parseFailure(() => inflateZlib(new Uint8Array([0x78, 0x9d, 0, 0]))).message).toMatch(
      /header check/,
    );
  });
  it('cut stream', () => {
    expect(parseFailure(() => inflateZlib(good.subarray(0, 40))).code).toBe('bad-compression');
  });
  it('cut checksum', () => {
    expect(parseFailure(() => inflateZlib(good.subarray(0, good.length - 2))).message).toMatch(
      /checksum missing/,
    );
  });
  it('checksum mismatch', () => {
    const bad = good.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
    expect(parseFailure(() => inflateZlib(bad)).message).toMatch(/checksum mismatch/);
  });
  it('block type 3', () => {
    expect(parseFailure(() => inflateRaw(new Uint8Array([0x07]))).message).toMatch(/block type 3/);
  });
  it('output limit', () => {
    const runs = fromBase64(CASES.find((c) => c.name.startsWith('long runs'))?.compressed ?? '');
    expect(parseFailure(() => inflateZlib(runs, 0, { maxOutput: 1000 })).message).toMatch(
      /exceeds 1000 bytes/,
    );
  });
  it('seeded random damage never escapes as another error', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const bad = good.slice();
      bad[Math.floor(next() * bad.length)] = Math.floor(next() * 256);
      try {
        inflateZlib(bad, 0, { maxOutput: 1 << 20 });
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
    }
  });
});
