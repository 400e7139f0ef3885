// Version 2: stored analysis runs. Every run keeps the full recipe it used (all parameters and the
// app version) beside its results, so a number in a figure can always be traced to its settings.
// - analysis_runs: one row per run; summary_json holds groups, comparisons and series without curves.
// - spectrum_results: per-spectrum edges (V) and trap integrals (V) of a run; the label is copied
//   because labels may change after the run.
// - analysis_group_curves: each group's averaged spectrum as little-endian Float64 BLOBs, so a
//   stored run can be shown and exported without recomputing it.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion2(db: Database): void {
  db.exec(`
    CREATE TABLE analysis_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at TEXT NOT NULL,
      app_version TEXT NOT NULL,
      recipe_json TEXT NOT NULL,
      summary_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE spectrum_results (
      run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
      spectrum_id INTEGER NOT NULL REFERENCES spectra(id) ON DELETE CASCADE,
      label TEXT,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      vbm REAL,
      cbm REAL,
      gap REAL,
      vb_peak REAL,
      deep_trap REAL,
      shallow_vb REAL,
      shallow_cb REAL,
      series_index INTEGER NOT NULL,
      sweep_in_series INTEGER NOT NULL,
      reason TEXT,
      PRIMARY KEY (run_id, spectrum_id)
    ) STRICT;
    -- Deleting a spectrum cascades here; without this index that would scan every result.
    CREATE INDEX spectrum_results_spectrum ON spectrum_results(spectrum_id);

    CREATE TABLE analysis_group_curves (
      run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      n INTEGER NOT NULL,
      bias BLOB NOT NULL,
      current BLOB NOT NULL,
      current_std BLOB NOT NULL,
      didv BLOB NOT NULL,
      normalised BLOB NOT NULL,
      didv_by_vb_peak BLOB,
      PRIMARY KEY (run_id, label)
    ) STRICT;
  `);
}
