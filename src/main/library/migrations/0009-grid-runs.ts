// Version 9: per-pixel grid analysis stored with the recipe that made it.
// - grid_runs: one row per analysed .3ds grid, channel and recipe (the resolved recipe as JSON,
//   sweeps taken forward), with the app version, when it was made and the file's SHA-256 (a grid
//   re-imported with other bytes is analysed again). The maps are little-endian Float64 BLOBs of
//   width × height values in the file's pixel order (index = row × width + column), NaN for no
//   value; flags one byte per pixel (PIXEL_FLAGS bits).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion9(db: Database): void {
  db.exec(`
    CREATE TABLE grid_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      file_sha256 TEXT NOT NULL,
      channel TEXT NOT NULL,
      recipe_json TEXT NOT NULL,
      app_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      points INTEGER NOT NULL,
      written INTEGER NOT NULL,
      signal TEXT NOT NULL,
      vbm BLOB NOT NULL,
      cbm BLOB NOT NULL,
      gap BLOB NOT NULL,
      deep_trap BLOB NOT NULL,
      in_gap BLOB NOT NULL,
      flags BLOB NOT NULL
    ) STRICT;
    CREATE INDEX grid_runs_lookup ON grid_runs(file_id, channel, recipe_json);
  `);
}
