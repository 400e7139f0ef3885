// Sessions: list them with their counts, date range and labels; rename, merge, delete; file each
// finished import's new files under a new session.
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope.ts';
import type { SessionRow } from '../../shared/model/library.ts';
import { sessionNameOf } from './sessionName.ts';

/**
 * Files an import run brought in that are in no session yet become one new session named after
 * the imported folder; returns its id, or null when the run added no new file (all unchanged).
 */
export function fileImportRunAsSession(db: Database, runId: number): number | null {
  return db.transaction(() => {
    const run = db.prepare('SELECT started_at, roots_json FROM import_runs WHERE id = ?').get(runId) as
      { started_at: string; roots_json: string } | undefined;
    if (!run) return null;
    const loose = db
      .prepare(
        'SELECT id FROM files WHERE import_run_id = ? AND id NOT IN (SELECT file_id FROM session_files)',
      )
      .pluck()
      .all(runId) as number[];
    if (loose.length === 0) return null;
    const name = sessionNameOf(JSON.parse(run.roots_json) as string[]);
    const sessionId = Number(
      db.prepare('INSERT INTO sessions (name, created_at) VALUES (?, ?)').run(name, run.started_at)
        .lastInsertRowid,
    );
    const add = db.prepare('INSERT INTO session_files (file_id, session_id) VALUES (?, ?)');
    for (const fileId of loose) add.run(fileId, sessionId);
    return sessionId;
  })();
}

export function listSessions(db: Database): SessionRow[] {
  const sessions = db
    .prepare(
      `SELECT s.id, s.name, s.created_at AS createdAt,
         (SELECT count(*) FROM session_files sf WHERE sf.session_id = s.id) AS files,
         (SELECT count(*) FROM session_files sf JOIN spectra sp ON sp.file_id = sf.file_id
            WHERE sf.session_id = s.id AND sp.is_average = 0) AS spectra,
         (SELECT min(f.acquired_at) FROM session_files sf JOIN files f ON f.id = sf.file_id
            WHERE sf.session_id = s.id) AS "from",
         (SELECT max(f.acquired_at) FROM session_files sf JOIN files f ON f.id = sf.file_id
            WHERE sf.session_id = s.id) AS "to"
       FROM sessions s ORDER BY s.id DESC`,
    )
    .all() as Array<Omit<SessionRow, 'labels'>>;
  const labels = db
    .prepare(
      `SELECT sf.session_id AS sessionId, l.name, l.colour, count(*) AS spectra
       FROM session_files sf JOIN spectra sp ON sp.file_id = sf.file_id AND sp.is_average = 0
         JOIN spectrum_labels sl ON sl.spectrum_id = sp.id JOIN labels l ON l.id = sl.label_id
       GROUP BY sf.session_id, l.id ORDER BY spectra DESC, l.name`,
    )
    .all() as Array<{ sessionId: number; name: string; colour: string; spectra: number }>;
  return sessions.map((s) => ({
    ...s,
    labels: labels
      .filter((l) => l.sessionId === s.id)
      .map(({ name, colour, spectra }) => ({ name, colour, spectra })),
  }));
}

function sessionOf(db: Database, id: number): SessionRow {
  const row = listSessions(db).find((s) => s.id === id);
  if (!row) throw new ApiError('not-found', `no session with id ${id}`);
  return row;
}

export function renameSession(db: Database, id: number, name: string): SessionRow {
  const { changes } = db.prepare('UPDATE sessions SET name = ? WHERE id = ?').run(name, id);
  if (changes === 0) throw new ApiError('not-found', `no session with id ${id}`);
  return sessionOf(db, id);
}

/** Moves the files of every other session into the first (the oldest keeps its name). */
export function mergeSessions(db: Database, ids: readonly number[]): SessionRow {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return db.transaction(() => {
    const known = db.prepare('SELECT id FROM sessions WHERE id = ?');
    for (const id of unique) if (!known.get(id)) throw new ApiError('not-found', `no session with id ${id}`);
    const [into, ...others] = unique;
    if (into === undefined || others.length === 0)
      throw new ApiError('invalid-input', 'name two or more sessions to merge');
    const move = db.prepare('UPDATE session_files SET session_id = ? WHERE session_id = ?');
    const drop = db.prepare('DELETE FROM sessions WHERE id = ?');
    for (const id of others) {
      move.run(into, id);
      drop.run(id);
    }
    return sessionOf(db, into);
  })();
}

/** Deletes the session and its files from the library (spectra, images, labels go with them). */
export function deleteSession(db: Database, id: number): { files: number } {
  return db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id);
    if (!exists) throw new ApiError('not-found', `no session with id ${id}`);
    const { changes } = db
      .prepare('DELETE FROM files WHERE id IN (SELECT file_id FROM session_files WHERE session_id = ?)')
      .run(id);
    db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    return { files: changes };
  })();
}
