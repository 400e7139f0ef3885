// Version 11: files_import_run (import_run_id). Each import files what it brought in as a session
// (sessions.ts: the run's files not yet in a session): without this index that looked at every
// file of the library, its header JSON included (~1.5 kB per file, inline in 64 KiB pages), at the
// end of every import, however few files it read.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion11(db: Database): void {
  db.exec('CREATE INDEX files_import_run ON files(import_run_id)');
}
