// Every curve the import stores is the curve in the file, bit for bit, while the parse workers
// fill reused memory: BLOB chunks go back to the workers once their rows are written, a file's
// bytes are read into a buffer reused for the next file, and the write batches (here 37 files)
// cut across the workers' batches (16 files), so a chunk recycled too early would show as a wrong
// or missing curve. Seeded synthetic Nanonis files of several lengths (a chunk holds several
// files; larger files fill it sooner) and the real .dat files, through real workers and SQLite.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFile } from '../../shared/formats/index.ts';
import type { ParsedFile } from '../../shared/formats/types.ts';
import { writeDatSession } from '../../testing/datSession.ts';
import { realDataDir } from '../../testing/realData.ts';
import { blobToFloat64 } from '../library/blobs.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { ImportRun } from './importRun.ts';
import { ParsePool, SOURCE_WORKER_URL } from './parsePool.ts';

const pools: ParsePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

interface StoredSpectrum {
  name: string;
  idx: number;
  bias: Uint8Array;
  current: Uint8Array;
}

async function importAndCompare(folder: string, workers: number): Promise<number> {
  const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-blobs-db-')), 'library.sqlite'));
  const pool = new ParsePool(SOURCE_WORKER_URL, workers);
  pools.push(pool);
  const run = new ImportRun({ db, pool, paths: [folder], readerVersion: 'test', batchFiles: 37 });
  const progress = await run.done;
  expect(progress.state).toBe('done');
  expect(progress.report.failed).toEqual([]);
  const stored = db
    .prepare(
      'SELECT f.name AS name, s.idx AS idx, s.bias AS bias, s.current AS current FROM spectra s JOIN files f ON f.id = s.file_id',
    )
    .all() as StoredSpectrum[];
  db.close();
  let compared = 0;
  for (const name of readdirSync(folder)) {
    const bytes = readFileSync(join(folder, name));
    let parsed: ParsedFile;
    try {
      parsed = parseFile(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      continue; // not a file the import reads (its outcome is the import tests' business)
    }
    const mine = stored.filter((row) => row.name === name);
    expect(mine.length, name).toBe(parsed.spectra.length);
    for (const row of mine) {
      const spectrum = parsed.spectra[row.idx]!;
      // Bit for bit: the stored bytes are the parsed doubles (NaN included).
      expect(Buffer.from(blobToFloat64(row.bias).buffer), `${name} #${row.idx} bias`).toEqual(
        Buffer.from(spectrum.bias.buffer, spectrum.bias.byteOffset, spectrum.bias.byteLength),
      );
      expect(Buffer.from(blobToFloat64(row.current).buffer), `${name} #${row.idx} current`).toEqual(
        Buffer.from(spectrum.current.buffer, spectrum.current.byteOffset, spectrum.current.byteLength),
      );
      compared++;
    }
  }
  return compared;
}

describe('stored curves equal the files while the workers reuse their memory', () => {
  for (const [seed, workers] of [
    [7, 1],
    [1234, 2],
  ] as const) {
    it(`seed ${seed}, ${workers} worker(s): 300 synthetic files of 64, 512 and 2048 points`, async () => {
      const folder = join(mkdtempSync(join(tmpdir(), 'sts-blobs-')), 'session');
      mkdirSync(folder);
      writeDatSession(folder, 300, seed, (f) => [64, 512, 2048][f % 3]!);
      // Two spectra (forward, backward) per file.
      expect(await importAndCompare(folder, workers)).toBe(600);
    }, 120_000);
  }

  it('the real Nanonis .dat files, copied three times over', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'sts-blobs-real-')), 'session');
    mkdirSync(folder);
    const source = join(realDataDir(), 'nanonis-dat');
    // Copies differ by one trailing byte so that none is skipped as a duplicate of another.
    for (const name of readdirSync(source))
      for (let copy = 0; copy < 3; copy++) {
        const target = join(folder, `${copy}-${name}`);
        copyFileSync(join(source, name), target);
        writeFileSync(target, readFileSync(target).toString('latin1') + '\n'.repeat(copy), 'latin1');
      }
    expect(await importAndCompare(folder, 2)).toBeGreaterThan(0);
  }, 120_000);
});
