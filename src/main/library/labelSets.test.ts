// Per-session label sets on a real library holding the demo session and a folder of real Nanonis
// files (which also has a Bias-Spectroscopy002.dat and 003.dat, names the demo's labels.csv uses).
// A labels CSV applied to one session labels exactly that session's files, counted from the
// session's own file list; the other session's same-named files keep no label. The CLI's
// `analyze --labels --session` does the same and analyses only that session.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataDir } from '../../testing/realData.ts';
import { parseLabelsCsv } from '../../shared/model/labelsCsv.ts';
import type { SessionRow, SpectrumRow } from '../../shared/model/library.ts';
import { analyzeCommand } from '../../cli/commands/analyzeCommand.ts';
import { DEMO_DIR } from '../demoSession.ts';
import { LibraryService } from '../services/libraryService.ts';
import { applyLabelsCsv } from './applyLabelsCsv.ts';
import { openLibrary } from './openLibrary.ts';
import { getAnalysisRun } from '../analysis/analysisRuns.ts';

const all = { limit: 100_000, offset: 0, includeAverages: true };
const realDir = join(realDataDir(), 'nanonis-dat');
const demoCsv = join(DEMO_DIR, 'labels.csv');
let dbPath: string;
let service: LibraryService;
let demo: SessionRow;
let real: SessionRow;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'sts-labelsets-')), 'library.sqlite');
  service = new LibraryService({ dbPath, workers: 2 });
  await service.startImport([DEMO_DIR]).done;
  await service.startImport([realDir]).done;
  const { rows } = await service.handlers.listSessions({});
  demo = rows.find((s) => s.name === basename(DEMO_DIR))!;
  real = rows.find((s) => s.name === 'nanonis-dat')!;
});
afterAll(() => service.close());

/** Every spectrum (averages too, as a labels CSV labels them) of the session's files, by file path. */
async function spectraOfSession(sessionId: number): Promise<Map<string, SpectrumRow[]>> {
  const { rows: files } = await service.handlers.listFiles({ limit: 100_000, offset: 0, status: 'imported' });
  const { rows: spectra } = await service.handlers.listSpectra(all);
  const db = openLibrary(dbPath);
  const inSession = new Set(
    db.prepare('SELECT file_id FROM session_files WHERE session_id = ?').pluck().all(sessionId) as number[],
  );
  db.close();
  const byPath = new Map<string, SpectrumRow[]>();
  for (const f of files.filter((f) => inSession.has(f.id)))
    byPath.set(
      f.path,
      spectra.filter((s) => s.fileId === f.id),
    );
  return byPath;
}

describe('labels CSV applied to one session', () => {
  it('the library holds the demo and the real files as two sessions sharing file names', async () => {
    expect(demo).toBeDefined();
    expect(real).toBeDefined();
    const demoNames = new Set([...(await spectraOfSession(demo.id)).keys()].map((p) => basename(p)));
    const realNames = [...(await spectraOfSession(real.id)).keys()].map((p) => basename(p));
    const shared = realNames.filter((n) => demoNames.has(n));
    expect(shared).toEqual(expect.arrayContaining(['Bias-Spectroscopy002.dat', 'Bias-Spectroscopy003.dat']));
  });

  it("labels exactly the demo session's files named in labels.csv, none of the real session's", async () => {
    const csv = readFileSync(demoCsv, 'utf8');
    const labelOf = new Map(parseLabelsCsv(csv).rows.map((r) => [r.file, r.label]));
    const outcome = await service.handlers.importLabels({ path: demoCsv, sessionId: demo.id });

    const demoSpectra = await spectraOfSession(demo.id);
    const named = [...demoSpectra].filter(([path]) => labelOf.has(basename(path)));
    expect(outcome.files).toBe(named.length);
    expect(outcome.spectra).toBe(named.reduce((n, [, rows]) => n + rows.length, 0));
    expect(outcome.unmatched).toEqual([]);
    for (const [path, rows] of demoSpectra)
      for (const row of rows) expect(row.label).toBe(labelOf.get(basename(path)) ?? null);
    for (const rows of (await spectraOfSession(real.id)).values())
      for (const row of rows) expect(row.label).toBeNull();
  });

  it('a row naming a file of another session is unmatched, by line', async () => {
    const outcome = await service.handlers.importLabelsText({
      text: 'file,label\nnanonis_sts_15mv.dat,defect\nBias-Spectroscopy002.dat,core\n',
      sessionId: demo.id,
    });
    expect(outcome.unmatched).toEqual([{ line: 2, file: 'nanonis_sts_15mv.dat' }]);
    expect(outcome.files).toBe(1);
    const realRows = [...(await spectraOfSession(real.id)).values()].flat();
    expect(realRows.filter((r) => r.label !== null)).toEqual([]);
  });

  it('restricted to given paths (a watched batch), a row labels only those files', async () => {
    const realFiles = [...(await spectraOfSession(real.id))];
    const target = realFiles.find(([path]) => basename(path) === 'Bias-Spectroscopy003.dat')!;
    const outcome = await service.handlers.importLabelsText({
      text: 'file,label\nBias-Spectroscopy003.dat,probe\n',
    });
    expect(outcome.files).toBe(2); // unrestricted: the demo's and the real file of that name
    const db = openLibrary(dbPath);
    try {
      const restricted = applyLabelsCsv(db, 'file,label\nBias-Spectroscopy003.dat,batch\n', {
        paths: new Set([target[0]]),
      });
      expect(restricted).toEqual({ files: 1, spectra: target[1].length, unmatched: [], problems: [] });
    } finally {
      db.close();
    }
    const labelsOf = async (sessionId: number) =>
      [...(await spectraOfSession(sessionId))]
        .filter(([path]) => basename(path) === 'Bias-Spectroscopy003.dat')
        .flatMap(([, rows]) => rows.map((r) => r.label));
    expect(new Set(await labelsOf(real.id))).toEqual(new Set(['batch']));
    expect(new Set(await labelsOf(demo.id))).toEqual(new Set(['probe']));
  });

  it('an unknown session is refused with its id', () => {
    expect(() => service.handlers.importLabelsText({ text: 'file,label\n', sessionId: 9999 })).toThrow(
      'labels CSV: no session 9999 in this library',
    );
  });

  it('analyze --labels --session labels that session only and analyses it alone', async () => {
    const before = new Map(
      [...(await spectraOfSession(demo.id)).values()].flat().map((r) => [r.id, r.label]),
    );
    const csvPath = join(mkdtempSync(join(tmpdir(), 'sts-labelsets-csv-')), 'real.csv');
    writeFileSync(csvPath, 'file,label\nBias-Spectroscopy002.dat,real-a\nBias-Spectroscopy003.dat,real-b\n');
    const output: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (output.push(chunk), true)) as typeof process.stdout.write;
    try {
      expect(analyzeCommand({ db: dbPath, labels: csvPath, session: String(real.id), json: true })).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const realSpectra = await spectraOfSession(real.id);
    for (const [path, rows] of realSpectra) {
      const expected = { 'Bias-Spectroscopy002.dat': 'real-a', 'Bias-Spectroscopy003.dat': 'real-b' }[
        basename(path)
      ];
      for (const row of rows) expect(row.label).toBe(expected ?? null);
    }
    // The demo session's labels are untouched.
    for (const row of [...(await spectraOfSession(demo.id)).values()].flat())
      expect(row.label).toBe(before.get(row.id));
    // The stored run analysed the real session only: its labelled forward sweeps are the real ones.
    const { rows: runs } = await service.handlers.listAnalysisRuns({});
    const newest = Math.max(...runs.map((r) => r.runId));
    const db = openLibrary(dbPath);
    const run = getAnalysisRun(db, newest);
    db.close();
    const realIds = new Set([...realSpectra.values()].flat().map((r) => r.id));
    expect(run.spectra.length).toBeGreaterThan(0);
    for (const r of run.spectra) expect(realIds.has(r.spectrumId)).toBe(true);
    expect(new Set(run.groups.map((g) => g.label))).toEqual(new Set(['real-a', 'real-b']));
  });
});
