// Version 1: files, spectra (curves as little-endian Float64 BLOBs), images (Float32 BLOBs),
// labels, tags and import runs. STRICT tables so a wrong type is an error, not a silent cast.
// AUTOINCREMENT ids: a re-imported file's new spectra never take ids that results or labels once named.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      roots_json TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
      report_json TEXT
    ) STRICT;

    CREATE TABLE files (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      path TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT,
      kind TEXT,
      status TEXT NOT NULL CHECK (status IN ('imported', 'skipped', 'failed')),
      error TEXT,
      not_iv TEXT,
      header_json TEXT NOT NULL,
      header_entries_json TEXT NOT NULL,
      acquired_at TEXT,
      comment TEXT NOT NULL,
      pos_x REAL,
      pos_y REAL,
      pos_z REAL,
      setpoint_bias REAL,
      setpoint_current REAL,
      grid_json TEXT,
      import_run_id INTEGER REFERENCES import_runs(id),
      reader_version TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX files_sha256 ON files(sha256);
    CREATE INDEX files_acquired_at ON files(acquired_at);

    CREATE TABLE spectra (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      sweep INTEGER NOT NULL,
      is_average INTEGER NOT NULL CHECK (is_average IN (0, 1)),
      direction TEXT NOT NULL CHECK (direction IN ('forward', 'backward')),
      grid_index INTEGER,
      points INTEGER NOT NULL,
      bias_min REAL NOT NULL,
      bias_max REAL NOT NULL,
      x REAL,
      y REAL,
      z REAL,
      acquired_at TEXT,
      channels_json TEXT NOT NULL,
      bias BLOB NOT NULL,
      current BLOB NOT NULL,
      extra BLOB NOT NULL,
      UNIQUE (file_id, idx)
    ) STRICT;
    CREATE INDEX spectra_xy ON spectra(x, y);

    CREATE TABLE images (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      channel TEXT NOT NULL,
      unit TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('forward', 'backward')),
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      centre_x REAL NOT NULL,
      centre_y REAL NOT NULL,
      frame_width REAL NOT NULL,
      frame_height REAL NOT NULL,
      angle_deg REAL NOT NULL,
      min REAL,
      max REAL,
      mean REAL,
      nan_count INTEGER NOT NULL,
      data BLOB NOT NULL,
      UNIQUE (file_id, idx)
    ) STRICT;

    CREATE TABLE labels (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL
    ) STRICT;

    CREATE TABLE spectrum_labels (
      spectrum_id INTEGER PRIMARY KEY REFERENCES spectra(id) ON DELETE CASCADE,
      label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX spectrum_labels_label ON spectrum_labels(label_id);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE file_tags (
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (file_id, tag_id)
    ) STRICT;
  `);
}
