import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFiles } from '../../testing/realData.ts';
import { DETECT_HEAD_BYTES, detectFormat } from './detect.ts';
import type { FileFormat } from './types.ts';

const FOLDERS: Array<[string, FileFormat]> = [
  ['nanonis-dat', 'nanonis-dat'],
  ['nanonis-sxm', 'nanonis-sxm'],
  ['nanonis-3ds', 'nanonis-3ds'],
  ['text', 'text-iv'],
  ['rhk-sm4', 'rhk-sm4'],
  ['omicron-matrix', 'omicron-matrix'],
  ['gwyddion', 'gwyddion'],
  ['wsxm', 'wsxm'],
];

function head(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path)).subarray(0, DETECT_HEAD_BYTES);
}

function text(content: string): Uint8Array {
  return new TextEncoder().encode(content);
}

describe('detectFormat on every real file', () => {
  for (const [folder, format] of FOLDERS) {
    it(`${folder}: ${format}`, () => {
      for (const path of realFiles(folder))
        expect([basename(path), detectFormat(basename(path), head(path))]).toEqual([basename(path), format]);
    });
  }

  it('createc: .VERT spectra and .dat images told apart by their first line', () => {
    const found = realFiles('createc').map((path) => [
      basename(path),
      detectFormat(basename(path), head(path)),
    ]);
    expect(found).toEqual([
      ['A180201.151737.M0001.VERT', 'createc-vert'],
      ['A250407.141806.dat', 'createc-dat'],
      ['createc_ivt_telegraph_300mv_a.VERT', 'createc-vert'],
      ['createc_scan_preview_120nm.dat', 'createc-dat'],
      ['createc_vert_didz_image_state.VERT', 'createc-vert'],
    ]);
  });

  it('detects from a short head too (first 64 bytes)', () => {
    for (const [folder, format] of FOLDERS.filter(([f]) => f !== 'text')) {
      for (const path of realFiles(folder))
        expect(detectFormat(basename(path), head(path).subarray(0, 64))).toBe(format);
    }
  });
});

describe('detectFormat edge cases', () => {
  it('magic wins over the extension', () => {
    expect(detectFormat('renamed.txt', text('Experiment\tbias spectroscopy\t\n'))).toBe('nanonis-dat');
    expect(detectFormat('scan.dat', text('[Parameter]\r\nx=1'))).toBe('createc-dat');
  });

  it('a UTF-8 byte-order mark before a Nanonis header', () => {
    expect(detectFormat('a.dat', text('\uFEFFExperiment\tbias spectroscopy\t\n'))).toBe('nanonis-dat');
  });

  it('MATRIX data files by name when the head is cut', () => {
    expect(detectFormat('x--1_1.I(V)_mtrx', new Uint8Array(0))).toBe('omicron-matrix');
  });

  it('text tables need a text extension and numbers (or only comments so far)', () => {
    expect(detectFormat('iv.csv', text('V,I\n1,2\n'))).toBe('text-iv');
    expect(detectFormat('iv.csv', text('# header only\n# more\n'))).toBe('text-iv');
    expect(detectFormat('notes.txt', text('hello world\nnothing here\n'))).toBeNull();
    expect(detectFormat('iv.bin', text('1,2\n3,4\n'))).toBeNull();
    expect(detectFormat('iv.txt', new Uint8Array([49, 44, 50, 0, 10]))).toBeNull();
  });

  it('unknown and empty heads', () => {
    expect(detectFormat('x.sxm', new Uint8Array(0))).toBeNull();
    expect(detectFormat('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});
