// export, serve (browsing) and analyze --dry-run on a library that cannot be written: a tmpfs
// remounted read-only (we run as root, where chmod stops nothing). Real CLI processes, a real HTTP
// bridge, a real SQLite library with known labels.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/envelope.ts';
import { bridgeApi } from '../../testing/bridgeClient.ts';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { MOUNT_UNAVAILABLE, mountTmpfs, remountReadonly, unmountAll } from '../../testing/mounts.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import type { SyntheticLibraryTruth } from '../../testing/syntheticLibrary.ts';
import { startBrowserMode } from './serveCommand.ts';
import { cli } from '../../testing/cliProcess.ts';

function writableLibrary(path: string, files: number): SyntheticLibraryTruth {
  const db = openLibrary(path);
  const truth = writeSyntheticLibrary(db, { files, points: 96, seed: 7 });
  db.close();
  return truth;
}

describe.skipIf(MOUNT_UNAVAILABLE !== null)('reading commands on a read-only library', () => {
  let db: string;
  let truth: SyntheticLibraryTruth;
  let storedReport: unknown;
  const out = mkdtempSync(join(tmpdir(), 'sts-ro-out-'));

  beforeAll(() => {
    const dir = mountTmpfs('32m');
    db = join(dir, 'library.sqlite');
    truth = writableLibrary(db, 24);
    // One stored run while it is writable, then the disk goes read-only.
    const analysed = cli('analyze', '--db', db, '--json');
    expect(analysed.stderr).toBe('');
    storedReport = JSON.parse(analysed.stdout);
    remountReadonly(dir);
  }, 60_000);

  afterAll(() => unmountAll());

  it("export writes the stored run's edges table (one row per labelled core spectrum)", () => {
    const csv = join(out, 'core-edges.csv');
    const r = cli('export', '--db', db, '--group', 'core', '--what', 'edges', '--csv', csv);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // '# ' lines are the CSV writer's provenance header.
    const lines = readFileSync(csv, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    expect(lines[0]).toMatch(/^file,sweep,direction,/);
    // The default recipe analyses the forward sweep: one row per core file (labels count both sweeps).
    expect(lines.length - 1).toBe(truth.labels.core! / 2);
    const stored = storedReport as { spectra: Array<{ label: string | null }> };
    expect(lines.length - 1).toBe(stored.spectra.filter((s) => s.label === 'core').length);
  });

  it('analyze --dry-run computes the same report as the stored analysis, on the read-only disk', () => {
    const r = cli('analyze', '--db', db, '--dry-run', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(storedReport);
    const text = cli('analyze', '--db', db, '--dry-run');
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`dry run: nothing stored in ${db}`);
  }, 60_000);

  it('commands that write say the library is read-only, naming it', () => {
    const analyze = cli('analyze', '--db', db);
    expect(analyze.status).toBe(1);
    expect(analyze.stderr).toContain(`library ${db}: read-only`);
    const folder = mkdtempSync(join(tmpdir(), 'sts-ro-import-'));
    writeFileSync(join(folder, 'a.txt'), 'Bias (V)\tCurrent (A)\n0\t0\n1\t1\n');
    const imported = cli('import', folder, '--db', db);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(`library ${db}: read-only`);
  }, 60_000);

  it('serve browses it: reads answer, writes answer "library is read-only: <path>", the server keeps answering', async () => {
    const renderer = mkdtempSync(join(tmpdir(), 'sts-ro-renderer-'));
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const { bridge, service } = await startBrowserMode(db, 0, renderer);
    try {
      expect(service.readOnly).toBe(true);
      const api = bridgeApi(bridge);
      const info = await api.getLibraryInfo({});
      expect(info).toMatchObject({ readOnly: true, spectra: truth.spectra });
      const page = await api.listSpectra({ limit: 10 });
      expect(page.total).toBe(truth.spectra);
      const refusals: Array<() => Promise<unknown>> = [
        () => api.setLabel({ spectrumIds: [page.rows[0]!.id], label: 'probe' }),
        () => api.importLabelsText({ text: 'file,label\na.dat,core\n' }),
        () => api.runAnalysis({}),
        () => api.startImport({ paths: [out] }),
      ];
      for (const attempt of refusals) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).code).toBe('read-only');
        expect((error as ApiError).message).toContain(`library is read-only: ${db}`);
      }
      // Still answering, and nothing changed.
      expect((await api.listLabels({})).rows.map((l) => l.name).sort()).toEqual(
        Object.keys(truth.labels).sort(),
      );
    } finally {
      await bridge.close();
      await service.close();
    }
  });
});

describe('analyze --dry-run on a writable library', () => {
  it('applies --labels and analyses in memory: the report shows them, the library keeps neither', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-dry-'));
    const path = join(dir, 'library.sqlite');
    writableLibrary(path, 12);
    const before = openLibrary(path, { readonly: true });
    const { name, path: filePath } = before
      .prepare("SELECT name, path FROM files WHERE status = 'imported' ORDER BY path LIMIT 1")
      .get() as { name: string; path: string };
    const labelsBefore = before.prepare('SELECT count(*) FROM spectrum_labels').pluck().get();
    before.close();
    const csv = join(dir, 'labels.csv');
    writeFileSync(csv, `file,label\n${name},probe\n`);
    const r = cli('analyze', '--db', path, '--labels', csv, '--dry-run', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { spectra: Array<{ file: string; label: string | null }> };
    // The forward sweep of the one file the CSV names (the recipe's direction).
    expect(report.spectra.filter((s) => s.label === 'probe').map((s) => s.file)).toEqual([filePath]);
    const after = openLibrary(path, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(0);
    expect(after.prepare("SELECT count(*) FROM labels WHERE name = 'probe'").pluck().get()).toBe(0);
    expect(after.prepare('SELECT count(*) FROM spectrum_labels').pluck().get()).toBe(labelsBefore);
    after.close();
  }, 60_000);
});
