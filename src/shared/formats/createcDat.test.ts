import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { parseCreatecDat } from './createcDat.ts';
import { ParseError } from './types.ts';

function readReal(name: string): Uint8Array {
  return new Uint8Array(readFileSync(realFile('createc', name)));
}

function failure(bytes: Uint8Array): ParseError {
  try {
    parseCreatecDat(bytes, 'bad.dat');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/** Raw float32 counts decoded once with python zlib + numpy ('<f4', first value skipped). */
const A_PER_COUNT = 20 / 2 ** 20 / 1e9;
const M_PER_Z_COUNT = 0.00037 * 10 * 1e-10;

describe('parseCreatecDat on the real files', () => {
  it('A250407.141806.dat: aborted 256 x 256 scan, 9 lines written, Z and Current both ways', () => {
    const parsed = parseCreatecDat(readReal('A250407.141806.dat'), 'A250407.141806.dat');
    expect(parsed.kind).toBe('image');
    expect(parsed.images.map((i) => `${i.channel}/${i.direction}/${i.unit}`)).toEqual([
      'Z/forward/m',
      'Current/forward/A',
      'Z/backward/m',
      'Current/backward/A',
    ]);
    const [z, current, zBack, currentBack] = parsed.images;
    expect(z?.data[0]).toBe(Math.fround(-404580.625 * M_PER_Z_COUNT));
    expect(current?.data[0]).toBe(Math.fround(8082.642578125 * A_PER_COUNT));
    expect(zBack?.data[8 * 256 + 255]).toBe(Math.fround(-401514.34375 * M_PER_Z_COUNT));
    expect(currentBack?.data[5 * 256 + 17]).toBe(Math.fround(8878.193359375 * A_PER_COUNT));
    expect(current?.data[9 * 256]).toBeNaN();
    expect(current?.data[256 * 256 - 1]).toBeNaN();
    expect(parsed.header['Lines written']).toBe('9 of 256');
    expect(z?.frame.width).toBeCloseTo(998.468e-10, 18);
    expect(z?.frame.centreX).toBeCloseTo(107692.6 * 0.00183 * 10 * 1e-10, 18);
    expect(parsed.acquiredAt).toBe('2025-04-07T14:18:06');
    expect(parsed.setpoint.biasV).toBeCloseTo(0.6538, 10);
    expect(parsed.setpoint.currentA).toBe(1.56e-10);
    expect(parsed.comment).toBe('LN2');
    expect(Object.keys(parsed.header).some((key) => key.includes('ICON'))).toBe(false);
  });

  it('createc_scan_preview_120nm.dat: 40 planes of 64 x 64 kept in DAC counts', () => {
    const parsed = parseCreatecDat(
      readReal('createc_scan_preview_120nm.dat'),
      'createc_scan_preview_120nm.dat',
    );
    expect(parsed.images).toHaveLength(40);
    expect(parsed.images[0]?.channel).toBe('Channel 1');
    expect(parsed.images[0]?.unit).toBe('DAC');
    expect(parsed.images[0]?.data[0]).toBe(-140437.375);
    expect(parsed.images[1]?.data[0]).toBe(-5612.94775390625);
    expect(parsed.images[39]?.data[64 * 64 - 1]).toBe(5493.62353515625);
    expect(parsed.images[20]?.data[10 * 64 + 30]).toBe(-142878.890625);
    expect(parsed.header['Lines written']).toBe('64 of 64');
    expect(parsed.acquiredAt).toBeNull();
  });
});

describe('parseCreatecDat on bad input', () => {
  const real = readReal('createc_scan_preview_120nm.dat');
  it('another Createc header version', () => {
    expect(failure(new TextEncoder().encode('[Parameter]\nA=1\nDATA')).message).toMatch(
      /only compressed \[Paramco32\]/,
    );
  });
  it('no data', () => {
    expect(failure(real.subarray(0, 2000)).code).toBe('missing-data-marker');
  });
  it('cut compressed data', () => {
    expect(failure(real.subarray(0, 30000)).code).toBe('bad-compression');
  });
  it('a count that is not a whole number from 1 names the key and what the file says', () => {
    const bytes = real.slice();
    const key = Buffer.from('Channels / Channels=4');
    const at = Buffer.from(bytes.buffer).indexOf(key);
    bytes[at + key.length - 1] = '0'.charCodeAt(0);
    expect(failure(bytes)).toMatchObject({
      code: 'bad-header',
      message: 'Channels is "00", not a positive whole number',
    });
  });
  it('more planes announced than stored', () => {
    const bytes = real.slice();
    const key = Buffer.from('Channels / Channels=40');
    const at = Buffer.from(bytes.buffer).indexOf(key);
    bytes[at + key.length - 2] = '8'.charCodeAt(0);
    expect(failure(bytes).message).toMatch(/80 planes of 64 x 64 float32 need/);
  });
});
