// Version 8: labels suggested from the topography keep the settings that made them.
// - classify_runs: one row per classified image and application, with the classifier's parameters
//   (ClassifyParams, nm and nm²) and the image it read.
// - spectrum_labels.classify_run_id: the run that set a label; NULL for a label set by hand (the
//   UI, a labels CSV), which a classification never overwrites.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion8(db: Database): void {
  db.exec(`
    CREATE TABLE classify_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at TEXT NOT NULL,
      image_id INTEGER REFERENCES images(id) ON DELETE SET NULL,
      image_name TEXT NOT NULL,
      params_json TEXT NOT NULL
    ) STRICT;

    ALTER TABLE spectrum_labels ADD COLUMN classify_run_id INTEGER REFERENCES classify_runs(id) ON DELETE SET NULL;
  `);
}
