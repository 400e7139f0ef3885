// A library's WAL checkpoints during an import, done by the parse worker rather than the thread
// that writes. A checkpoint copies the committed pages into the database file and syncs both
// files: on the build machine ~75 µs per imported Nanonis file, mostly waiting for the syncs
// (bench/import/sqliteCost.ts: 114 µs per file written with them, 38 without any checkpoint). The
// writer is the import's bottleneck; the parse worker idles while it writes, so the waits go there
// (a thread of their own cost ~75 ms of CPU to start, more than it saved on 2 cores). While the
// import runs, the writing connection checkpoints itself only past FALLBACK_FACTOR times its usual
// threshold, so the WAL stays bounded if the worker's checkpoints fall behind or fail. SQLite
// allows a checkpoint on another connection while a writer appends
// (https://sqlite.org/wal.html#application_initiated_checkpoints); PASSIVE never blocks the writer.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/** The writing connection checkpoints itself only past this many times its usual WAL size. */
export const FALLBACK_FACTOR = 16;

/**
 * Checkpoints the library at `path` on a connection of its own (opened and closed here, so no
 * connection outlives the request). Returns false when it could not (the writer's own fallback
 * checkpoint then does it): a checkpoint never decides an import's outcome.
 */
export function checkpointWal(path: string): boolean {
  let db: Db | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    // The syncs of the importing connection (openLibrary.ts): the WAL before its pages are
    // copied, the database file after.
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_checkpoint(PASSIVE)');
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Raises `db`'s automatic checkpoint threshold FALLBACK_FACTOR times while checkpoints are done
 * elsewhere; the returned function puts it back. Null when `db` has no WAL file (memory, another
 * journal mode, read-only): nothing to hand over.
 */
export function handOverCheckpoints(db: Db): (() => void) | null {
  if (db.memory || db.readonly || db.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (pages <= 0) return null;
  db.pragma(`wal_autocheckpoint = ${pages * FALLBACK_FACTOR}`);
  return () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
  };
}
