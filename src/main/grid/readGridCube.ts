// getGridCube: a library file's .3ds decoded from its path (grids are not stored as blobs).
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { GridCubeView } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { decodeNanonis3dsCube } from '../../shared/formats/nanonis3dsCube.ts';
import { ParseError } from '../../shared/formats/types.ts';

export function readGridCube(db: Database, fileId: number): GridCubeView {
  const row = db.prepare('SELECT path, name, format FROM files WHERE id = ?').get(fileId) as
    { path: string; name: string; format: string | null } | undefined;
  if (!row) throw new ApiError('not-found', `no file ${fileId}`);
  if (row.format !== 'nanonis-3ds')
    throw new ApiError('not-a-grid', `${row.name} is not a Nanonis .3ds grid`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(row.path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ApiError('unreadable', `cannot read ${row.path}: ${code}`);
  }
  try {
    return { fileId, name: row.name, path: row.path, cube: decodeNanonis3dsCube(bytes, row.name) };
  } catch (error) {
    if (error instanceof ParseError) throw new ApiError('bad-file', error.message);
    throw error;
  }
}
