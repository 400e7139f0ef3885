import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, getSchemaVersion, SCHEMA_VERSION } from './migrate.ts';
import { NEW_LIBRARY_PAGE_BYTES, openLibrary } from './openLibrary.ts';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'sts-lib-')), 'library.sqlite');

describe('library migrations', () => {
  it('creates a new library at the current schema version, in WAL mode, with STRICT tables', () => {
    const db = openLibrary(tempDb());
    expect(getSchemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'analysis_group_curves',
        'analysis_runs',
        'analysis_run_scopes',
        'classify_runs',
        'file_tags',
        'files',
        'grid_runs',
        'images',
        'import_runs',
        'labels',
        'series_edits',
        'session_files',
        'sessions',
        'spectra',
        'spectrum_exclusions',
        'spectrum_labels',
        'spectrum_results',
        'tags',
        'write_lock',
      ].sort(),
    );
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/);
    db.close();
  });

  it('creates a new library with the schema the migrations give an existing one, in 64 KiB pages', () => {
    const schemaOf = (db: Database.Database): unknown[] =>
      db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
    // An empty database file that exists already is migrated in place, step by step, in WAL mode.
    const migratedPath = tempDb();
    new Database(migratedPath).close();
    const migrated = openLibrary(migratedPath);
    const created = openLibrary(tempDb());
    expect(schemaOf(created)).toEqual(schemaOf(migrated));
    expect(schemaOf(created).length).toBeGreaterThan(30);
    // The same rows too (a step may insert some), sqlite_sequence included.
    const rowsOf = (db: Database.Database): Record<string, unknown[]> =>
      Object.fromEntries(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).map(
          (name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()],
        ),
      );
    expect(rowsOf(created)).toEqual(rowsOf(migrated));
    expect(Object.keys(rowsOf(created)).length).toBeGreaterThan(15);
    expect(getSchemaVersion(created)).toBe(SCHEMA_VERSION);
    expect(getSchemaVersion(migrated)).toBe(SCHEMA_VERSION);
    expect(created.pragma('page_size', { simple: true })).toBe(NEW_LIBRARY_PAGE_BYTES);
    expect(migrated.pragma('page_size', { simple: true })).toBe(4096);
    expect(created.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(created.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(created.pragma('foreign_keys', { simple: true })).toBe(1);
    migrated.close();
    created.close();
  });

  it('reopens an existing library without migrating again', () => {
    const path = tempDb();
    openLibrary(path).close();
    const db = openLibrary(path);
    expect(getSchemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a library written by a newer app and leaves it untouched', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openLibrary(path)).toThrow(DatabaseTooNewError);
    expect(() => openLibrary(path)).toThrow(/newer STS Workbench \(schema version \d+/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    check.close();
  });

  it('names a file that is not a database', async () => {
    const path = tempDb();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'this is a text file, not SQLite, and it is long enough to have a header page');
    expect(() => openLibrary(path)).toThrow(/: not an STS Workbench library/);
  });

  it('enforces STRICT column types', () => {
    const db = openLibrary(tempDb());
    expect(() => db.prepare('INSERT INTO tags (name) VALUES (?)').run(Buffer.from([1, 2]))).toThrow(
      /cannot store BLOB/,
    );
    db.close();
  });
});
