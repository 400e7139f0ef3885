// Version 3: hostile-input hardening.
// - images: the frame (centre, size, angle) is nullable: a file that does not say where its frame
//   is (a .sxm with SCAN_OFFSET n/a) stores NULL instead of failing the insert with a NaN.
// - import_runs: state 'interrupted' for a run whose process died (marked when the library opens),
//   with the pid and host of the process that runs it so a dead one can be told from a live one.
// - write_lock: at most one row, the import that holds the library's write turn (writeLock.ts).
// SQLite changes column constraints only by rebuilding the table; migrate() runs this step with
// foreign keys off and checks them before commit (https://sqlite.org/lang_altertable.html#otheralter).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion3(db: Database): void {
  db.exec(`
    CREATE TABLE images_v3 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      channel TEXT NOT NULL,
      unit TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('forward', 'backward')),
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      centre_x REAL,
      centre_y REAL,
      frame_width REAL,
      frame_height REAL,
      angle_deg REAL,
      min REAL,
      max REAL,
      mean REAL,
      nan_count INTEGER NOT NULL,
      data BLOB NOT NULL,
      UNIQUE (file_id, idx)
    ) STRICT;
    INSERT INTO images_v3 SELECT * FROM images;
    DROP TABLE images;
    ALTER TABLE images_v3 RENAME TO images;

    CREATE TABLE import_runs_v3 (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      roots_json TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
      report_json TEXT,
      pid INTEGER,
      host TEXT
    ) STRICT;
    INSERT INTO import_runs_v3 SELECT *, NULL, NULL FROM import_runs;
    DROP TABLE import_runs;
    ALTER TABLE import_runs_v3 RENAME TO import_runs;

    CREATE TABLE write_lock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      owner TEXT NOT NULL,
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      what TEXT NOT NULL,
      since TEXT NOT NULL,
      -- ms since the epoch; refreshed while held, so a holder on another host can be seen dead.
      heartbeat_ms REAL NOT NULL
    ) STRICT;
  `);
}
