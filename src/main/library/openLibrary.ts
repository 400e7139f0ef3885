// Opens (creating if needed) one library file: WAL so readers never wait for the importer,
// foreign keys on so deleting a file deletes its spectra and images. Read-only opening serves
// export, browsing and dry runs of a library on a read-only disk. Every failure names the path and
// says what is wrong (read-only, disk full, locked, not a library).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getSchemaVersion, migrate, SCHEMA_VERSION } from './migrate.ts';
import { markInterruptedRuns } from './writeLock.ts';

export interface OpenLibraryOptions {
  /** Open without writing anything (the library must exist at the current schema version). */
  readonly?: boolean;
}

/** A library error naming the path and the cause in words. */
export function libraryError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  let why = message;
  if (/file is not a database/.test(message) || code === 'SQLITE_NOTADB') {
    why = 'not an STS Workbench library (not an SQLite database)';
  } else if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES') {
    why = `read-only (${message}); open it read-only (export, serve) or copy it to a writable disk`;
  } else if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    why = `disk full (${message})`;
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    why = `locked by another process (${message})`;
  } else if (code.startsWith('SQLITE_CANTOPEN')) {
    why = `cannot open (${message}): the folder may be missing, read-only or not accessible`;
  }
  if (why.startsWith(path)) return new Error(why, { cause: error });
  return new Error(`library ${path}: ${why}`, { cause: error });
}

function openReadonly(absolute: string): Db {
  let db: Db;
  try {
    db = new Database(absolute, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw libraryError(absolute, error);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const found = getSchemaVersion(db);
    if (found !== SCHEMA_VERSION) {
      throw new Error(
        `schema version ${found}, this app reads ${SCHEMA_VERSION}; open it once with write access to update it`,
      );
    }
  } catch (error) {
    db.close();
    throw libraryError(absolute, error);
  }
  return db;
}

export function openLibrary(path: string, options: OpenLibraryOptions = {}): Db {
  const absolute = resolve(path);
  if (options.readonly) return openReadonly(absolute);
  let db: Db;
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    db = new Database(absolute);
  } catch (error) {
    throw libraryError(absolute, error);
  }
  try {
    // Wait for another process's write (or its migration) rather than fail at once.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, absolute);
    markInterruptedRuns(db);
  } catch (error) {
    db.close();
    if (error instanceof Error && error.name === 'DatabaseTooNewError') throw error;
    throw libraryError(absolute, error);
  }
  return db;
}
