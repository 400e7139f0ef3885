// Opens (creating if needed) one library file: WAL so readers never wait for the importer,
// foreign keys on so deleting a file deletes its spectra and images.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate } from './migrate.ts';

export function openLibrary(path: string): Db {
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  let db: Db;
  try {
    db = new Database(absolute);
  } catch (error) {
    throw new Error(
      `cannot open library ${absolute}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, absolute);
  } catch (error) {
    db.close();
    if (error instanceof Error && /file is not a database/.test(error.message)) {
      throw new Error(`${absolute} is not an STS Workbench library (not an SQLite database)`, {
        cause: error,
      });
    }
    throw error;
  }
  return db;
}
