// readWhole gives a file's bytes whatever size it is told: the import passes the size its scan
// found, and a file may have grown or shrunk since (a copy still running, a file rewritten).
// Checked against readFileSync on seeded random contents of sizes around the reused buffer's.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWhole } from './readWhole.ts';

const dir = mkdtempSync(join(tmpdir(), 'sts-readwhole-'));

function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

/** Sizes around the reused buffer (64 KiB) and a few that make it grow. */
const SIZES = [0, 1, 4095, 20_992, 65_535, 65_536, 65_537, 200_001, 1 << 20];

describe('readWhole', () => {
  it('reads every file whole with no size, the right size, or a stale one', () => {
    let seed = 7;
    for (const size of SIZES) {
      const path = join(dir, `f${size}.bin`);
      const content = seededBytes(size, seed++);
      writeFileSync(path, content);
      const expected = readFileSync(path);
      // 0 = not known (fstat); the true size; smaller (the file grew); larger (it shrank).
      for (const told of [0, size, Math.max(1, size >> 1), 1, size + 1, size * 3 + 100]) {
        const got = readWhole(path, told);
        expect([size, told, got.length]).toEqual([size, told, expected.length]);
        expect(Buffer.from(got.buffer, got.byteOffset, got.length).equals(expected)).toBe(true);
      }
    }
  });

  it('a throwing path (missing file) leaves later reads intact', () => {
    expect(() => readWhole(join(dir, 'missing.bin'), 10)).toThrow(/ENOENT/);
    const path = join(dir, 'after.bin');
    writeFileSync(path, seededBytes(1000, 99));
    expect(Buffer.from(readWhole(path, 1000)).equals(readFileSync(path))).toBe(true);
  });
});
