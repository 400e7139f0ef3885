// A watched folder may hold a labels CSV (`labels.csv`, file,label) written alongside the sweeps:
// after each batch its rows naming files of that batch are applied, so new sweeps join their groups
// in the analysis as they arrive. Rows for other files are left alone (labels set in the app stay).
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyLabelsCsv } from '../library/applyLabelsCsv.ts';

export const LABELS_FILE = 'labels.csv';

/** Applies the rows of each folder's labels.csv that name one of `paths`; returns spectra labelled. */
export function applyFolderLabels(db: Database, folders: string[], paths: string[]): number {
  if (paths.length === 0) return 0;
  const names = new Set(paths.map((path) => basename(path)));
  let labelled = 0;
  for (const folder of folders) {
    let text: string;
    try {
      text = readFileSync(join(folder, LABELS_FILE), 'utf8');
    } catch {
      continue; // no labels file: nothing to apply
    }
    const [head, ...rows] = text.split(/\r?\n/);
    const mine = rows.filter((row) => names.has(basename(row.split(',')[0]?.trim() ?? '')));
    // Only the batch's own files: a same-named file of another session keeps its labels.
    if (mine.length > 0)
      labelled += applyLabelsCsv(db, [head, ...mine].join('\n'), { paths: new Set(paths) }).spectra;
  }
  return labelled;
}
