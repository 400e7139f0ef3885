// Sessions on a real library: the demo session and a folder of real Nanonis files, each imported
// once. Counts, date ranges and labels against the file lists; rename, merge, delete; an analysis
// scoped to one session uses that session's spectra only; migration 5 files older imports.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { DEMO_DIR } from '../demoSession.ts';
import { LibraryService } from '../services/libraryService.ts';
import { updateToSchemaVersion5 } from './migrations/0005-sessions.ts';

const dir = mkdtempSync(join(tmpdir(), 'sts-sessions-'));
const dbPath = join(dir, 'library.sqlite');
let service: LibraryService;
const all = { limit: 100_000, offset: 0 };

beforeAll(async () => {
  service = new LibraryService({ dbPath, workers: 2 });
  await service.startImport([DEMO_DIR]).done;
  await service.startImport([join(realDataDir(), 'nanonis-dat') + '/']).done;
  // Importing the same folder again brings nothing new: no empty session.
  await service.startImport([DEMO_DIR]).done;
  await service.handlers.importLabels({ path: join(DEMO_DIR, 'labels.csv') });
  await service.handlers.importLabelsText({ text: 'STS003.dat,core\nnanonis_sts_15mv.dat,defect\n' });
});
afterAll(() => service.close());

async function expectedOf(fileNames: ReadonlySet<string>) {
  const files = (await service.handlers.listFiles(all)).rows.filter((f) => fileNames.has(f.path));
  const spectra = (await service.handlers.listSpectra({ ...all, includeAverages: false })).rows.filter((s) =>
    files.some((f) => f.id === s.fileId),
  );
  const times = files
    .map((f) => f.acquiredAt)
    .filter((t): t is string => t !== null)
    .sort();
  const labels = new Map<string, number>();
  for (const s of spectra) if (s.label) labels.set(s.label, (labels.get(s.label) ?? 0) + 1);
  return {
    files: files.length,
    spectra: spectra.length,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    labels,
  };
}

describe('sessions', () => {
  it('one per import that brought files, with counts, date range and labels', async () => {
    const { rows } = await service.handlers.listSessions({});
    expect(rows.map((s) => s.name)).toEqual(['nanonis-dat', 'demo']);
    const files = (await service.handlers.listFiles(all)).rows;
    for (const session of rows) {
      const folder = session.name === 'demo' ? DEMO_DIR : join(realDataDir(), 'nanonis-dat');
      const expected = await expectedOf(
        new Set(files.filter((f) => f.path.startsWith(folder + '/')).map((f) => f.path)),
      );
      expect(expected.files).toBeGreaterThan(0);
      expect(session).toMatchObject({
        files: expected.files,
        spectra: expected.spectra,
        from: expected.from,
        to: expected.to,
      });
      expect(new Map(session.labels.map((l) => [l.name, l.spectra]))).toEqual(expected.labels);
    }
    // Every file is in exactly one session.
    expect(rows.reduce((n, s) => n + s.files, 0)).toBe(files.length);
  });

  it('counts agree: header, file rows, spectra list and sessions leave the [AVG] columns out', async () => {
    const info = await service.handlers.getLibraryInfo({});
    const listed = await service.handlers.listSpectra({ ...all, includeAverages: false });
    const withAverages = await service.handlers.listSpectra({ ...all, includeAverages: true });
    // The real nanonis-dat folder holds files with [AVG] columns, so the two lists differ.
    expect(withAverages.total).toBeGreaterThan(listed.total);
    expect(info.spectra).toBe(listed.total);
    const files = (await service.handlers.listFiles(all)).rows;
    for (const file of files) {
      const ofFile = await service.handlers.listSpectra({ ...all, fileId: file.id, includeAverages: false });
      expect(file.spectra, file.name).toBe(ofFile.total);
    }
    const sessions = (await service.handlers.listSessions({})).rows;
    expect(sessions.reduce((n, s) => n + s.spectra, 0)).toBe(listed.total);
  });

  it('scopes an analysis to one session', async () => {
    const { rows } = await service.handlers.listSessions({});
    const real = rows.find((s) => s.name === 'nanonis-dat')!;
    const demo = rows.find((s) => s.name === 'demo')!;
    const realRun = await service.handlers.runAnalysis({ scope: { sessionIds: [real.id] } });
    expect(realRun.scope).toEqual({ sessionIds: [real.id] });
    // The groups are the labels of that session's spectra (the demo's labels.csv names files by
    // bare name, so it labels the real Bias-Spectroscopy00x.dat too), never the demo's alone.
    const realLabels = new Set(
      (
        await service.handlers.getSpectraSlab({ sessionIds: [real.id], limit: 20_000, offset: 0 })
      ).spectra.map((s) => s.label),
    );
    realLabels.delete(null);
    expect(realRun.groups.map((g) => g.label).sort()).toEqual([...realLabels].sort());
    expect(realLabels).toContain('defect');
    const demoRun = await service.handlers.runAnalysis({ scope: { sessionIds: [demo.id] } });
    expect(demoRun.groups.map((g) => [g.label, g.average.ok ? g.average.n : 0])).toEqual([
      ['core', 20],
      ['crown-centre', 20],
      ['crown-edge', 20],
    ]);
    const inDemo = new Set(
      (
        await service.handlers.getSpectraSlab({ sessionIds: [demo.id], limit: 20_000, offset: 0 })
      ).spectra.map((s) => s.id),
    );
    expect(demoRun.spectra.every((s) => inDemo.has(s.spectrumId))).toBe(true);
    expect(realRun.spectra.some((s) => inDemo.has(s.spectrumId))).toBe(false);
    const listed = await service.handlers.listAnalysisRuns({});
    expect(listed.rows.find((r) => r.runId === demoRun.runId)?.scope).toEqual({ sessionIds: [demo.id] });
    expect((await service.handlers.getAnalysisRun({ runId: realRun.runId })).scope).toEqual({
      sessionIds: [real.id],
    });
  });

  it('renames, merges and deletes', async () => {
    const [real, demo] = (await service.handlers.listSessions({})).rows;
    const renamed = await service.handlers.renameSession({ id: real!.id, name: 'Real Nanonis files' });
    expect(renamed.name).toBe('Real Nanonis files');
    expect(() => service.handlers.renameSession({ id: 9999, name: 'x' })).toThrow(/no session with id 9999/);
    const merged = await service.handlers.mergeSessions({ ids: [real!.id, demo!.id] });
    expect(merged).toMatchObject({ id: demo!.id, name: 'demo', files: real!.files + demo!.files });
    expect((await service.handlers.listSessions({})).rows).toHaveLength(1);
    const before = await service.handlers.getLibraryInfo({});
    expect(await service.handlers.deleteSession({ id: demo!.id })).toEqual({ files: before.files });
    expect(await service.handlers.getLibraryInfo({})).toMatchObject({ files: 0, spectra: 0, images: 0 });
    expect((await service.handlers.listSessions({})).rows).toEqual([]);
  });
});

describe('migration 5', () => {
  it('files the imports of an older library as sessions', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sts-m5-')), 'library.sqlite');
    const first = new LibraryService({ dbPath: path, workers: 2 });
    await first.startImport([DEMO_DIR]).done;
    await first.startImport([join(realDataDir(), 'nanonis-dat')]).done;
    const expected = (await first.handlers.listSessions({})).rows.map(({ name, files, spectra }) => ({
      name,
      files,
      spectra,
    }));
    await first.close();
    // Without the sessions tables, as an older app left it; then migration 5 alone runs on it (later
    // migrations have already been applied and must not run twice).
    const raw = new Database(path);
    raw.exec('DROP TABLE analysis_run_scopes; DROP TABLE session_files; DROP TABLE sessions;');
    raw.transaction(() => updateToSchemaVersion5(raw))();
    raw.close();
    const reopened = new LibraryService({ dbPath: path, workers: 1 });
    const rows = (await reopened.handlers.listSessions({})).rows.map(({ name, files, spectra }) => ({
      name,
      files,
      spectra,
    }));
    await reopened.close();
    expect(rows).toEqual(expected);
  });
});
