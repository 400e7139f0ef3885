// WAL checkpoints done by the parse workers during an import (walCheckpoint.ts): a worker asked
// with a batch copies the committed pages into the database file while the writer's own threshold
// is raised (so only the worker can have copied them); an import with them stores exactly what one
// without them stores: every file's status and error (bad files among good ones), the counts
// `info --db --json` prints, every curve bit for bit; a cancelled run records each file it read and
// leaves the library's checkpoint threshold as it found it. Real workers, real SQLite files.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNanonisDat } from '../../../scripts/nanonis/writeNanonisDat.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { libraryCounts } from '../library/queries.ts';
import Database from 'better-sqlite3';
import { checkpointWal, FALLBACK_FACTOR, handOverCheckpoints } from '../library/walCheckpoint.ts';
import { ImportRun } from './importRun.ts';
import type { ParseResponse } from './parseMessages.ts';
import { ParsePool, SOURCE_WORKER_URL } from './parsePool.ts';

const GOOD_FILES = 290;

const pools: ParsePool[] = [];
const libraries: Database.Database[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  for (const db of libraries.splice(0)) db.close();
});

/** Seeded Nanonis files (two spectra each), a file with a bad number, an empty one, a text note. */
function writeSession(seed: number): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'sts-ckpt-import-')), 'session');
  mkdirSync(folder);
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let badNumber = '';
  for (let f = 0; f < GOOD_FILES; f++) {
    // 1,024 points: ~33 kB of rows per file, ~9.5 MB in all, so the run asks for checkpoints.
    const bias = Float64Array.from({ length: 1024 }, (_, i) => -1 + (2 * i) / 1023);
    const noisy = (): Float64Array =>
      Float64Array.from(bias, (v) => 1e-10 * Math.sinh(3 * v) + 1e-12 * (random() - 0.5));
    const text = writeNanonisDat({
      x: random() * 1e-7,
      y: random() * 1e-7,
      bias,
      sweeps: [{ forward: noisy(), backward: noisy() }],
      date: '21.11.2026 10:00:00',
    });
    if (f === 0) badNumber = text.replace(/\n(-?\d)([^\n]*)\n/, '\n$1$2\nbanana\t1\t2\n');
    writeFileSync(join(folder, `sts${String(f).padStart(4, '0')}.dat`), text);
  }
  writeFileSync(join(folder, 'sts0100-bad-number.dat'), badNumber);
  writeFileSync(join(folder, 'sts0200-empty.dat'), '');
  writeFileSync(join(folder, 'notes.txt'), 'tip changed after sts0150\n');
  return folder;
}

function newLibrary(): Database.Database {
  const db = openLibrary(join(mkdtempSync(join(tmpdir(), 'sts-ckpt-db-')), 'library.sqlite'));
  libraries.push(db);
  return db;
}

function newPool(): ParsePool {
  const pool = new ParsePool(SOURCE_WORKER_URL, 2);
  pools.push(pool);
  return pool;
}

/** What the library holds per file and per spectrum, ids and import times left out. */
function stored(db: Database.Database): { files: unknown[]; spectra: unknown[] } {
  return {
    files: db
      .prepare(
        'SELECT path, name, size, sha256, format, kind, status, error, not_iv, header_json, pos_x, pos_y FROM files ORDER BY path',
      )
      .all(),
    spectra: db
      .prepare(
        `SELECT f.path AS path, s.idx, s.direction, s.points, s.bias_min, s.bias_max, s.x, s.y,
          s.bias, s.current, s.extra FROM spectra s JOIN files f ON f.id = s.file_id ORDER BY f.path, s.idx`,
      )
      .all(),
  };
}

describe('WAL checkpoints in the parse workers', () => {
  it('a worker asked with a batch copies the committed pages into the database file', async () => {
    const db = newLibrary();
    const threshold = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const restore = handOverCheckpoints(db)!;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold * FALLBACK_FACTOR);
    const insert = db.prepare('INSERT INTO filler (data) VALUES (?)');
    // ~3.3 MB in three commits: far below the raised threshold, so the writer copies nothing.
    for (let commit = 0; commit < 3; commit++)
      db.transaction(() => {
        for (let i = 0; i < 64; i++) insert.run(Buffer.alloc(16384, commit + i));
      })();
    const before = statSync(db.name).size;
    const pool = newPool();
    pool.requestCheckpoint(db.name);
    const session = writeSession(3);
    const response = await pool.parse(join(session, 'sts0000.dat'), 'sts0000.dat');
    expect(response.ok).toBe(true);
    // The worker checkpoints after answering: wait for the file to hold the pages.
    while (statSync(db.name).size < before + 192 * 16384)
      await new Promise((resolve) => setTimeout(resolve, 5));
    restore();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
    const reader = new Database(db.name, { readonly: true });
    libraries.push(reader);
    expect(reader.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM filler').get()).toEqual({
      n: 192,
      bytes: 192 * 16384,
    });
  }, 60_000);

  it('nothing to hand over or checkpoint without a WAL library file', () => {
    const memory = new Database(':memory:');
    libraries.push(memory);
    expect(handOverCheckpoints(memory)).toBeNull();
    expect(checkpointWal(join(mkdtempSync(join(tmpdir(), 'sts-ckpt-none-')), 'none.sqlite'))).toBe(false);
  });

  it('an import stores what an import without them stores, bad files included', async () => {
    const session = writeSession(42);
    const withWorker = newLibrary();
    const without = newLibrary();
    const threshold = withWorker.pragma('wal_autocheckpoint', { simple: true });
    const [a, b] = await Promise.all([
      new ImportRun({
        db: withWorker,
        pool: newPool(),
        paths: [session],
        readerVersion: 'test',
        batchFiles: 37,
      }).done,
      new ImportRun({
        db: without,
        pool: newPool(),
        paths: [session],
        readerVersion: 'test',
        batchFiles: 37,
        checkpointInWorkers: false,
      }).done,
    ]);
    expect(a.state).toBe('done');
    expect(a.report).toEqual(b.report);
    expect(a.report.failed.map(({ file }) => file)).toEqual([
      join(session, 'sts0100-bad-number.dat'),
      join(session, 'sts0200-empty.dat'),
    ]);
    expect(a.report.failed[0]?.error).toMatch(/banana/);
    expect(a.report.skipped.map(({ file }) => file)).toEqual([join(session, 'notes.txt')]);
    expect(libraryCounts(withWorker)).toEqual({
      files: GOOD_FILES + 3,
      imported: GOOD_FILES,
      skipped: 1,
      failed: 2,
      spectra: 2 * GOOD_FILES,
      images: 0,
      labels: {},
      runs: 0,
    });
    expect(libraryCounts(withWorker)).toEqual(libraryCounts(without));
    expect(stored(withWorker)).toEqual(stored(without));
    expect(withWorker.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
  }, 120_000);

  it('a cancelled run records every file it read and puts the threshold back', async () => {
    const session = writeSession(7);
    const db = newLibrary();
    const threshold = db.pragma('wal_autocheckpoint', { simple: true });
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
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
  }, 120_000);
});
