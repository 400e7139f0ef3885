// MATRIX data files recorded while their session's parameter file (`<experiment>_0001.mtrx`) was
// not beside them hold only raw counts ("waiting for the parameter file"). When the parameter file
// appears (an import of its folder, or the watcher importing just that file), those data files are
// read again with it, although they themselves did not change.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import {
  matrixMissingParameterReason,
  matrixParameterFileName,
} from '../../shared/formats/omicronMatrixNames.ts';
import type { ScannedFile } from './scanPaths.ts';

/** A MATRIX session's parameter file name: `<experiment>_0001.mtrx`. */
const PARAMETER_FILE = /_0001\.mtrx$/i;

/** True when the row says the data file was read without its parameter file, and it is there now. */
export function parameterFileArrived(path: string, name: string, notIv: string | null): boolean {
  const parameterName = matrixParameterFileName(name);
  if (parameterName === null || notIv === null) return false;
  return (
    notIv.includes(matrixMissingParameterReason(parameterName)) &&
    existsSync(join(dirname(path), parameterName))
  );
}

/**
 * The data files in the library waiting for one of the parameter files in `scanned`, that are
 * not in `scanned` themselves (the watcher imports only the new file): to be read again.
 */
export async function dataFilesWaitingFor(
  db: Database,
  scanned: readonly ScannedFile[],
): Promise<ScannedFile[]> {
  const listed = new Set(scanned.map((file) => file.path));
  const candidates = db.prepare<[string], { path: string; name: string; not_iv: string | null }>(
    "SELECT path, name, not_iv FROM files WHERE path LIKE ? ESCAPE '\\' AND status = 'imported' AND not_iv IS NOT NULL",
  );
  const found: ScannedFile[] = [];
  for (const parameter of scanned.filter((file) => PARAMETER_FILE.test(file.name))) {
    const folder = dirname(parameter.path);
    const prefix = `${folder}${sep}`.replace(/[\\%_]/g, (c) => `\\${c}`);
    for (const row of candidates.all(`${prefix}%`)) {
      if (listed.has(row.path) || dirname(row.path) !== folder) continue;
      if (matrixParameterFileName(row.name) !== parameter.name) continue;
      if (!row.not_iv?.includes(matrixMissingParameterReason(parameter.name))) continue;
      try {
        const stats = await stat(row.path);
        if (!stats.isFile()) continue;
        found.push({ path: row.path, name: basename(row.path), size: stats.size, mtimeMs: stats.mtimeMs });
        listed.add(row.path);
      } catch {
        // Gone since it was recorded: the watcher or the next import reports it missing.
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
