// An import through warmed-up parse workers (warmUp.ts: each worker reads a synthetic file until
// its first batch) records every file with its status and reason, bad files among good ones, with
// the counts `info --db --json` prints and curves equal to the files; a cancelled run records
// each file it read. Real workers, real SQLite files, seeded synthetic Nanonis sessions.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDatSession } from '../../testing/datSession.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { libraryCounts } from '../library/queries.ts';
import type { Database } from 'better-sqlite3';
import { parseFile } from '../../shared/formats/index.ts';
import { blobToFloat64 } from '../library/blobs.ts';
import { ImportRun } from './importRun.ts';
import type { ParseResponse } from './parseMessages.ts';
import { ParsePool, SOURCE_WORKER_URL } from './parsePool.ts';

const GOOD_FILES = 290;

const pools: ParsePool[] = [];
const libraries: Database[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  for (const db of libraries.splice(0)) db.close();
});

/** Seeded Nanonis files (two spectra each), a file with a bad number, an empty one, a text note. */
function writeSession(seed: number): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'sts-ckpt-import-')), 'session');
  mkdirSync(folder);
  const [first] = writeDatSession(folder, GOOD_FILES, seed);
  const badNumber = first!.replace(/\n(-?\d)([^\n]*)\n/, '\n$1$2\nbanana\t1\t2\n');
  writeFileSync(join(folder, 'sts0100-bad-number.dat'), badNumber);
  writeFileSync(join(folder, 'sts0200-empty.dat'), '');
  writeFileSync(join(folder, 'notes.txt'), 'tip changed after sts0150\n');
  return folder;
}

function newLibrary(): Database {
  const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-ckpt-db-')), 'library.sqlite'));
  libraries.push(db);
  return db;
}

function newPool(): ParsePool {
  const pool = new ParsePool(SOURCE_WORKER_URL, 2);
  pools.push(pool);
  return pool;
}

/** Every stored curve equals the parsed file's, bit for bit; returns how many were compared. */
function expectCurvesOfFiles(db: Database, session: string): number {
  const rows = db
    .prepare(
      'SELECT f.path AS path, f.name AS name, s.idx AS idx, s.bias AS bias, s.current AS current FROM spectra s JOIN files f ON f.id = s.file_id',
    )
    .all() as Array<{ path: string; name: string; idx: number; bias: Uint8Array; current: Uint8Array }>;
  for (const row of rows) {
    const bytes = readFileSync(row.path);
    const spectrum = parseFile(row.name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      .spectra[row.idx]!;
    expect(row.path.startsWith(session)).toBe(true);
    expect(Array.from(blobToFloat64(row.bias)), `${row.name} #${row.idx} bias`).toEqual(
      Array.from(spectrum.bias),
    );
    expect(Array.from(blobToFloat64(row.current)), `${row.name} #${row.idx} current`).toEqual(
      Array.from(spectrum.current),
    );
  }
  return rows.length;
}

describe('import outcomes through warmed-up workers', () => {
  it('records every file with its status and reason, bad files among good ones', async () => {
    const session = writeSession(42);
    const db = newLibrary();
    const progress = await new ImportRun({
      db,
      pool: newPool(),
      paths: [session],
      readerVersion: 'test',
      batchFiles: 37,
    }).done;
    expect(progress.state).toBe('done');
    expect(progress.report.imported).toBe(GOOD_FILES);
    expect(progress.report.failed.map(({ file }) => file)).toEqual([
      join(session, 'sts0100-bad-number.dat'),
      join(session, 'sts0200-empty.dat'),
    ]);
    expect(progress.report.failed[0]?.error).toMatch(/"banana" is not a number/);
    expect(progress.report.failed[1]?.error).toMatch(/empty/);
    expect(progress.report.skipped.map(({ file }) => file)).toEqual([join(session, 'notes.txt')]);
    // Each file once, with the status and reason the report gives.
    const files = db.prepare('SELECT name, status, error FROM files ORDER BY name').all() as Array<{
      name: string;
      status: string;
      error: string | null;
    }>;
    expect(files).toHaveLength(GOOD_FILES + 3);
    expect(files.filter((f) => f.status === 'imported')).toHaveLength(GOOD_FILES);
    expect(files.find((f) => f.name === 'sts0100-bad-number.dat')).toEqual({
      name: 'sts0100-bad-number.dat',
      status: 'failed',
      error: progress.report.failed[0]?.error,
    });
    expect(files.find((f) => f.name === 'notes.txt')?.status).toBe('skipped');
    expect(libraryCounts(db)).toEqual({
      files: GOOD_FILES + 3,
      imported: GOOD_FILES,
      skipped: 1,
      failed: 2,
      spectra: 2 * GOOD_FILES,
      images: 0,
      labels: {},
      runs: 0,
    });
    expect(expectCurvesOfFiles(db, session)).toBe(2 * GOOD_FILES);
  }, 120_000);

  it('a cancelled run records every file it read', async () => {
    const session = writeSession(7);
    const db = newLibrary();
    // Cancels once the 80th file is asked for (dispatch goes 8 files at a time, so it stops early).
    let asked = 0;
    let cancel = (): void => {};
    class CancellingPool extends ParsePool {
      override parse(path: string, name: string, bytes?: number): Promise<ParseResponse> {
        if (++asked === 80) cancel();
        return super.parse(path, name, bytes);
      }
    }
    const pool = new CancellingPool(SOURCE_WORKER_URL, 2);
    pools.push(pool);
    const run = new ImportRun({
      db,
      pool,
      paths: [session],
      readerVersion: 'test',
      batchFiles: 16,
      inFlight: 8,
    });
    cancel = () => run.cancel();
    const progress = await run.done;
    expect(progress.state).toBe('cancelled');
    expect(progress.report.files).toBeGreaterThanOrEqual(80);
    expect(progress.report.files).toBeLessThan(GOOD_FILES + 3);
    const counts = libraryCounts(db);
    expect(counts.files).toBe(progress.report.files);
    expect(counts.imported).toBe(progress.report.imported);
    expect(counts.failed).toBe(progress.report.failed.length);
    expect(counts.spectra).toBe(2 * counts.imported);
    expect(counts.imported + counts.failed + counts.skipped).toBe(progress.report.files);
  }, 120_000);
});
