// `sts-workbench classify` as a user runs it: real processes on real SQLite libraries imported from
// seeded synthetic sessions with known truth (scripts/generateClassifySession.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeClassifySession } from '../../../scripts/generateClassifySession.ts';
import type { ClassifyReport } from './classifyLibrary.ts';
import { cli } from '../../testing/cliProcess.ts';

function importSession(seed: number): {
  db: string;
  truth: ReturnType<typeof writeClassifySession>['truth'];
} {
  const dir = mkdtempSync(join(tmpdir(), 'sts-classify-'));
  const { truth } = writeClassifySession(seed, join(dir, 'session'));
  const db = join(dir, 'library.sqlite');
  const imported = cli('import', join(dir, 'session'), '--db', db, '--json');
  expect(imported.status, imported.stderr).toBe(0);
  return { db, truth };
}

function labelsOf(db: string): Map<string, string[]> {
  const handle = new Database(db, { readonly: true });
  const rows = handle
    .prepare(
      `SELECT f.name AS file, l.name AS label FROM spectra s JOIN files f ON f.id = s.file_id
      JOIN spectrum_labels sl ON sl.spectrum_id = s.id JOIN labels l ON l.id = sl.label_id`,
    )
    .all() as Array<{ file: string; label: string }>;
  handle.close();
  const out = new Map<string, string[]>();
  for (const row of rows) out.set(row.file, [...(out.get(row.file) ?? []), row.label]);
  return out;
}

describe('sts-workbench classify', () => {
  for (const seed of [11, 12]) {
    it(`seed ${seed}: prints the issue's JSON, every sweep and direction, right against the truth`, () => {
      const { db, truth } = importSession(seed);
      const run = cli('classify', '--db', db, '--json');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as ClassifyReport;
      expect(Object.keys(report)).toEqual(['images', 'particles', 'spectra']);
      expect(report.images).toEqual([truth.image]);
      expect(report.particles.length).toBe(truth.platelets.length);
      for (const particle of report.particles) {
        expect(Object.keys(particle).sort()).toEqual(['area', 'centre', 'image', 'kind']);
        const match = truth.platelets.find(
          (p) => Math.hypot(p.centre.x - particle.centre.x, p.centre.y - particle.centre.y) < 1e-9,
        );
        expect(match?.kind).toBe(particle.kind);
        expect(Math.abs(particle.area - (match?.area ?? 0)) / (match?.area ?? 1)).toBeLessThan(0.1);
      }
      // Every third file has two sweeps; each sweep forward and backward.
      const expectedRows = truth.spectra.reduce((n, _, k) => n + (k % 3 === 0 ? 4 : 2), 0);
      expect(report.spectra.length).toBe(expectedRows);
      const truthOf = new Map(truth.spectra.map((s) => [s.file, s.label]));
      const right = report.spectra.filter((s) => s.label === truthOf.get(s.file)).length;
      expect(right / report.spectra.length).toBeGreaterThanOrEqual(0.95);
      for (const file of truthOf.keys()) {
        expect(new Set(report.spectra.filter((s) => s.file === file).map((s) => s.label)).size).toBe(1);
      }
      for (const spectrum of report.spectra) {
        expect(Object.keys(spectrum).sort()).toEqual(['confidence', 'file', 'label', 'name', 'sweep']);
        expect(spectrum.confidence).toBeGreaterThanOrEqual(0);
        expect(spectrum.confidence).toBeLessThanOrEqual(1);
      }
    });
  }

  it('--apply stores the non-null labels with their parameters and keeps a label set by hand', () => {
    const { db, truth } = importSession(13);
    const handFile = truth.spectra.find((s) => s.label === 'core')!.file;
    const handle = new Database(db);
    handle.exec(`INSERT INTO labels (name, colour) VALUES ('mine', '#000000')`);
    handle
      .prepare(
        `INSERT INTO spectrum_labels (spectrum_id, label_id)
        SELECT s.id, (SELECT id FROM labels WHERE name = 'mine') FROM spectra s JOIN files f ON f.id = s.file_id WHERE f.name = ?`,
      )
      .run(handFile);
    handle.close();
    const run = cli('classify', '--db', db, '--apply');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/labelled \d+ spectra; kept [1-9]\d* labels set by hand/);
    const labels = labelsOf(db);
    expect(new Set(labels.get(handFile))).toEqual(new Set(['mine']));
    let right = 0;
    let total = 0;
    for (const { file, label } of truth.spectra) {
      if (file === handFile) continue;
      total++;
      const stored = labels.get(file);
      if (label === null ? stored === undefined : stored?.every((l) => l === label)) right++;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    const check = new Database(db, { readonly: true });
    const run0 = check.prepare('SELECT image_name, params_json FROM classify_runs').all() as Array<{
      image_name: string;
      params_json: string;
    }>;
    expect(run0.map((r) => r.image_name)).toEqual([truth.image]);
    expect(JSON.parse(run0[0]!.params_json)).toMatchObject({ marginNm: 0.5, minHeightNm: 1 });
    check.close();
    // Applied again: the classifier's own labels may be replaced, the hand label still stays.
    expect(cli('classify', '--db', db, '--apply', '--json').status).toBe(0);
    expect(new Set(labelsOf(db).get(handFile))).toEqual(new Set(['mine']));
  });

  it('names an unknown image and a missing library', () => {
    const { db } = importSession(14);
    const unknown = cli('classify', '--db', db, '--image', 'nope.sxm');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("no topography (Z channel) image named 'nope.sxm'");
    const missing = cli('classify', '--db', join(tmpdir(), 'no-such-library.sqlite'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no library at');
  });
});
