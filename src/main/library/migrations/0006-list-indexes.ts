// Version 6: indexes for 100k+-spectrum libraries.
// - spectra_file_average (file_id, is_average, idx): the Library list walks files in path order and
//   takes each file's spectra from this index already in idx order, so no temp B-tree sort; counts
//   of spectra (with or without the instrument averages) read only this index, never the rows with
//   their curve BLOBs.
// - spectra_averages: the ids of the [AVG] columns only (partial), so a label's count can leave
//   them out without reading spectra rows.
// - files_name: the labels CSV names files by name (or a path ending); matched through this index
//   instead of a LIKE scan of every path per CSV row.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion6(db: Database): void {
  db.exec(`
    CREATE INDEX spectra_file_average ON spectra(file_id, is_average, idx);
    CREATE INDEX spectra_averages ON spectra(id) WHERE is_average = 1;
    CREATE INDEX files_name ON files(name);
  `);
}
