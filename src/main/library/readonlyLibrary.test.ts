// Libraries that cannot be written, on real read-only and full file systems (tmpfs mounts: as root,
// chmod stops nothing), and the wording of every library error (libraryErrors.ts).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindReadonly,
  MOUNT_UNAVAILABLE,
  mountTmpfs,
  remountReadonly,
  unmountAll,
} from '../../testing/mounts.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import type { SyntheticLibraryTruth } from '../../testing/syntheticLibrary.ts';
import { LibraryError, libraryApiError, libraryError, libraryErrorKind } from './libraryErrors.ts';
import Database from 'better-sqlite3';
import { DatabaseTooNewError, getSchemaVersion, SCHEMA_VERSION } from './migrate.ts';
import { openLibrary } from './openLibrary.ts';

afterEach(() => unmountAll());

/** A closed library of `files` synthetic files at `path`; returns its truth. */
function makeLibrary(path: string, files = 9): SyntheticLibraryTruth {
  const db = openLibrary(path);
  const truth = writeSyntheticLibrary(db, { files, points: 64, seed: files });
  db.close();
  return truth;
}

function counts(db: ReturnType<typeof openLibrary>): { spectra: number; labelled: number } {
  return {
    spectra: db.prepare('SELECT count(*) FROM spectra WHERE is_average = 0').pluck().get() as number,
    labelled: db.prepare('SELECT count(*) FROM spectrum_labels').pluck().get() as number,
  };
}

function thrown(fn: () => unknown): LibraryError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LibraryError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

const readOnlyCases: Array<{ name: string; setUp: () => { path: string; truth: SyntheticLibraryTruth } }> = [
  {
    // A write-protected card or a share mounted read-only: no -wal/-shm can be created either.
    name: 'read-only file system',
    setUp: () => {
      const dir = mountTmpfs('8m');
      const path = join(dir, 'library.sqlite');
      const truth = makeLibrary(path);
      remountReadonly(dir);
      return { path, truth };
    },
  },
  {
    // The folder is read-only (bind mount), the library inside it too.
    name: 'read-only folder',
    setUp: () => {
      const source = mkdtempSync(join(tmpdir(), 'sts-ro-src-'));
      const truth = makeLibrary(join(source, 'library.sqlite'));
      const view = mkdtempSync(join(tmpdir(), 'sts-ro-view-'));
      bindReadonly(source, view);
      return { path: join(view, 'library.sqlite'), truth };
    },
  },
  {
    // Only the file is read-only; its folder is writable (SQLite may create its -shm there).
    name: 'read-only file',
    setUp: () => {
      const dir = mkdtempSync(join(tmpdir(), 'sts-ro-file-'));
      const path = join(dir, 'library.sqlite');
      const truth = makeLibrary(path);
      bindReadonly(path, path);
      return { path, truth };
    },
  },
];

describe.skipIf(MOUNT_UNAVAILABLE !== null)('a library that cannot be written', () => {
  for (const { name, setUp } of readOnlyCases) {
    it(`${name}: opening for writing names the path and says read-only; reading opens it read-only`, () => {
      const { path, truth } = setUp();
      const refused = thrown(() => openLibrary(path));
      expect(refused.kind).toBe('read-only');
      expect(refused.message).toContain(`library ${path}: read-only`);

      const db = openLibrary(path, { readonlyIfNeeded: true });
      expect(db.readonly).toBe(true);
      const labelled = Object.values(truth.labels).reduce((a, b) => a + b, 0);
      expect(counts(db)).toEqual({ spectra: truth.spectra, labelled });
      let writeError: unknown;
      try {
        db.prepare("INSERT INTO labels (name, colour) VALUES ('x', '#000000')").run();
      } catch (error) {
        writeError = error;
      }
      expect(libraryError(path, writeError).kind).toBe('read-only');
      db.close();
      // Asked for read-only outright, it opens the same way.
      const again = openLibrary(path, { readonly: true });
      expect(counts(again).spectra).toBe(truth.spectra);
      again.close();
    });
  }

  it('a read-only library written by the previous version opens from a migrated private copy, untouched', () => {
    // Schema version 13 (before each result kept its current noise), in a read-only folder.
    const source = mkdtempSync(join(tmpdir(), 'sts-ro-old-'));
    const truth = makeLibrary(join(source, 'library.sqlite'));
    const old = new Database(join(source, 'library.sqlite'));
    old.exec('ALTER TABLE spectrum_results DROP COLUMN current_noise_raise');
    old.pragma('user_version = 13');
    old.close();
    const view = mkdtempSync(join(tmpdir(), 'sts-ro-old-view-'));
    bindReadonly(source, view);
    const path = join(view, 'library.sqlite');
    expect(thrown(() => openLibrary(path)).kind).toBe('read-only');
    const db = openLibrary(path, { readonlyIfNeeded: true });
    expect(db.readonly).toBe(true);
    expect(getSchemaVersion(db)).toBe(SCHEMA_VERSION);
    const labelled = Object.values(truth.labels).reduce((a, b) => a + b, 0);
    expect(counts(db)).toEqual({ spectra: truth.spectra, labelled });
    db.prepare('SELECT current_noise_raise FROM spectrum_results LIMIT 1').all();
    db.close();
    // The original's header still says 13 (user_version: bytes 60–63, big-endian); a read-only
    // folder has no -shm for a second connection to read it through SQLite.
    expect(readFileSync(path).readUInt32BE(60)).toBe(13);
    // Nothing was left in the temporary folder.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('sts-readonly-'))).toEqual([]);
  });

  it('disk full before the library exists: an error naming the path, and no file without tables', () => {
    // 48 KiB: room for SQLite to start the file, not for the schema (about 60 pages of 4 KiB).
    const dir = mountTmpfs('48k');
    const path = join(dir, 'library.sqlite');
    const full = thrown(() => openLibrary(path));
    expect(full.kind).toBe('disk-full');
    expect(full.message).toContain(`library ${path}: disk full`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a disk with room creates the library in one step: the final path appears with all its tables', () => {
    const dir = mountTmpfs('4m');
    const path = join(dir, 'library.sqlite');
    const db = openLibrary(path);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'spectra'").pluck().get()).toBe(1);
    db.close();
    expect(readdirSync(dir)).toEqual(['library.sqlite']);
  });
});

describe('library errors name the path and the cause', () => {
  const path = '/data/lab/library.sqlite';
  const cases: Array<[string, unknown, string, string]> = [
    [
      'SQLITE_READONLY',
      Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
      'read-only',
      'read-only',
    ],
    [
      'SQLITE_READONLY_DBMOVED',
      Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY_DBMOVED' }),
      'read-only',
      'read-only',
    ],
    [
      'EROFS',
      Object.assign(new Error("EROFS: read-only file system, open '/x'"), { code: 'EROFS' }),
      'read-only',
      'read-only',
    ],
    [
      'SQLITE_FULL',
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      'disk-full',
      'disk full',
    ],
    [
      'ENOSPC',
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
      'disk-full',
      'disk full',
    ],
    [
      'SQLITE_BUSY',
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      'locked',
      'locked',
    ],
    [
      'SQLITE_LOCKED_SHAREDCACHE',
      Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED_SHAREDCACHE' }),
      'locked',
      'locked',
    ],
    [
      'SQLITE_NOTADB',
      Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }),
      'not-a-library',
      'not an STS Workbench library',
    ],
    [
      'SQLITE_CANTOPEN',
      Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }),
      'cannot-open',
      'cannot open',
    ],
  ];
  for (const [name, error, kind, words] of cases) {
    it(`${name} → ${kind}`, () => {
      expect(libraryErrorKind(error)).toBe(kind);
      const worded = libraryError(path, error);
      expect(worded.kind).toBe(kind);
      expect(worded.message).toContain(`library ${path}: ${words}`);
      // The API transports answer SQLite's errors with the kind as the error code (a file-system
      // error met by a request is about the file the request named, not the library).
      expect(libraryApiError(path, error)?.code).toBe(name.startsWith('SQLITE_') ? kind : undefined);
    });
  }

  it('a newer schema keeps its own message (it names the path and the version)', () => {
    const error = new DatabaseTooNewError(path, 99);
    expect(libraryErrorKind(error)).toBe('newer-schema');
    expect(libraryError(path, error).message).toContain(`${path} was written by a newer STS Workbench`);
  });

  it("an error that is not the library's is not reworded for the API", () => {
    expect(libraryApiError(path, new TypeError('x is undefined'))).toBeNull();
    expect(libraryApiError(path, Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBeNull();
  });

  it('a real lock: a write while another connection holds the write lock is "locked"', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-locked-')), 'library.sqlite');
    const holder = openLibrary(dbPath);
    const other = openLibrary(dbPath);
    other.pragma('busy_timeout = 0');
    holder.exec('BEGIN IMMEDIATE');
    let caught: unknown;
    try {
      other.prepare("INSERT INTO labels (name, colour) VALUES ('x', '#000000')").run();
    } catch (error) {
      caught = error;
    }
    holder.exec('ROLLBACK');
    expect(libraryError(dbPath, caught).message).toContain(`library ${dbPath}: locked`);
    holder.close();
    other.close();
  });

  it('an injected open failure (the folder is a file) names the path and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-notdir-'));
    writeFileSync(join(dir, 'plain'), 'a file where the folder should be');
    const dbPath = join(dir, 'plain', 'library.sqlite');
    const error = thrown(() => openLibrary(dbPath));
    expect(error.message).toContain(`library ${dbPath}:`);
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it('a file that is not a library is refused by name, and the file is left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-notadb-'));
    mkdirSync(join(dir, 'sub'));
    const dbPath = join(dir, 'sub', 'notes.sqlite');
    copyFileSync(new URL(import.meta.url).pathname, dbPath);
    expect(thrown(() => openLibrary(dbPath, { readonlyIfNeeded: true })).kind).toBe('not-a-library');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['notes.sqlite']);
  });
});
