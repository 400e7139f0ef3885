// Opens (creating if needed) one library file: WAL so readers never wait for the importer,
// foreign keys on so deleting a file deletes its spectra and images. A new library is built in a
// temporary file beside it and linked into place only once its tables exist, so a full disk never
// leaves a library file without tables. Read-only opening serves export, browsing and dry runs of
// a library on a read-only disk. Every failure names the path and says what is wrong
// (libraryErrors.ts: read-only, disk full, locked, not a library, newer schema).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { LibraryError, libraryError, libraryErrorKind } from './libraryErrors.ts';
import { DatabaseTooNewError, getSchemaVersion, migrate, SCHEMA_VERSION } from './migrate.ts';
import { markInterruptedRuns } from './writeLock.ts';

export { libraryError } from './libraryErrors.ts';

export interface OpenLibraryOptions {
  /** Open without writing anything (the library must exist at the current schema version). */
  readonly?: boolean;
  /**
   * Open read-only when the library cannot be written (read-only file, folder or disk) instead of
   * failing: the reading commands (export, serve, analyze --dry-run). `db.readonly` tells which.
   */
  readonlyIfNeeded?: boolean;
}

/** Why the file (or, for its -wal/-shm, its folder) cannot be written, or null if it can. */
function writeRefusal(absolute: string): NodeJS.ErrnoException | null {
  for (const target of [absolute, dirname(absolute)]) {
    try {
      // access(W_OK) answers EROFS on a read-only mount even for root; EACCES for permissions.
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return error as NodeJS.ErrnoException;
    }
  }
  return null;
}

function checkSchema(db: Db, absolute: string): void {
  const found = getSchemaVersion(db);
  if (found !== SCHEMA_VERSION) {
    throw new LibraryError(
      found > SCHEMA_VERSION ? 'newer-schema' : 'read-only',
      absolute,
      `library ${absolute}: schema version ${found}, this app reads ${SCHEMA_VERSION}` +
        (found > SCHEMA_VERSION
          ? ': it was written by a newer STS Workbench; update the app to open it'
          : '; open it once with write access to update it'),
    );
  }
}

/**
 * A WAL library in a folder where its -shm cannot be created cannot be read in place (SQLite needs
 * the shared-memory file, or the `immutable` URI flag, which better-sqlite3 is built without). It is
 * read from a private copy instead: the copy's header says rollback journal (bytes 18–19 = 1) and
 * the copy is unlinked once open, so nothing is left behind and the original is never touched.
 */
function openPrivateCopy(absolute: string): Db {
  const wal = `${absolute}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new LibraryError(
      'read-only',
      absolute,
      `library ${absolute}: read-only, and its unfinished writes (${basename(wal)}) cannot be read without its -shm file; open it once with write access`,
    );
  return openTemporaryCopy(absolute, (copy) => {
    const fd = openSync(copy, 'r+');
    try {
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    } finally {
      closeSync(fd);
    }
  });
}

/**
 * A read-only library written by an older STS Workbench (schema version below this app's) is read
 * from a private copy brought up to date: copied with its unfinished writes (-wal) into a temporary
 * folder, migrated there (migrate: SQL only, nothing beside the copy), reopened read-only and
 * unlinked once open. The original is never touched; the copy costs its size in the temporary
 * folder while open.
 */
function openMigratedCopy(absolute: string): Db {
  return openTemporaryCopy(absolute, (copy) => {
    const wal = `${absolute}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) copyFileSync(wal, `${copy}-wal`);
    const writable = new Database(copy, { fileMustExist: true });
    try {
      // The -wal is folded in and the copy left in rollback mode: read-only, it needs no -shm.
      writable.pragma('journal_mode = DELETE');
      migrate(writable, absolute);
    } finally {
      writable.close();
    }
  });
}

/**
 * The library at `absolute` copied into a new temporary folder, the copy changed by `prepare` (given
 * its path), then opened read-only and the folder removed (the open copy lives on, unlinked, until
 * it is closed).
 */
function openTemporaryCopy(absolute: string, prepare: (copy: string) => void): Db {
  const folder = mkdtempSync(join(tmpdir(), 'sts-readonly-'));
  const copy = join(folder, basename(absolute));
  try {
    copyFileSync(absolute, copy);
    prepare(copy);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function openReadonly(absolute: string): Db {
  let db: Db;
  try {
    db = new Database(absolute, { readonly: true, fileMustExist: true });
    // The first read opens the -wal/-shm: a read-only folder without them fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (libraryErrorKind(error) !== 'cannot-open' || !existsSync(absolute))
      throw libraryError(absolute, error);
    try {
      db = openPrivateCopy(absolute);
    } catch (copyError) {
      throw libraryError(absolute, copyError);
    }
  }
  try {
    db.pragma('busy_timeout = 5000');
    const found = getSchemaVersion(db);
    if (found >= 1 && found < SCHEMA_VERSION) {
      db.close();
      db = openMigratedCopy(absolute);
    }
    checkSchema(db, absolute);
  } catch (error) {
    db.close();
    throw libraryError(absolute, error);
  }
  return db;
}

/** WAL bytes after which a commit checkpoints (see configure). */
const WAL_CHECKPOINT_BYTES = 4 << 20;

function configure(db: Db, absolute: string): void {
  // Wait for another process's write (or its migration) rather than fail at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoint every ~4 MB of WAL, whatever the page size (SQLite's default is 1,000 pages: 4 MB
  // of 4 KiB pages but 64 MB of 64 KiB ones, which left a whole import's checkpoint to the close,
  // ~175 ms with nothing to overlap it; spread over the commits, the parse workers run meanwhile).
  const pageBytes = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(16, Math.round(WAL_CHECKPOINT_BYTES / pageBytes))}`);
  db.pragma('foreign_keys = ON');
  migrate(db, absolute);
}

function removeWithJournals(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Page size of a new library, bytes. A spectrum row (two 512-point float64 curves, ~8.3 kB) fits
 * whole in a 64 KiB page, seven to a page: importing 2,000 such files writes ~670 pages instead
 * of ~9,700 4 KiB pages with their overflow chains (each written twice, to the WAL and at the
 * checkpoint: 31,500 pwrite calls per import), which took the main thread's write from ~170 to
 * ~115 µs per file on the build machine. Existing libraries keep the page size they were made with.
 */
export const NEW_LIBRARY_PAGE_BYTES = 65536;

/**
 * Creates the tables of a new library in `db`, a private temporary file: no journal while the
 * migrations run (nobody else can see the file, and it is deleted if anything fails, so there is
 * nothing to roll back to), then WAL for every later open. The migrations run as they do on an
 * existing library, but all in one transaction (each step a savepoint): each step's commit wrote
 * the schema's pages again (creating the file took 17.4 ms, now 11.7: medians of 15, build machine). Foreign keys are
 * off for the whole of it, as migrate() turns them off around its steps (the pragma cannot change
 * inside a transaction).
 */
function createTables(db: Db, absolute: string): void {
  db.pragma(`page_size = ${NEW_LIBRARY_PAGE_BYTES}`);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.transaction(() => migrate(db, absolute))();
  db.pragma('journal_mode = WAL');
}

/**
 * Creates the library's tables in a temporary file in the same folder and links it into place:
 * the path holds either nothing or a complete library. If another process created the library
 * meanwhile, its file wins and ours is discarded.
 */
function createAtomically(absolute: string): void {
  const temp = join(
    dirname(absolute),
    `.${basename(absolute)}.${process.pid}.${randomBytes(4).toString('hex')}.creating`,
  );
  try {
    const db = new Database(temp);
    try {
      createTables(db, absolute);
    } finally {
      db.close();
    }
    // Written without syncs: on disk before its name is (one fsync instead of one per migration).
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // File systems without hard links (FAT, exFAT): rename, if nobody created it meanwhile.
      if (existsSync(absolute)) return;
      renameSync(temp, absolute);
    }
  } finally {
    removeWithJournals(temp);
  }
}

export function openLibrary(path: string, options: OpenLibraryOptions = {}): Db {
  const absolute = resolve(path);
  if (options.readonly) return openReadonly(absolute);
  const refusal = existsSync(absolute) ? writeRefusal(absolute) : null;
  if (refusal) {
    if (options.readonlyIfNeeded) return openReadonly(absolute);
    throw libraryError(absolute, refusal);
  }
  let db: Db;
  try {
    if (!existsSync(absolute)) {
      mkdirSync(dirname(absolute), { recursive: true });
      createAtomically(absolute);
    }
    db = new Database(absolute, { fileMustExist: true });
  } catch (error) {
    if (options.readonlyIfNeeded && libraryErrorKind(error) === 'read-only' && existsSync(absolute))
      return openReadonly(absolute);
    throw libraryError(absolute, error);
  }
  try {
    configure(db, absolute);
    markInterruptedRuns(db);
  } catch (error) {
    db.close();
    if (error instanceof DatabaseTooNewError) throw error;
    if (options.readonlyIfNeeded && libraryErrorKind(error) === 'read-only') return openReadonly(absolute);
    throw libraryError(absolute, error);
  }
  return db;
}
