// Stored grid runs (migration 9): find the run of a grid, channel and recipe; store one; read it.
// Maps travel as little-endian Float64 BLOBs (the platforms we run on are little-endian).
import type { Database } from 'better-sqlite3';
import type { GridRunView } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { AnalysisRecipe } from '../../shared/analysis/recipe.ts';
import { MAP_NAMES, type GridMaps, type MapName } from '../../shared/grid/gridMaps.ts';
import type { PixelSignal } from '../../shared/grid/pixelMeasures.ts';

const COLUMN: Record<MapName, string> = {
  vbm: 'vbm',
  cbm: 'cbm',
  gap: 'gap',
  deepTrap: 'deep_trap',
  inGap: 'in_gap',
};

/** The recipe as stored and matched: resolved, sweeps forward (grids are analysed forward). */
export function gridRecipeJson(recipe: AnalysisRecipe): string {
  return JSON.stringify({ ...recipe, direction: 'forward' });
}

/** The grid file's identity: its id and the SHA-256 of the bytes imported. */
export function gridFileOf(db: Database, fileId: number): { name: string; sha256: string } {
  const row = db.prepare('SELECT name, sha256 FROM files WHERE id = ?').get(fileId) as
    { name: string; sha256: string } | undefined;
  if (!row) throw new ApiError('not-found', `no file ${fileId}`);
  return row;
}

/**
 * The newest stored run of this grid (same bytes), channel and recipe, made by `appVersion` (null:
 * by any version), or null. A run of another version may hold other numbers for the same recipe
 * (the definitions change between versions: docs/ANALYSIS.md), so it is not reused by default.
 */
export function findGridRun(
  db: Database,
  fileId: number,
  channel: string,
  recipeJson: string,
  appVersion: string | null,
): number | null {
  const { sha256 } = gridFileOf(db, fileId);
  const row = db
    .prepare(
      `SELECT id FROM grid_runs WHERE file_id = ? AND channel = ? AND recipe_json = ? AND file_sha256 = ?
      AND (? IS NULL OR app_version = ?) ORDER BY id DESC LIMIT 1`,
    )
    .get(fileId, channel, recipeJson, sha256, appVersion, appVersion) as { id: number } | undefined;
  return row?.id ?? null;
}

const blobOf = (values: Float64Array | Uint8Array): Buffer =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength);

export function storeGridRun(
  db: Database,
  fileId: number,
  recipeJson: string,
  appVersion: string,
  maps: GridMaps,
): number {
  const { sha256 } = gridFileOf(db, fileId);
  const columns = MAP_NAMES.map((name) => COLUMN[name]);
  const result = db
    .prepare(
      `INSERT INTO grid_runs (file_id, file_sha256, channel, recipe_json, app_version, created_at,
        width, height, points, written, signal, ${columns.join(', ')}, flags)
      VALUES (${Array.from({ length: 11 + columns.length + 1 }, () => '?').join(', ')})`,
    )
    .run(
      fileId,
      sha256,
      maps.channel,
      recipeJson,
      appVersion,
      new Date().toISOString(),
      maps.width,
      maps.height,
      maps.points,
      maps.written,
      maps.signal,
      ...MAP_NAMES.map((name) => blobOf(maps.maps[name])),
      blobOf(maps.flags),
    );
  return Number(result.lastInsertRowid);
}

/** A Float64Array over a copy of the BLOB (aligned; the BLOB's buffer may be shared). */
function float64Of(blob: Buffer, size: number, what: string): Float64Array {
  if (blob.byteLength !== size * 8)
    throw new Error(`grid run ${what}: ${blob.byteLength} bytes for ${size} pixels`);
  const out = new Float64Array(size);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

export function getGridRun(db: Database, runId: number): GridRunView {
  const row = db
    .prepare(
      `SELECT r.*, f.name AS grid_name FROM grid_runs r JOIN files f ON f.id = r.file_id WHERE r.id = ?`,
    )
    .get(runId) as Record<string, unknown> | undefined;
  if (!row) throw new ApiError('not-found', `no grid run ${runId}`);
  const width = row.width as number;
  const height = row.height as number;
  const size = width * height;
  const flags = row.flags as Buffer;
  return {
    runId,
    fileId: row.file_id as number,
    gridName: row.grid_name as string,
    channel: row.channel as string,
    recipe: JSON.parse(row.recipe_json as string) as AnalysisRecipe,
    appVersion: row.app_version as string,
    createdAt: row.created_at as string,
    width,
    height,
    points: row.points as number,
    written: row.written as number,
    signal: row.signal as PixelSignal,
    maps: Object.fromEntries(
      MAP_NAMES.map((name) => [name, float64Of(row[COLUMN[name]] as Buffer, size, name)]),
    ) as Record<MapName, Float64Array>,
    // Float64 so the HTTP bridge's binary frames carry it (they know Float64/Float32 arrays).
    flags: Float64Array.from(flags.subarray(0, size)),
  };
}
