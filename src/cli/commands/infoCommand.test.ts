// `sts-workbench info` as a user runs it (a real process), on a seeded synthetic library whose
// contents are known and on the real instrument files as imported by the CLI.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { realDataDir } from '../../testing/realData.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import { cli } from '../../testing/cliProcess.ts';

const KEYS = ['files', 'imported', 'skipped', 'failed', 'spectra', 'images', 'labels', 'runs'];

describe('sts-workbench info', () => {
  it('counts a synthetic library exactly: every file recorded, spectra without [AVG], labels, runs', () => {
    for (const seed of [1, 2]) {
      const path = join(mkdtempSync(join(tmpdir(), 'sts-info-')), 'l.sqlite');
      const db = openLibrary(path);
      const files = 40 + 37 * seed;
      const truth = writeSyntheticLibrary(db, { files, points: 64, seed, skipped: seed, failed: 3 });
      db.close();
      const result = cli('info', '--db', path, '--json');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const info = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(Object.keys(info)).toEqual(KEYS);
      expect(info).toEqual({
        files: files + seed + 3,
        imported: files,
        skipped: seed,
        failed: 3,
        spectra: truth.spectra,
        images: 0,
        labels: truth.labels,
        runs: 0,
      });
      expect(truth.averages).toBeGreaterThan(0);
      const analyze = cli('analyze', '--db', path, '--json');
      expect(analyze.status).toBe(0);
      expect((JSON.parse(cli('info', '--db', path, '--json').stdout) as { runs: number }).runs).toBe(1);
    }
  });

  it('agrees with the import report of the real files, and refuses a missing library', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sts-info-')), 'l.sqlite');
    const report = JSON.parse(cli('import', realDataDir(), '--db', path, '--json').stdout) as {
      files: number;
      imported: number;
      skipped: unknown[];
      failed: unknown[];
      images: number;
    };
    const info = JSON.parse(cli('info', '--db', path, '--json').stdout) as Record<string, number>;
    expect(info).toMatchObject({
      files: report.files,
      imported: report.imported,
      skipped: report.skipped.length,
      failed: report.failed.length,
      images: report.images,
      labels: {},
      runs: 0,
    });
    expect(info.spectra).toBeGreaterThan(1000);
    const text = cli('info', '--db', path);
    expect(text.stdout).toContain(`${report.files} (${report.imported} imported`);
    const missing = cli('info', '--db', join(tmpdir(), 'no-such-library.sqlite'), '--json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no library at');
  });
});
