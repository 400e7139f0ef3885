// Version 13: the user's series edits. A series split by hand (a new series starts at a spectrum)
// or joined by hand (a spectrum's file continues the series before it, whatever the distance or
// time between them), with a note; every analysis run copies them into its recipe (series.split,
// series.join), so a stored run keeps the series it was computed with.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion13(db: Database): void {
  db.exec(`
    CREATE TABLE series_edits (
      spectrum_id INTEGER PRIMARY KEY REFERENCES spectra(id) ON DELETE CASCADE,
      action TEXT NOT NULL CHECK (action IN ('split', 'join')),
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
