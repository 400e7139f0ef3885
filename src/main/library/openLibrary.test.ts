// Opening libraries that cannot be written, and errors that name the path and the cause.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryError, openLibrary } from './openLibrary.ts';
import { SCHEMA_VERSION } from './migrate.ts';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'sts-open-')), 'library.sqlite');

describe('openLibrary', () => {
  it('opens a library read-only: reads work, a write fails with the path and "read-only"', () => {
    const path = tempDb();
    const writable = openLibrary(path);
    writable.prepare("INSERT INTO labels (name, colour) VALUES ('core', '#d62728')").run();
    writable.close();
    const db = openLibrary(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM labels').pluck().all()).toEqual(['core']);
    let caught: unknown;
    try {
      db.prepare("INSERT INTO labels (name, colour) VALUES ('x', '#000000')").run();
    } catch (error) {
      caught = libraryError(path, error);
    }
    expect(String(caught)).toContain(`library ${path}: read-only`);
    db.close();
  });

  it('refuses to open a missing library read-only, naming the path', () => {
    const path = tempDb();
    expect(() => openLibrary(path, { readonly: true })).toThrow(path);
  });

  it('names the path when the file is not a library', () => {
    const path = tempDb();
    writeFileSync(path, 'not sqlite at all, just text that is long enough to have a header'.repeat(20));
    expect(() => openLibrary(path)).toThrow(`library ${path}: not an STS Workbench library`);
  });

  it('marks a run left running by a dead process as interrupted when the library opens', () => {
    const path = tempDb();
    const db = openLibrary(path);
    // pid 2^22 + 1 is above Linux's pid_max limit: no such process can exist.
    db.prepare(
      "INSERT INTO import_runs (started_at, roots_json, state, pid, host) VALUES ('2024-01-01', '[]', 'running', ?, ?)",
    ).run(4_194_305, hostname());
    db.close();
    const reopened = openLibrary(path);
    expect(reopened.prepare('SELECT state FROM import_runs').pluck().all()).toEqual(['interrupted']);
    reopened.close();
  });
});
