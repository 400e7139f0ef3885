// Version 7: files deleted from a watched folder are marked missing instead of dropped, so their
// spectra, labels and analysis results stay (the status CHECK of version 1 cannot be altered in
// place, hence a column rather than a new status). NULL = present; otherwise when it vanished (ISO).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion7(db: Database): void {
  db.exec(`
    ALTER TABLE files ADD COLUMN missing_since TEXT;
    CREATE INDEX files_missing ON files(missing_since) WHERE missing_since IS NOT NULL;
  `);
}
