// Stored runs answered as a summary with per-spectrum rows paged: every page size gives back the
// full set (numbers and quality findings, index for index), equal to what the pipeline found; the
// Analysis tab's loader (loadAnalysisRun, through the real API client and dispatch) rebuilds the
// whole run; the server answers other requests while a stored run cannot finish (state-based: the
// test holds the library's write lock, so the run provably waits); and a version-9 library's runs
// keep their quality findings through migration 10.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnalysisRun } from '../../renderer/src/analysis/loadAnalysisRun.ts';
import { runPipeline } from '../../shared/analysis/index.ts';
import { createApiClient } from '../../shared/api/client.ts';
import { apiInputSchemas } from '../../shared/api/contract.ts';
import type { AnalysisRunView, LibraryApi } from '../../shared/api/contract.ts';
import { createDispatch } from '../../shared/api/dispatch.ts';
import { spectraOfSlab } from '../../shared/model/spectraSlab.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import { updateToSchemaVersion1 } from '../library/migrations/0001-initial.ts';
import { updateToSchemaVersion2 } from '../library/migrations/0002-analysis-runs.ts';
import { updateToSchemaVersion3 } from '../library/migrations/0003-nullable-frames-interrupted-runs.ts';
import { updateToSchemaVersion4 } from '../library/migrations/0004-spectrum-exclusions.ts';
import { updateToSchemaVersion5 } from '../library/migrations/0005-sessions.ts';
import { updateToSchemaVersion6 } from '../library/migrations/0006-list-indexes.ts';
import { updateToSchemaVersion7 } from '../library/migrations/0007-missing-files.ts';
import { updateToSchemaVersion8 } from '../library/migrations/0008-classify-runs.ts';
import { updateToSchemaVersion9 } from '../library/migrations/0009-grid-runs.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { LibraryService } from '../services/libraryService.ts';
import { withStoredExclusions } from './exclusions.ts';
import { loadSpectraSlab } from './loadSpectra.ts';

const FILES = 900;
/** The recipe of every run here (as the API parses it). */
const RUN_INPUT = apiInputSchemas.runAnalysis.parse({ recipe: { derivative: { window: 9 } } });
let dir: string;
let service: LibraryService;
let run: AnalysisRunView;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sts-run-paging-'));
  const db = openLibrary(join(dir, 'library.sqlite'));
  writeSyntheticLibrary(db, { files: FILES, points: 192, seed: 4242 });
  db.close();
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
  // Two spectra left out by hand, so the quality findings carry exclusions too.
  const [first, second] = (await service.handlers.getSpectraSlab({ limit: 2, offset: 0 })).spectra;
  await service.handlers.setSpectrumExclusion({
    spectrumId: first!.id,
    action: 'exclude',
    note: 'tip crash',
  });
  await service.handlers.setSpectrumExclusion({ spectrumId: second!.id, action: 'exclude', note: '' });
  const made = await service.handlers.runAnalysis(RUN_INPUT);
  run = await service.handlers.getAnalysisRun({ runId: made.runId, results: 'all' });
}, 120_000);
afterAll(() => service.close());

describe('a stored run, summarised and paged', () => {
  it('answers a summary unless asked for the rows, with the number of rows to page', async () => {
    const summary = await service.handlers.getAnalysisRun({ runId: run.runId });
    expect(summary.spectra).toEqual([]);
    expect(summary.quality).toEqual([]);
    expect(summary.resultCount).toBe(run.spectra.length);
    expect(summary.groups).toEqual(run.groups);
    expect(summary.curves).toEqual(run.curves);
    expect(summary.series).toEqual(run.series);
    // The stored summary no longer holds a per-spectrum list.
    const stored = service.db
      .prepare('SELECT summary_json FROM analysis_runs WHERE id = ?')
      .pluck()
      .get(run.runId);
    expect(Object.keys(JSON.parse(stored as string) as object).sort()).toEqual([
      'comparisons',
      'groups',
      'series',
    ]);
  });

  it('stores the quality findings and numbers the pipeline finds, spectrum by spectrum', () => {
    // The same spectra and recipe on this thread: the truth for every stored row.
    const db = service.db;
    const spectra = spectraOfSlab(loadSpectraSlab(db));
    const truth = runPipeline(spectra, withStoredExclusions(db, { derivative: { window: 9 } }));
    expect(run.spectra).toHaveLength(FILES);
    const byId = new Map(truth.spectra.map((r) => [r.spectrumId, r]));
    const meta = new Map(spectra.map((s) => [s.id, s]));
    expect(run.quality.map((q) => q.spectrumId)).toEqual(run.spectra.map((r) => r.spectrumId));
    for (const [i, q] of run.quality.entries()) {
      const r = byId.get(q.spectrumId)!;
      expect(run.spectra[i]!.vbm).toBe(r.vbm);
      expect(q).toEqual({
        spectrumId: r.spectrumId,
        file: meta.get(r.spectrumId)!.fileName,
        name: meta.get(r.spectrumId)!.name,
        sweep: meta.get(r.spectrumId)!.sweep,
        inGapStates: r.inGapStates,
        flags: r.flags,
        flagReasons: r.flagReasons,
        excluded: r.excluded,
        exclusionReason: r.exclusionReason,
        currentNoiseRaise: r.currentNoiseRaise,
      });
    }
    expect(run.quality.filter((q) => q.excluded).length).toBeGreaterThanOrEqual(2);
    expect(run.quality.some((q) => q.inGapStates.length > 0)).toBe(true);
  });

  it.each([1, 7, 250, 899, 900, 5000])(
    'pages to the full set, rows and quality alike (pages of %i)',
    async (limit) => {
      const rows: AnalysisRunView['spectra'] = [];
      const quality: AnalysisRunView['quality'] = [];
      for (let offset = 0; offset < FILES; offset += limit) {
        const page = await service.handlers.listAnalysisResults({ runId: run.runId, limit, offset });
        expect(page.total).toBe(FILES);
        expect(page.quality.map((q) => q.spectrumId)).toEqual(page.rows.map((r) => r.spectrumId));
        rows.push(...page.rows);
        quality.push(...page.quality);
      }
      expect(rows).toEqual(run.spectra);
      expect(quality).toEqual(run.quality);
    },
  );

  it('pages one label to exactly its rows', async () => {
    for (const label of run.groups.map((g) => g.label)) {
      const expected = run.spectra.flatMap((r, i) =>
        r.label === label ? [[r, run.quality[i]!] as const] : [],
      );
      const rows = [];
      for (let offset = 0; ; offset += 111) {
        const page = await service.handlers.listAnalysisResults({
          runId: run.runId,
          label,
          limit: 111,
          offset,
        });
        expect(page.total).toBe(expected.length);
        rows.push(...page.rows.map((r, i) => [r, page.quality[i]!] as const));
        if (page.rows.length < 111) break;
      }
      expect(rows).toEqual(expected);
    }
  });

  it("is rebuilt whole by the Analysis tab's loader, through the API client", async () => {
    const dispatch = createDispatch(service.handlers);
    const api = createApiClient<LibraryApi>((method, input) => dispatch(method, input));
    expect(await loadAnalysisRun(api, run.runId)).toEqual(run);
  });
});

describe('the server while a stored run waits', () => {
  it('answers every other request, then stores the run once the writer is done', async () => {
    // Another connection holds the write lock: the run can analyse but not store.
    const writer = new Database(join(dir, 'library.sqlite'));
    writer.exec('BEGIN IMMEDIATE');
    try {
      const runsBefore = (await service.handlers.listAnalysisRuns({})).rows.length;
      const started = await service.handlers.startAnalysis(RUN_INPUT);
      let progress = started;
      while (!progress.waitingForWriter) {
        expect(progress.state).toBe('running');
        await new Promise((resolve) => setTimeout(resolve, 10));
        progress = await service.handlers.getAnalysisProgress({ jobId: started.jobId });
      }
      expect(progress.phase).toBe('storing');
      // The run is provably unfinished (it cannot store), and this thread answers meanwhile.
      const page = await service.handlers.listSpectra({ limit: 50, offset: 0, includeAverages: false });
      expect(page.rows).toHaveLength(50);
      const info = await service.handlers.getLibraryInfo({});
      expect(info.spectra).toBeGreaterThan(FILES);
      const results = await service.handlers.listAnalysisResults({ runId: run.runId, limit: 10, offset: 0 });
      expect(results.rows).toEqual(run.spectra.slice(0, 10));
      expect((await service.handlers.listAnalysisRuns({})).rows).toHaveLength(runsBefore);
      expect((await service.handlers.getAnalysisProgress({ jobId: started.jobId })).state).toBe('running');
      writer.exec('ROLLBACK');
      do {
        await new Promise((resolve) => setTimeout(resolve, 10));
        progress = await service.handlers.getAnalysisProgress({ jobId: started.jobId });
      } while (progress.state === 'running');
      expect(progress.state).toBe('done');
      const stored = await service.handlers.getAnalysisRun({ runId: progress.runId!, results: 'all' });
      const strip = (r: AnalysisRunView) => ({ ...r, runId: 0, createdAt: '' });
      expect(strip(stored)).toEqual(strip(run));
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
    }
  }, 120_000);
});

describe('migration 10', () => {
  it("moves a version-9 run's quality list into its per-spectrum rows", () => {
    const path = join(dir, 'v9.sqlite');
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    for (const step of [
      updateToSchemaVersion1,
      updateToSchemaVersion2,
      updateToSchemaVersion3,
      updateToSchemaVersion4,
      updateToSchemaVersion5,
      updateToSchemaVersion6,
      updateToSchemaVersion7,
      updateToSchemaVersion8,
      updateToSchemaVersion9,
    ])
      raw.transaction(() => step(raw))();
    raw.pragma('user_version = 9');
    writeSyntheticLibrary(raw, { files: 6, points: 64, seed: 3 });
    const ids = raw
      .prepare("SELECT id FROM spectra WHERE direction = 'forward' AND is_average = 0 ORDER BY id")
      .pluck()
      .all() as number[];
    const quality = ids.map((id, i) => ({
      spectrumId: id,
      file: 'f',
      name: 'n',
      sweep: 1,
      inGapStates: i === 1 ? [{ bias: 0.25, height: 0.4, width: 0.05 }] : [],
      flags: i === 2 ? ['saturated'] : [],
      flagReasons: i === 2 ? ['current at the amplifier limit'] : [],
      excluded: i === 2,
      exclusionReason: i === 2 ? 'saturated' : null,
    }));
    const summary = { groups: [], comparisons: [], series: [], quality };
    const runId = Number(
      raw
        .prepare(
          "INSERT INTO analysis_runs (created_at, app_version, recipe_json, summary_json) VALUES ('t', 'v', '{}', ?)",
        )
        .run(JSON.stringify(summary)).lastInsertRowid,
    );
    const insert = raw.prepare(`INSERT INTO spectrum_results (run_id, spectrum_id, label, ok, series_index,
      sweep_in_series) VALUES (?, ?, NULL, 1, ?, 1)`);
    ids.forEach((id, i) => insert.run(runId, id, i));
    raw.close();

    const db = openLibrary(path);
    try {
      const rows = db
        .prepare(
          'SELECT in_gap_states_json, flags_json, flag_reasons_json, excluded, exclusion_reason FROM spectrum_results WHERE run_id = ? ORDER BY spectrum_id',
        )
        .all(runId);
      expect(rows).toEqual(
        quality.map((q) => ({
          in_gap_states_json: JSON.stringify(q.inGapStates),
          flags_json: JSON.stringify(q.flags),
          flag_reasons_json: JSON.stringify(q.flagReasons),
          excluded: q.excluded ? 1 : 0,
          exclusion_reason: q.exclusionReason,
        })),
      );
      const left = JSON.parse(
        db.prepare('SELECT summary_json FROM analysis_runs WHERE id = ?').pluck().get(runId) as string,
      );
      expect(left).toEqual({ groups: [], comparisons: [], series: [] });
    } finally {
      db.close();
    }
  });
});
