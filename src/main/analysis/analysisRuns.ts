// Stored analysis runs: the recipe (every parameter + app version), the summary (groups,
// comparisons, series), per-spectrum results and each group's averaged curves. One synchronous
// transaction per run, so a run is stored whole or not at all.
import type { Database } from 'better-sqlite3';
import type { PipelineResult, AnalysisRecipe } from '../../shared/analysis/index.ts';
import type {
  AnalysisRunRow,
  AnalysisRunView,
  AnalysisSpectrum,
  AnalysisSpectrumResult,
  AnalysisSummary,
  GroupCurves,
} from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { blobToFloat64, float64ToBlob } from '../library/blobs.ts';

/** The stored summary of a pipeline result: numbers only, curves left out. */
export function summaryOf(
  result: PipelineResult<number>,
  spectra: ReadonlyArray<AnalysisSpectrum>,
): AnalysisSummary {
  const nameOf = new Map(spectra.map((s) => [s.id, s.name]));
  const byId = new Map(spectra.map((s) => [s.id, s]));
  return {
    groups: result.groups.map((g) => ({
      label: g.label,
      spectra: g.spectra,
      counted: g.counted,
      excluded: g.excluded,
      ciReason: g.ciReason,
      average: g.average.ok
        ? {
            ok: true,
            n: g.average.n,
            edges: g.average.edges,
            vbPeak: g.average.vbPeak,
            traps: g.average.traps,
          }
        : { ok: false, reason: g.average.reason },
      stats: g.stats,
      histograms: {
        vbm: { edges: [...g.histograms.vbm.edges], counts: [...g.histograms.vbm.counts] },
        cbm: { edges: [...g.histograms.cbm.edges], counts: [...g.histograms.cbm.counts] },
        gap: { edges: [...g.histograms.gap.edges], counts: [...g.histograms.gap.counts] },
      },
    })),
    comparisons: result.comparisons,
    series: result.series.map((s) => ({
      spectrumIds: s.spotIds,
      files: [...new Set(s.spotIds.map((id) => nameOf.get(id) ?? String(id)))],
      label: s.label,
      sweeps: s.sweeps,
    })),
    quality: result.spectra.map((r) => {
      const s = byId.get(r.spectrumId);
      return {
        spectrumId: r.spectrumId,
        file: s?.fileName ?? String(r.spectrumId),
        name: s?.name ?? String(r.spectrumId),
        sweep: s?.sweep ?? 1,
        inGapStates: r.inGapStates,
        flags: r.flags,
        flagReasons: r.flagReasons,
        excluded: r.excluded,
        exclusionReason: r.exclusionReason,
      };
    }),
  };
}

export function storeAnalysisRun(
  db: Database,
  result: PipelineResult<number>,
  spectra: ReadonlyArray<AnalysisSpectrum>,
  appVersion: string,
): number {
  const summary = summaryOf(result, spectra);
  return db.transaction(() => {
    const run = db
      .prepare(
        'INSERT INTO analysis_runs (created_at, app_version, recipe_json, summary_json) VALUES (?, ?, ?, ?)',
      )
      .run(new Date().toISOString(), appVersion, JSON.stringify(result.recipe), JSON.stringify(summary));
    const runId = Number(run.lastInsertRowid);
    const insert = db.prepare(
      `INSERT INTO spectrum_results (run_id, spectrum_id, label, ok, vbm, cbm, gap, vb_peak, deep_trap,
        shallow_vb, shallow_cb, series_index, sweep_in_series, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of result.spectra) {
      insert.run(
        runId,
        r.spectrumId,
        r.label,
        r.ok ? 1 : 0,
        r.vbm,
        r.cbm,
        r.gap,
        r.vbPeak,
        r.deepTrap,
        r.shallowVb,
        r.shallowCb,
        r.seriesIndex,
        r.sweepInSeries,
        r.reason,
      );
    }
    const curves = db.prepare(
      `INSERT INTO analysis_group_curves (run_id, label, n, bias, current, current_std, didv, normalised,
        didv_by_vb_peak) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const g of result.groups) {
      const a = g.average;
      if (!a.ok) continue;
      curves.run(
        runId,
        g.label,
        a.n,
        float64ToBlob(a.bias),
        float64ToBlob(a.current),
        float64ToBlob(a.currentStd),
        float64ToBlob(a.didv),
        float64ToBlob(a.normalisedConductance),
        a.didvByVbPeak ? float64ToBlob(a.didvByVbPeak) : null,
      );
    }
    return runId;
  })();
}

interface RunDbRow {
  id: number;
  created_at: string;
  app_version: string;
  recipe_json: string;
  summary_json: string;
}

interface ResultDbRow {
  spectrum_id: number;
  label: string | null;
  ok: number;
  vbm: number | null;
  cbm: number | null;
  gap: number | null;
  vb_peak: number | null;
  deep_trap: number | null;
  shallow_vb: number | null;
  shallow_cb: number | null;
  series_index: number;
  sweep_in_series: number;
  reason: string | null;
}

interface CurvesDbRow {
  label: string;
  n: number;
  bias: Buffer;
  current: Buffer;
  current_std: Buffer;
  didv: Buffer;
  normalised: Buffer;
  didv_by_vb_peak: Buffer | null;
}

function rowToResult(r: ResultDbRow): AnalysisSpectrumResult {
  return {
    spectrumId: r.spectrum_id,
    label: r.label,
    ok: r.ok === 1,
    reason: r.reason,
    vbm: r.vbm,
    cbm: r.cbm,
    gap: r.gap,
    vbPeak: r.vb_peak,
    deepTrap: r.deep_trap,
    shallowVb: r.shallow_vb,
    shallowCb: r.shallow_cb,
    seriesIndex: r.series_index,
    sweepInSeries: r.sweep_in_series,
  };
}

function rowToCurves(r: CurvesDbRow): GroupCurves {
  return {
    n: r.n,
    bias: blobToFloat64(r.bias),
    current: blobToFloat64(r.current),
    currentStd: blobToFloat64(r.current_std),
    didv: blobToFloat64(r.didv),
    normalisedConductance: blobToFloat64(r.normalised),
    didvByVbPeak: r.didv_by_vb_peak ? blobToFloat64(r.didv_by_vb_peak) : null,
  };
}

/** A stored run; with `results: 'none'` its per-spectrum rows are left out (page them instead). */
export function getAnalysisRun(
  db: Database,
  runId: number,
  results: 'all' | 'none' = 'all',
): AnalysisRunView {
  const run = db.prepare('SELECT * FROM analysis_runs WHERE id = ?').get(runId) as RunDbRow | undefined;
  if (!run) throw new ApiError('not-found', `no analysis run ${runId}`);
  const spectra =
    results === 'none'
      ? []
      : (
          db
            .prepare('SELECT * FROM spectrum_results WHERE run_id = ? ORDER BY spectrum_id')
            .all(runId) as ResultDbRow[]
        ).map(rowToResult);
  const curves: Record<string, GroupCurves> = {};
  for (const row of db
    .prepare('SELECT * FROM analysis_group_curves WHERE run_id = ?')
    .all(runId) as CurvesDbRow[])
    curves[row.label] = rowToCurves(row);
  const summary = JSON.parse(run.summary_json) as AnalysisSummary;
  return {
    runId: run.id,
    createdAt: run.created_at,
    appVersion: run.app_version,
    recipe: JSON.parse(run.recipe_json) as AnalysisRecipe,
    ...summary,
    curves,
    spectra,
  };
}

/** One page of a run's per-spectrum results in spectrum-id order, optionally of one label. */
export function listAnalysisResults(
  db: Database,
  input: { runId: number; label?: string; limit: number; offset: number },
): { rows: AnalysisSpectrumResult[]; total: number } {
  if (!db.prepare('SELECT 1 FROM analysis_runs WHERE id = ?').get(input.runId))
    throw new ApiError('not-found', `no analysis run ${input.runId}`);
  const where = input.label === undefined ? 'run_id = @runId' : 'run_id = @runId AND label = @label';
  const params = { runId: input.runId, label: input.label };
  const rows = db
    .prepare(`SELECT * FROM spectrum_results WHERE ${where} ORDER BY spectrum_id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as ResultDbRow[];
  const total = (
    db.prepare(`SELECT count(*) AS n FROM spectrum_results WHERE ${where}`).get(params) as {
      n: number;
    }
  ).n;
  return { rows: rows.map(rowToResult), total };
}

export function listAnalysisRuns(db: Database): { rows: AnalysisRunRow[] } {
  const rows = db
    .prepare(
      `SELECT r.id, r.created_at, r.app_version, r.summary_json,
        (SELECT count(*) FROM spectrum_results sr WHERE sr.run_id = r.id) AS spectra
      FROM analysis_runs r ORDER BY r.id DESC`,
    )
    .all() as Array<RunDbRow & { spectra: number }>;
  return {
    rows: rows.map((r) => ({
      runId: r.id,
      createdAt: r.created_at,
      appVersion: r.app_version,
      groups: (JSON.parse(r.summary_json) as AnalysisSummary).groups.map((g) => g.label),
      spectra: r.spectra,
    })),
  };
}

/** The newest run's id, or null when the library has none. */
export function latestAnalysisRunId(db: Database): number | null {
  const row = db.prepare('SELECT max(id) AS id FROM analysis_runs').get() as { id: number | null };
  return row.id;
}
