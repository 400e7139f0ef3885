// Version 5: sessions. A session is what one import (one instrument folder) brought in; the user
// renames, merges and deletes them, and analyses one or several. Kept beside `files` (a file is in
// at most one session) so the import's write path is unchanged: the service files each finished
// import's new files under a new session. Analysis runs record the scope they were run on.
// Existing libraries get one session per import run that brought files in.
import type { Database } from 'better-sqlite3';
import { sessionNameOf } from '../sessionName.ts';

export function updateToSchemaVersion5(db: Database): void {
  db.exec(`
    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE session_files (
      file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
      session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX session_files_session ON session_files(session_id);

    CREATE TABLE analysis_run_scopes (
      run_id INTEGER PRIMARY KEY REFERENCES analysis_runs(id) ON DELETE CASCADE,
      scope_json TEXT NOT NULL
    ) STRICT;
  `);
  const runs = db
    .prepare(
      `SELECT r.id, r.started_at, r.roots_json FROM import_runs r
       WHERE EXISTS (SELECT 1 FROM files f WHERE f.import_run_id = r.id) ORDER BY r.id`,
    )
    .all() as Array<{ id: number; started_at: string; roots_json: string }>;
  const insert = db.prepare('INSERT INTO sessions (name, created_at) VALUES (?, ?)');
  const fileInto = db.prepare(
    'INSERT INTO session_files (file_id, session_id) SELECT id, ? FROM files WHERE import_run_id = ?',
  );
  for (const run of runs) {
    const sessionId = Number(
      insert.run(sessionNameOf(JSON.parse(run.roots_json) as string[]), run.started_at).lastInsertRowid,
    );
    fileInto.run(sessionId, run.id);
  }
}
