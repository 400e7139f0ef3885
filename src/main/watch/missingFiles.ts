// Follows deletions and renames in the library: a file gone from disk is marked missing (its
// spectra, labels and results stay); a file that reappears under a new path with the same bytes
// takes over the old row, so its ids and labels carry on instead of a re-import under a new id.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, sep } from 'node:path';

export function markMissing(db: Database, path: string, now: Date): boolean {
  const result = db
    .prepare('UPDATE files SET missing_since = ? WHERE path = ? AND missing_since IS NULL')
    .run(now.toISOString(), path);
  return result.changes > 0;
}

/** Clears the mark of files that are back on disk. */
export function markPresent(db: Database, paths: string[]): void {
  const clear = db.prepare(
    'UPDATE files SET missing_since = NULL WHERE path = ? AND missing_since IS NOT NULL',
  );
  db.transaction(() => {
    for (const path of paths) clear.run(path);
  })();
}

/** Library files under `folders` that are no longer on disk (deleted while nobody watched). */
export function filesGoneFrom(db: Database, folders: string[]): string[] {
  const under = db.prepare<[string, string], { path: string }>(
    'SELECT path FROM files WHERE missing_since IS NULL AND substr(path, 1, length(?)) = ?',
  );
  const gone: string[] = [];
  for (const folder of folders) {
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    for (const { path } of under.all(prefix, prefix)) if (!existsSync(path)) gone.push(path);
  }
  return gone;
}

export function isInLibrary(db: Database, path: string): boolean {
  return db.prepare('SELECT 1 FROM files WHERE path = ?').get(path) !== undefined;
}

/** Whether a rename could be pending: some row is missing or some unlink was just seen. */
export function hasMissingFiles(db: Database): boolean {
  return db.prepare('SELECT 1 FROM files WHERE missing_since IS NOT NULL LIMIT 1').get() !== undefined;
}

/**
 * If `path` (not in the library) holds the same bytes as a library file whose own path is gone from
 * disk, moves that row to `path` and returns the old path; otherwise null.
 */
export function followRename(db: Database, path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const candidates = db
    .prepare<[string, number], { id: number; path: string }>(
      'SELECT id, path FROM files WHERE sha256 = ? AND size = ? ORDER BY missing_since IS NULL, id',
    )
    .all(sha256, bytes.length);
  const moved = candidates.find((row) => row.path !== path && !existsSync(row.path));
  if (!moved) return null;
  db.prepare('UPDATE files SET path = ?, name = ?, mtime_ms = ?, missing_since = NULL WHERE id = ?').run(
    path,
    basename(path),
    statSync(path).mtimeMs,
    moved.id,
  );
  return moved.path;
}
