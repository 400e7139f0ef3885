// scanPaths hands on the files it has listed between chunks of stat calls (onListed), so an import
// parses the first files of a large folder while the scan stats the rest. What it hands on is
// always a prefix of the final, depth-first sorted list; links and subfolders keep their places.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPaths } from './scanPaths.ts';

/** 600 files, a subfolder sorted among them (its 300 files), and a link to the 10th file. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'sts-scan-listed-'));
  for (let i = 0; i < 600; i++) writeFileSync(join(root, `f${String(i).padStart(3, '0')}.dat`), `${i}\n`);
  mkdirSync(join(root, 'f300-sub'));
  for (let i = 0; i < 300; i++)
    writeFileSync(join(root, 'f300-sub', `g${String(i).padStart(3, '0')}.dat`), `${i}\n`);
  symlinkSync(join(root, 'f010.dat'), join(root, 'f599-link.dat'));
  return root;
}

describe('scanPaths onListed', () => {
  it('hands on growing prefixes of the final list, chunk by chunk, and ends with the whole list', async () => {
    const root = tree();
    const plain = await scanPaths([root]);
    const seen: string[][] = [];
    const streamed = await scanPaths([root], { onListed: (files) => seen.push(files.map((f) => f.path)) });
    expect(streamed).toEqual(plain);
    expect(plain.files).toHaveLength(900);
    expect(plain.skipped.map((s) => s.file)).toEqual([join(root, 'f599-link.dat')]);
    const final = plain.files.map((f) => f.path);
    // Several hand-ons before the end (chunks of 256 stat calls), each a prefix of the next.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen[0]!.length).toBeLessThan(final.length);
    for (const [i, prefix] of seen.entries()) {
      expect(final.slice(0, prefix.length)).toEqual(prefix);
      if (i > 0) expect(prefix.length).toBeGreaterThanOrEqual(seen[i - 1]!.length);
    }
    expect(seen.at(-1)).toEqual(final);
  });
});
