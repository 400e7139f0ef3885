// The analysis data path on a real library file (seeded synthetic spectra with known layout):
// curves as one slab equal to the stored BLOBs, paged; the same slab as a binary bridge response;
// stored runs computed in a worker thread while the server keeps answering, with cancel; and
// per-spectrum results paged.
import type { Database } from 'better-sqlite3';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY_WIRE_TYPE, decodeBinaryWire } from '../../shared/api/binaryWire.ts';
import { apiInputSchemas } from '../../shared/api/contract.ts';
import { createDispatch } from '../../shared/api/dispatch.ts';
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import { spectraOfSlab } from '../../shared/model/spectraSlab.ts';
import type { SpectraSlab } from '../../shared/model/spectraSlab.ts';
import { writeSyntheticLibrary } from '../../testing/syntheticLibrary.ts';
import { startBridge } from '../bridge/bridgeServer.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { LibraryService } from '../services/libraryService.ts';
import { runPipeline } from '../../shared/analysis/index.ts';
import { curvesReadBy, loadAnalysisSpectra, loadSpectraSlab } from './loadSpectra.ts';
import { runAnalysis } from './runAnalysis.ts';

const FILES = 1500;
let dir: string;
let service: LibraryService;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sts-datapath-'));
  const db = openLibrary(join(dir, 'library.sqlite'));
  writeSyntheticLibrary(db, { files: FILES, points: 256, seed: 11 });
  db.close();
  service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
});
afterAll(() => service.close());

/** The stored curve of a spectrum, decoded here from its BLOB. */
function storedCurve(db: Database, id: number, column: 'bias' | 'current'): number[] {
  const blob = db.prepare(`SELECT ${column} AS b FROM spectra WHERE id = ?`).pluck().get(id) as Buffer;
  const copy = Uint8Array.from(blob);
  return Array.from(new Float64Array(copy.buffer));
}

describe('curves as slabs', () => {
  it('pages every forward sweep once, curves and backward partners equal to the stored BLOBs', async () => {
    const pages: SpectraSlab[] = [];
    for (let offset = 0; ; offset += 400) {
      const page = await service.handlers.getSpectraSlab({ limit: 400, offset });
      pages.push(page);
      expect(page.total).toBe(FILES);
      if (page.spectra.length < 400) break;
    }
    const spectra = pages.flatMap(spectraOfSlab);
    expect(spectra).toHaveLength(FILES);
    expect(new Set(spectra.map((s) => s.id)).size).toBe(FILES);
    const db = service.db;
    const backwardOf = db.prepare(
      "SELECT id FROM spectra WHERE file_id = (SELECT file_id FROM spectra WHERE id = ?) AND direction = 'backward' AND is_average = 0",
    );
    for (const s of spectra.filter((_, i) => i % 97 === 0)) {
      expect(Array.from(s.bias)).toEqual(storedCurve(db, s.id, 'bias'));
      expect(Array.from(s.current)).toEqual(storedCurve(db, s.id, 'current'));
      const back = (backwardOf.get(s.id) as { id: number }).id;
      expect(Array.from(s.backward!.current)).toEqual(storedCurve(db, back, 'current'));
      expect(Array.from(s.backward!.bias)).toEqual(storedCurve(db, back, 'bias'));
    }
    // One buffer per page, not one per curve.
    expect(new Set(spectra.slice(0, 400).map((s) => s.current.buffer)).size).toBe(1);
  });

  it('reads the forward sweeps alone when asked (backward: false): same curves, half the slab', async () => {
    const both = await service.handlers.getSpectraSlab({ limit: 300, offset: 600 });
    const forwardOnly = await service.handlers.getSpectraSlab({ limit: 300, offset: 600, backward: false });
    expect(forwardOnly.total).toBe(both.total);
    const a = spectraOfSlab(both);
    const b = spectraOfSlab(forwardOnly);
    expect(b.map((s) => s.id)).toEqual(a.map((s) => s.id));
    expect(a.every((s) => s.backward !== null)).toBe(true);
    expect(b.every((s) => s.backward === null)).toBe(true);
    for (let i = 0; i < a.length; i += 37) {
      expect(Array.from(b[i]!.bias)).toEqual(Array.from(a[i]!.bias));
      expect(Array.from(b[i]!.current)).toEqual(Array.from(a[i]!.current));
    }
    expect(forwardOnly.values.length * 2).toBe(both.values.length);
  });

  it('selects by label and by ids (a backward id brings its forward sweep)', async () => {
    const core = await service.handlers.getSpectraSlab({ label: 'core', limit: 20_000, offset: 0 });
    expect(core.spectra.every((s) => s.label === 'core')).toBe(true);
    // Files n % 3 == 0 are core; every 50th file (n % 50 == 49) is unlabelled.
    const expected = Array.from({ length: FILES }, (_, n) => n).filter((n) => n % 3 === 0 && n % 50 !== 49);
    expect(core.total).toBe(expected.length);
    const some = core.spectra.slice(0, 3);
    const backwardIds = some.map(
      (s) =>
        (
          service.db
            .prepare(
              "SELECT id FROM spectra WHERE file_id = (SELECT file_id FROM spectra WHERE id = ?) AND direction = 'backward'",
            )
            .get(s.id) as { id: number }
        ).id,
    );
    const byIds = await service.handlers.getSpectraSlab({ ids: backwardIds, limit: 100, offset: 0 });
    expect(byIds.spectra.map((s) => s.id)).toEqual(some.map((s) => s.id));
  });

  it('crosses the bridge as raw bytes, not base64 JSON', async () => {
    const rendererRoot = join(dir, 'renderer');
    mkdirSync(rendererRoot, { recursive: true });
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
    const bridge = await startBridge({ dispatch: createDispatch(service.handlers), rendererRoot });
    try {
      const origin = new URL(bridge.url).origin;
      const call = (accept: string) =>
        fetch(`${origin}/api/getSpectraSlab`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sts-token': bridge.token, accept },
          body: JSON.stringify({ limit: 500, offset: 100 }),
        });
      const binary = await call(BINARY_WIRE_TYPE);
      expect(binary.headers.get('content-type')).toBe(BINARY_WIRE_TYPE);
      const bytes = await binary.arrayBuffer();
      const envelope = decodeBinaryWire(bytes) as ApiEnvelope<SpectraSlab>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      const direct = await service.handlers.getSpectraSlab({ limit: 500, offset: 100 });
      expect(envelope.value.spectra).toEqual(direct.spectra);
      expect(envelope.value.values).toBeInstanceOf(Float64Array);
      const bytesOf = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
      expect(envelope.value.values.length).toBe(direct.values.length);
      expect(bytesOf(envelope.value.values).equals(bytesOf(direct.values))).toBe(true);
      // The frame is the curve bytes plus a little JSON; base64 JSON is a third larger.
      expect(bytes.byteLength).toBeLessThan(direct.values.byteLength * 1.1);
      const json = await (await call('application/json')).text();
      expect(json.length).toBeGreaterThan(direct.values.byteLength * 1.3);
    } finally {
      await bridge.close();
    }
  });
});

describe('a run reads the curves its recipe analyses', () => {
  it("forward direction: no backward BLOB read, the same results as from the full slab; 'mean' reads both", () => {
    const db = service.db;
    const full = loadSpectraSlab(db);
    const forwardOnly = loadSpectraSlab(db, {}, undefined, curvesReadBy({}));
    expect(forwardOnly.spectra.every((s) => s.backwardPoints === 0)).toBe(true);
    expect(forwardOnly.values.length).toBe(forwardOnly.spectra.reduce((n, s) => n + 2 * s.points, 0));
    expect(full.spectra.every((s) => s.backwardPoints > 0)).toBe(true);
    const fullSpectra = spectraOfSlab(full);
    const forwardSpectra = spectraOfSlab(forwardOnly);
    expect(forwardSpectra.map((s) => s.id)).toEqual(fullSpectra.map((s) => s.id));
    forwardSpectra.forEach((s, i) => {
      expect(s.bias).toEqual(fullSpectra[i]!.bias);
      expect(s.current).toEqual(fullSpectra[i]!.current);
    });
    expect(runPipeline(forwardSpectra)).toEqual(runPipeline(fullSpectra));

    const mean = { direction: 'mean' } as const;
    expect(curvesReadBy(mean)).toEqual({ backward: true });
    expect(curvesReadBy({ direction: 'backward' })).toEqual({ backward: true });
    const both = loadSpectraSlab(db, {}, undefined, curvesReadBy(mean));
    expect(both.values).toEqual(full.values);
    // And the mean differs from the forward sweep alone: the backward curves were used.
    const meanRun = runPipeline(spectraOfSlab(both), mean);
    expect(meanRun.spectra.map((s) => s.vbm)).not.toEqual(runPipeline(fullSpectra).spectra.map((s) => s.vbm));
  }, 60_000);
});

describe('loadAnalysisSpectra: the slab spectra value for value, bias grids read once', () => {
  it('equals spectraOfSlab(loadSpectraSlab(...)) with and without backward sweeps; equal grids share a view', () => {
    const db = service.db;
    for (const backward of [false, true]) {
      const loaded = loadAnalysisSpectra(db, {}, { backward });
      expect(loaded).toEqual(spectraOfSlab(loadSpectraSlab(db, {}, undefined, { backward })));
      // The synthetic library records every sweep on one grid per direction.
      expect(new Set(loaded.map((s) => s.bias)).size).toBe(1);
      if (backward) expect(new Set(loaded.map((s) => s.backward!.bias)).size).toBe(1);
    }
    const some = loadAnalysisSpectra(db, { label: 'core' }, { backward: false });
    expect(some).toEqual(
      spectraOfSlab(loadSpectraSlab(db, { label: 'core' }, undefined, { backward: false })),
    );
  });

  it('a sweep on another grid gets its own bias; the sweeps after it share the grid they equal', () => {
    const path = join(dir, 'grids.sqlite');
    const db = openLibrary(path);
    try {
      writeSyntheticLibrary(db, { files: 40, points: 64, seed: 5 });
      const ids = db
        .prepare("SELECT id FROM spectra WHERE direction = 'forward' AND is_average = 0 ORDER BY id")
        .pluck()
        .all() as number[];
      // Two sweeps on a shifted grid, one on a grid with a single value changed in its last bit.
      const rewrite = db.prepare('UPDATE spectra SET bias = ? WHERE id = ?');
      const biasOf = (id: number): Float64Array => {
        const blob = db.prepare('SELECT bias FROM spectra WHERE id = ?').pluck().get(id) as Buffer;
        return new Float64Array(Uint8Array.from(blob).buffer);
      };
      const shifted = biasOf(ids[3]!).map((v) => v + 0.01);
      rewrite.run(Buffer.from(shifted.buffer), ids[3]);
      rewrite.run(Buffer.from(shifted.buffer), ids[10]);
      const nudged = biasOf(ids[20]!);
      const view = new DataView(nudged.buffer);
      view.setUint8(8 * 30, view.getUint8(8 * 30) ^ 1);
      rewrite.run(Buffer.from(nudged.buffer), ids[20]);
      for (const backward of [false, true]) {
        const loaded = loadAnalysisSpectra(db, {}, { backward });
        expect(loaded).toEqual(spectraOfSlab(loadSpectraSlab(db, {}, undefined, { backward })));
        const byId = new Map(loaded.map((s) => [s.id, s]));
        expect(byId.get(ids[3]!)!.bias).toEqual(shifted);
        expect(byId.get(ids[20]!)!.bias).toEqual(nudged);
        expect(byId.get(ids[20]!)!.bias).not.toEqual(byId.get(ids[0]!)!.bias);
        expect(byId.get(ids[4]!)!.bias).toBe(byId.get(ids[0]!)!.bias);
      }
    } finally {
      db.close();
    }
  });
});

describe('stored runs in a worker thread', () => {
  it('answers other requests while a run is analysed, and cancel stores nothing', async () => {
    const runsBefore = (await service.handlers.listAnalysisRuns({})).rows.length;
    const started = await service.handlers.startAnalysis({});
    let answeredWhileRunning = 0;
    for (;;) {
      const progress = await service.handlers.getAnalysisProgress({ jobId: started.jobId });
      if (progress.state !== 'running') throw new Error(`the run ended before cancel: ${progress.state}`);
      if (progress.phase === 'analysing') {
        // A page of the library, answered on this thread while the worker analyses.
        const page = await service.handlers.listSpectra({ limit: 50, offset: 0, includeAverages: false });
        expect(page.rows).toHaveLength(50);
        const after = await service.handlers.getAnalysisProgress({ jobId: started.jobId });
        if (after.state === 'running') answeredWhileRunning++;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(answeredWhileRunning).toBe(1);
    const cancelled = await service.handlers.cancelAnalysis({ jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.runId).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await service.handlers.listAnalysisRuns({})).rows.length).toBe(runsBefore);
  }, 60_000);

  it('stores the numbers an in-thread run finds, and pages its per-spectrum results', async () => {
    const input = apiInputSchemas.runAnalysis.parse({ recipe: { derivative: { window: 11 } } });
    const recipe = input.recipe ?? {};
    const viaWorker = await service.handlers.runAnalysis(input);
    const summary = await service.handlers.getAnalysisRun({ runId: viaWorker.runId, results: 'none' });
    expect(summary.spectra).toEqual([]);
    const db = openLibrary(join(dir, 'library.sqlite'));
    const inThread = runAnalysis(db, recipe);
    db.close();
    const strip = (run: typeof viaWorker) => ({ ...run, runId: 0, createdAt: '' });
    expect(strip(viaWorker)).toEqual(strip(inThread));
    expect(summary.groups).toEqual(viaWorker.groups);
    expect(viaWorker.spectra).toHaveLength(FILES);

    const paged = [];
    for (let offset = 0; offset < FILES; offset += 600) {
      const page = await service.handlers.listAnalysisResults({ runId: viaWorker.runId, limit: 600, offset });
      expect(page.total).toBe(FILES);
      paged.push(...page.rows);
    }
    expect(paged).toEqual(viaWorker.spectra);
    const crownEdge = await service.handlers.listAnalysisResults({
      runId: viaWorker.runId,
      label: 'crown-edge',
      limit: 100_000,
      offset: 0,
    });
    expect(crownEdge.rows).toEqual(viaWorker.spectra.filter((r) => r.label === 'crown-edge'));
    const group = viaWorker.groups.find((g) => g.label === 'crown-edge')!;
    expect(crownEdge.total).toBe(group.spectra + crownEdge.rows.filter((r) => !r.ok).length);
  }, 120_000);
});
