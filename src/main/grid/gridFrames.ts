// The grids of an image's session with their frames (files.grid_json), for drawing them on the
// image: no pixel data is read.
import type { Database } from 'better-sqlite3';
import type { GridFrameRow } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import type { ImageFrame } from '../../shared/formats/types.ts';

interface StoredGrid {
  pointsX: number;
  pointsY: number;
  pixelsWritten: number;
  frame: ImageFrame | null;
}

export function listGridFrames(db: Database, imageId: number): { rows: GridFrameRow[] } {
  const image = db.prepare('SELECT file_id FROM images WHERE id = ?').get(imageId) as
    { file_id: number } | undefined;
  if (!image) throw new ApiError('not-found', `no image with id ${imageId}`);
  const rows = db
    .prepare(
      `SELECT f.id, f.name, f.grid_json FROM files f JOIN session_files sf ON sf.file_id = f.id
      WHERE sf.session_id = (SELECT session_id FROM session_files WHERE file_id = ?)
        AND f.grid_json IS NOT NULL AND f.status = 'imported'
      ORDER BY f.path`,
    )
    .all(image.file_id) as Array<{ id: number; name: string; grid_json: string }>;
  return {
    rows: rows.flatMap((row) => {
      const grid = JSON.parse(row.grid_json) as StoredGrid;
      if (!grid.frame || !(grid.frame.width > 0) || !(grid.frame.height > 0)) return [];
      return [
        {
          fileId: row.id,
          name: row.name,
          pointsX: grid.pointsX,
          pointsY: grid.pointsY,
          written: grid.pixelsWritten,
          frame: grid.frame,
        },
      ];
    }),
  };
}
