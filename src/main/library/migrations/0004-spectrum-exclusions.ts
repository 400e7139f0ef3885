// Version 4: the user's exclusions. A spectrum excluded from group statistics by hand, or a flagged
// one included back, with the note saying why; every analysis run copies them into its recipe
// (recipe.exclusions), so a stored run keeps the exclusions it used.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion4(db: Database): void {
  db.exec(`
    CREATE TABLE spectrum_exclusions (
      spectrum_id INTEGER PRIMARY KEY REFERENCES spectra(id) ON DELETE CASCADE,
      action TEXT NOT NULL CHECK (action IN ('include', 'exclude')),
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
