// Two imports into one library at once, from two processes (the CLI twice, on a library that does
// not exist yet): both complete, one after the other, and the library equals one clean import.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/sts-workbench.js');

function counts(db: string): { files: number; spectra: number; runs: string[] } {
  const handle = new Database(db, { readonly: true });
  const n = (sql: string): number => (handle.prepare(sql).get() as { n: number }).n;
  const result = {
    files: n("SELECT count(*) AS n FROM files WHERE status = 'imported'"),
    spectra: n('SELECT count(*) AS n FROM spectra'),
    runs: handle.prepare('SELECT state FROM import_runs ORDER BY id').pluck().all() as string[],
  };
  handle.close();
  return result;
}

function runImport(
  session: string,
  db: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [bin, 'import', session, '--db', db, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('two imports into one library at once', () => {
  it('both complete and the library equals one clean import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-concurrent-'));
    const session = join(dir, 'session');
    mkdirSync(session);
    const text = readFileSync(realFile('nanonis-dat', 'Bias-Spectroscopy002.dat'), 'latin1');
    for (let i = 0; i < 120; i++) {
      writeFileSync(join(session, `sweep${i}.dat`), text.replace('\n', `\nComment\t${i}\t\n`), 'latin1');
    }
    const db = join(dir, 'library.sqlite');
    const [a, b] = await Promise.all([runImport(session, db), runImport(session, db)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const reports = [a, b].map(
      (run) => JSON.parse(run.stdout) as { imported: number; unchanged: number; failed: unknown[] },
    );
    for (const report of reports) expect(report.failed).toEqual([]);
    // One imported everything; the other, waiting its turn, found everything already there.
    expect(reports.map((r) => r.imported).sort((x, y) => x - y)).toEqual([0, 120]);
    expect(reports.map((r) => r.unchanged).sort((x, y) => x - y)).toEqual([0, 120]);

    const clean = join(dir, 'clean.sqlite');
    expect(spawnSync(process.execPath, [bin, 'import', session, '--db', clean]).status).toBe(0);
    const together = counts(db);
    const alone = counts(clean);
    expect(together.files).toBe(alone.files);
    expect(together.spectra).toBe(alone.spectra);
    expect(together.files).toBe(120);
    expect(together.runs).toEqual(['done', 'done']);
  }, 90_000);
});
