// A truncated .dat among good files (issue #7): `import --json` lists it under warnings with the
// points read vs announced, it imports what it has, and the library keeps the warning as the
// file's note (the Files table's note column shows files.error).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { realFile } from '../testing/realData.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');

describe('import of a truncated .dat', () => {
  it('imports the rows read, with a warning in the report and in the file note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-truncated-'));
    const session = join(dir, 'session');
    mkdirSync(session);
    const whole = readFileSync(realFile('nanonis-dat', 'i_v.dat'));
    copyFileSync(realFile('nanonis-dat', 'df_v.dat'), join(session, 'good.dat'));
    // i_v.dat (201 rows) cut inside row 45.
    let at = whole.indexOf('[DATA]');
    for (let line = 0; line <= 46; line++) at = whole.indexOf(10, at) + 1; // now at the start of row 46
    writeFileSync(join(session, 'cut.dat'), whole.subarray(0, at - 6));
    const db = join(dir, 'library.sqlite');
    const result = spawnSync(process.execPath, [bin, 'import', session, '--db', db, '--json'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      imported: number;
      failed: unknown[];
      warnings: Array<{ file: string; warning: string }>;
    };
    const warning = 'truncated: 44 of 201 points (the file ends inside row 45, which is left out)';
    expect(report.imported).toBe(2);
    expect(report.failed).toEqual([]);
    expect(report.warnings).toEqual([{ file: join(session, 'cut.dat'), warning }]);

    const library = new Database(db, { readonly: true });
    const files = library
      .prepare(
        'SELECT DISTINCT f.name, f.status, f.error, s.points FROM files f JOIN spectra s ON s.file_id = f.id ORDER BY f.name',
      )
      .all();
    library.close();
    expect(files).toEqual([
      { name: 'cut.dat', status: 'imported', error: warning, points: 44 },
      { name: 'good.dat', status: 'imported', error: null, points: 201 },
    ]);
  });
});
