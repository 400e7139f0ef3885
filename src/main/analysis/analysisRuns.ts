// Stored analysis runs: the recipe (every parameter + app version), the summary (groups,
// comparisons, series), per-spectrum results and each group's averaged curves. One synchronous
// transaction per run, so a run is stored whole or not at all.
import type { Database } from 'better-sqlite3';
import type { PipelineResult, AnalysisRecipe } from '../../shared/analysis/index.ts';
import type {
  AnalysisRunRow,
  AnalysisRunView,
  AnalysisSpectrum,
  AnalysisSpectrumQuality,
  AnalysisSpectrumResult,
  AnalysisSummary,
  GroupCurves,
} from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { blobToFloat64, float64ToBlob } from '../library/blobs.ts';

/** The stored summary of a pipeline result: numbers only, curves and per-spectrum rows left out. */
export function summaryOf(
  result: PipelineResult<number>,
  spectra: ReadonlyArray<Pick<AnalysisSpectrum, 'id' | 'name'>>,
): AnalysisSummary {
  const nameOf = new Map(spectra.map((s) => [s.id, s.name]));
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
            rangeNote: g.average.rangeNote,
          }
        : { ok: false, reason: g.average.reason },
      leftOutOfAverage: g.leftOutOfAverage.map((index) => result.spectra[index]!.spectrumId),
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
  };
}

export function storeAnalysisRun(
  db: Database,
  result: PipelineResult<number>,
  spectra: ReadonlyArray<Pick<AnalysisSpectrum, 'id' | 'name'>>,
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
        shallow_vb, shallow_cb, series_index, sweep_in_series, reason, in_gap_states_json, flags_json,
        flag_reasons_json, excluded, exclusion_reason, current_noise_raise)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        JSON.stringify(r.inGapStates),
        JSON.stringify(r.flags),
        JSON.stringify(r.flagReasons),
        r.excluded ? 1 : 0,
        r.exclusionReason,
        r.currentNoiseRaise,
      );
    }
    const curves = db.prepare(
      `INSERT INTO analysis_group_curves (run_id, label, n, bias, current, current_std, didv, normalised,
        didv_by_vb_peak, didv_std, normalised_std) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        a.didvStd ? float64ToBlob(a.didvStd) : null,
        a.normalisedStd ? float64ToBlob(a.normalisedStd) : null,
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
  in_gap_states_json: string;
  flags_json: string;
  flag_reasons_json: string;
  excluded: number;
  exclusion_reason: string | null;
  /** Null in runs stored before schema version 14. */
  current_noise_raise: number | null;
  /** Joined from spectra and files (null when the spectrum is gone). */
  file: string | null;
  name: string | null;
  sweep: number | null;
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
  /** Null in runs stored before schema version 12. */
  didv_std: Buffer | null;
  normalised_std: Buffer | null;
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

function rowToQuality(r: ResultDbRow): AnalysisSpectrumQuality {
  return {
    spectrumId: r.spectrum_id,
    file: r.file ?? String(r.spectrum_id),
    name: r.name ?? String(r.spectrum_id),
    sweep: r.sweep ?? 1,
    inGapStates: JSON.parse(r.in_gap_states_json) as AnalysisSpectrumQuality['inGapStates'],
    flags: JSON.parse(r.flags_json) as AnalysisSpectrumQuality['flags'],
    flagReasons: JSON.parse(r.flag_reasons_json) as string[],
    excluded: r.excluded === 1,
    exclusionReason: r.exclusion_reason,
    currentNoiseRaise: r.current_noise_raise,
  };
}

/** A run's per-spectrum rows with the spectrum's file, name and sweep; `where` on `sr`. */
const RESULTS_FROM = `FROM spectrum_results sr
  LEFT JOIN spectra s ON s.id = sr.spectrum_id LEFT JOIN files f ON f.id = s.file_id`;
const RESULTS_SELECT = `SELECT sr.*, f.path AS file, f.name AS name, s.sweep AS sweep ${RESULTS_FROM}`;

function rowToCurves(r: CurvesDbRow): GroupCurves {
  return {
    n: r.n,
    bias: blobToFloat64(r.bias),
    current: blobToFloat64(r.current),
    currentStd: blobToFloat64(r.current_std),
    didv: blobToFloat64(r.didv),
    normalisedConductance: blobToFloat64(r.normalised),
    didvByVbPeak: r.didv_by_vb_peak ? blobToFloat64(r.didv_by_vb_peak) : null,
    didvStd: r.didv_std ? blobToFloat64(r.didv_std) : null,
    normalisedStd: r.normalised_std ? blobToFloat64(r.normalised_std) : null,
  };
}

/**
 * A stored run: its summary (groups with their histograms and statistics, comparisons, series),
 * the groups' averaged curves and how many per-spectrum rows it has. With `results: 'all'` the
 * per-spectrum rows too (`spectra` and `quality`, in spectrum-id order); the API answers without
 * them unless asked (page them with listAnalysisResults).
 */
export function getAnalysisRun(
  db: Database,
  runId: number,
  results: 'all' | 'none' = 'all',
): AnalysisRunView {
  const run = db.prepare('SELECT * FROM analysis_runs WHERE id = ?').get(runId) as RunDbRow | undefined;
  if (!run) throw new ApiError('not-found', `no analysis run ${runId}`);
  const rows =
    results === 'none'
      ? []
      : (db
          .prepare(`${RESULTS_SELECT} WHERE sr.run_id = ? ORDER BY sr.spectrum_id`)
          .all(runId) as ResultDbRow[]);
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
    resultCount: resultCount(db, runId),
    curves,
    spectra: rows.map(rowToResult),
    quality: rows.map(rowToQuality),
  };
}

function resultCount(db: Database, runId: number, label?: string): number {
  const where = label === undefined ? 'run_id = ?' : 'run_id = ? AND label = ?';
  const params = label === undefined ? [runId] : [runId, label];
  return (
    db.prepare(`SELECT count(*) AS n FROM spectrum_results WHERE ${where}`).get(...params) as { n: number }
  ).n;
}

/**
 * One page of a run's per-spectrum rows in spectrum-id order, optionally of one label: the
 * numbers (`rows`) and, index for index, the quality findings (`quality`).
 */
export function listAnalysisResults(
  db: Database,
  input: { runId: number; label?: string; limit: number; offset: number },
): { rows: AnalysisSpectrumResult[]; quality: AnalysisSpectrumQuality[]; total: number } {
  if (!db.prepare('SELECT 1 FROM analysis_runs WHERE id = ?').get(input.runId))
    throw new ApiError('not-found', `no analysis run ${input.runId}`);
  const where = input.label === undefined ? 'sr.run_id = @runId' : 'sr.run_id = @runId AND sr.label = @label';
  const rows = db
    .prepare(`${RESULTS_SELECT} WHERE ${where} ORDER BY sr.spectrum_id LIMIT @limit OFFSET @offset`)
    .all({
      runId: input.runId,
      label: input.label,
      limit: input.limit,
      offset: input.offset,
    }) as ResultDbRow[];
  return {
    rows: rows.map(rowToResult),
    quality: rows.map(rowToQuality),
    total: resultCount(db, input.runId, input.label),
  };
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
