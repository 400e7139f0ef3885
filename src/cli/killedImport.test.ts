// An import killed at any moment leaves a consistent library: each file is written whole or not
// at all, and the next import finishes the job with the same result as an uninterrupted one.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile } from '../testing/realData.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');

function counts(db: string): { files: number; spectra: number; integrity: string } {
  const handle = new Database(db, { readonly: true });
  const n = (sql: string): number => (handle.prepare(sql).get() as { n: number }).n;
  const result = {
    files: n("SELECT count(*) AS n FROM files WHERE status = 'imported'"),
    spectra: n('SELECT count(*) AS n FROM spectra'),
    integrity: (handle.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
      .integrity_check,
  };
  handle.close();
  return result;
}

describe('an import killed mid-way', () => {
  const FILES = 800;
  it('leaves whole files only, and the next import completes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-kill-'));
    const session = join(dir, 'session');
    mkdirSync(session);
    // 800 distinct files: a real 1024-point sweep, each with its own comment line. Enough that the
    // import cannot finish in the few ms between its first commit being seen and the kill.
    const text = readFileSync(realFile('nanonis-dat', 'Bias-Spectroscopy002.dat'), 'latin1');
    for (let i = 0; i < FILES; i++) {
      const name = `sweep${String(i).padStart(3, '0')}.dat`;
      writeFileSync(join(session, name), text.replace('\n', `\nComment\t${i}\t\n`), 'latin1');
    }
    const db = join(dir, 'library.sqlite');
    const child = spawn(process.execPath, [bin, 'import', session, '--db', db], { stdio: 'ignore' });
    // Listen before killing: an import that finished first has already emitted 'exit'.
    const exited = new Promise((r) => child.once('exit', r));
    // Kill once some files have landed (the library file exists and holds rows), polling with one
    // cheap count on one read-only handle so the kill follows the first commit within a few ms.
    let watcher: Database.Database | null = null;
    for (let tries = 0; tries < 30_000; tries++) {
      await new Promise((r) => setTimeout(r, 1));
      try {
        watcher ??= new Database(db, { readonly: true });
        const landed = watcher.prepare("SELECT count(*) AS n FROM files WHERE status = 'imported'").get() as {
          n: number;
        };
        if (landed.n > 0) break;
      } catch {
        // not created yet, or no tables yet: open again on the next try
        watcher?.close();
        watcher = null;
      }
    }
    watcher?.close();
    child.kill('SIGKILL');
    await exited;

    const partial = counts(db);
    expect(partial.integrity).toBe('ok');
    expect(partial.files).toBeGreaterThan(0);
    // The kill came mid-import: not every file had landed.
    expect(partial.files).toBeLessThan(FILES);
    // Every imported file row has its spectra: nothing half-written.
    const handle = new Database(db, { readonly: true });
    const orphans = handle
      .prepare(
        "SELECT count(*) AS n FROM files f WHERE f.status = 'imported' AND NOT EXISTS (SELECT 1 FROM spectra s WHERE s.file_id = f.id)",
      )
      .get() as { n: number };
    handle.close();
    expect(orphans.n).toBe(0);

    const resumed = spawnSync(process.execPath, [bin, 'import', session, '--db', db, '--json'], {
      encoding: 'utf8',
    });
    expect(resumed.status).toBe(0);
    const report = JSON.parse(resumed.stdout) as { files: number; failed: unknown[] };
    expect(report.files).toBe(FILES);
    expect(report.failed).toEqual([]);
    const clean = join(dir, 'clean.sqlite');
    spawnSync(process.execPath, [bin, 'import', session, '--db', clean], { encoding: 'utf8' });
    expect(counts(db)).toEqual(counts(clean));
    expect(counts(db).files).toBe(FILES);
    // The killed run was marked interrupted when the library was next opened.
    const runs = new Database(db, { readonly: true });
    const states = runs.prepare('SELECT state FROM import_runs ORDER BY id').pluck().all();
    runs.close();
    expect(states).toEqual(['interrupted', 'done']);
  }, 120_000);

  it('survives 10 kills at random moments, then completes to the same library as a clean import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-kill10-'));
    const session = join(dir, 'session');
    mkdirSync(session);
    const text = readFileSync(realFile('nanonis-dat', 'Bias-Spectroscopy002.dat'), 'latin1');
    for (let i = 0; i < 150; i++) {
      writeFileSync(join(session, `sweep${i}.dat`), text.replace('\n', `\nComment\t${i}\t\n`), 'latin1');
    }
    const db = join(dir, 'library.sqlite');
    // Seeded delays (ms) spanning start-up, schema creation, the first batches and the last ones.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let kill = 0; kill < 10; kill++) {
      const child = spawn(process.execPath, [bin, 'import', session, '--db', db], { stdio: 'ignore' });
      // Listen at once: on a fast machine the import may finish before the kill, and a listener
      // added after its 'exit' would wait forever.
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, 100 + random() * 1500));
      child.kill('SIGKILL');
      await exited;
      try {
        const state = counts(db);
        expect(state.integrity).toBe('ok');
      } catch (error) {
        // Killed before the library file had tables: the next run creates them.
        if (!/no such table|unable to open/.test(String(error))) throw error;
      }
    }
    const resumed = spawnSync(process.execPath, [bin, 'import', session, '--db', db, '--json'], {
      encoding: 'utf8',
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    const clean = join(dir, 'clean.sqlite');
    spawnSync(process.execPath, [bin, 'import', session, '--db', clean], { encoding: 'utf8' });
    expect(counts(db)).toEqual(counts(clean));
    expect(counts(db).files).toBe(150);
    const runs = new Database(db, { readonly: true });
    const running = runs.prepare("SELECT count(*) AS n FROM import_runs WHERE state = 'running'").get() as {
      n: number;
    };
    runs.close();
    expect(running.n).toBe(0);
    // Eleven CLI starts and two whole imports: generous for a loaded 2-core CI machine.
  }, 300_000);
});
