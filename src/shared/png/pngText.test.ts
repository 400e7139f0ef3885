import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, readPngText, withPngITxt } from './index.ts';

/** A width × height grey PNG built chunk by chunk (8-bit greyscale, filter 0 per row). */
function greyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): number[] => {
    const typed = new Uint8Array([...Array.from(type, (c) => c.charCodeAt(0)), ...data]);
    const be = (n: number): number[] => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    return [...be(data.length), ...typed, ...be(crc32(typed))];
  };
  const ihdr = new Uint8Array([0, 0, 0, width, 0, 0, 0, height, 8, 0, 0, 0, 0]);
  const raw = new Uint8Array((width + 1) * height).map((_, i) =>
    i % (width + 1) === 0 ? 0 : (i * 37) % 256,
  );
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlibSync(raw)),
    ...chunk('IEND', new Uint8Array()),
  ]);
}

/** The PNG as Python's zlib/struct read it (fixtures/readPngText.py): chunks, CRCs, text, pixels. */
function readWithPython(png: Uint8Array): {
  types: string[];
  texts: Array<{ type: string; keyword: string; text: string }>;
  pixelBytes: number;
} {
  const path = join(mkdtempSync(join(tmpdir(), 'sts-png-')), 'figure.png');
  writeFileSync(path, png);
  const run = spawnSync('python3', [join(import.meta.dirname, 'fixtures/readPngText.py'), path], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr || run.stdout);
  return JSON.parse(run.stdout) as ReturnType<typeof readWithPython>;
}

const provenance = JSON.stringify({
  app: 'STS Workbench',
  labels: ['core', 'crown-centre', 'ядро', '核心区域', 'Ø ± µ', 'Δf 🙂'],
  recipe: { derivative: { method: 'savgol', window: 15 } },
});

describe('crc32', () => {
  it('check value of the standard', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('withPngITxt', () => {
  it('writes an iTXt chunk after IHDR that an independent reader accepts', () => {
    const png = withPngITxt(greyPng(5, 3), 'sts-workbench', provenance);
    const back = readWithPython(png);
    expect(back.types).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(back.texts).toEqual([{ type: 'iTXt', keyword: 'sts-workbench', text: provenance }]);
    // The image itself is untouched: 3 rows of (1 filter + 5 pixel) bytes.
    expect(back.pixelBytes).toBe(18);
  });

  it('reads back with our reader, labels outside Latin-1 intact', () => {
    const texts = readPngText(withPngITxt(greyPng(2, 2), 'sts-workbench', provenance));
    expect(texts).toEqual([{ type: 'iTXt', keyword: 'sts-workbench', text: provenance }]);
    expect(JSON.parse(texts[0]!.text).labels).toContain('核心区域');
  });

  it('a damaged chunk is named', () => {
    const png = withPngITxt(greyPng(2, 2), 'sts-workbench', provenance);
    png[50] = png[50]! ^ 0xff;
    expect(() => readPngText(png)).toThrow(/PNG chunk iTXt at byte 33: CRC mismatch/);
  });

  it('refuses what is not a PNG, and a bad keyword', () => {
    expect(() => withPngITxt(new Uint8Array(40), 'k', 't')).toThrow('not a PNG');
    expect(() => withPngITxt(greyPng(1, 1), 'Schlüssel', 't')).toThrow(/printable ASCII/);
  });
});
