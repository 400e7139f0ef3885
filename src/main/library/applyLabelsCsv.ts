// Applies a labels CSV to the library: each row labels every spectrum (all sweeps, both
// directions) of the files it names. A bare name matches a file of that name in any imported
// folder; a relative path matches files whose path ends with it.
import type { Database } from 'better-sqlite3';
import { parseLabelsCsv } from '../../shared/model/labelsCsv.ts';
import type { LabelsCsvOutcome } from '../../shared/model/labelsCsv.ts';
import { setLabel } from './labels.ts';

export function applyLabelsCsv(db: Database, csvText: string): LabelsCsvOutcome {
  const csv = parseLabelsCsv(csvText);
  const outcome: LabelsCsvOutcome = { files: 0, spectra: 0, unmatched: [], problems: csv.problems };
  const filesNamed = db.prepare(
    "SELECT id FROM files WHERE status = 'imported' AND (name = @file OR path LIKE @suffix ESCAPE '\\')",
  );
  const spectraOf = db.prepare('SELECT id FROM spectra WHERE file_id = ?').pluck();
  db.transaction(() => {
    for (const row of csv.rows) {
      const suffix = `%/${row.file.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
      const files = filesNamed.all({ file: row.file, suffix }) as Array<{ id: number }>;
      const spectra = files.flatMap((file) => spectraOf.all(file.id) as number[]);
      if (spectra.length === 0) {
        outcome.unmatched.push({ line: row.line, file: row.file });
        continue;
      }
      outcome.files += files.length;
      outcome.spectra += setLabel(db, spectra, row.label);
    }
  })();
  return outcome;
}
