// Every import run becomes a session of the files it brought in (src/main/library/sessions.ts);
// a watched folder is one session however many batches it takes, so each batch's new session is
// merged into the watch's first one.
import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';
import { mergeSessions, renameSession } from '../library/sessions.ts';

/**
 * Files the run `runId` added into the session `sessionId` (or adopts the run's, named after the
 * watched folders); returns the session.
 */
export function fileBatchIntoSession(
  db: Database,
  runId: number,
  sessionId: number | null,
  folders: string[],
): number | null {
  const filed = db
    .prepare(
      `SELECT DISTINCT sf.session_id FROM session_files sf JOIN files f ON f.id = sf.file_id
       WHERE f.import_run_id = ? ORDER BY sf.session_id`,
    )
    .pluck()
    .all(runId) as number[];
  const exists =
    sessionId !== null && db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId) !== undefined;
  if (!exists) {
    // First batch with files, or the user deleted the session.
    const adopted = filed[0] ?? null;
    if (adopted !== null) renameSession(db, adopted, folders.map((folder) => basename(folder)).join(' + '));
    return adopted;
  }
  const others = filed.filter((id) => id !== sessionId);
  if (others.length > 0) mergeSessions(db, [sessionId, ...others]);
  return sessionId;
}
