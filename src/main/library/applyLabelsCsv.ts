// Applies a labels CSV to the library: each row labels every spectrum (all sweeps, both
// directions) of the files it names. A bare name matches a file of that name in any imported
// folder; a relative path matches files whose path ends with it. Files are found by their name
// through the files_name index (the last segment of the CSV's path), and a relative path is then
// checked against those few paths: no scan of every path per CSV row.
//
// A label set belongs to one session when `sessionId` is given: its rows then match only that
// session's files, so the demo's labels.csv ("Bias-Spectroscopy002.dat,crown-centre") does not
// label a real Bias-Spectroscopy002.dat imported in another session of the same library.
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/envelope.ts';
import { parseLabelsCsv } from '../../shared/model/labelsCsv.ts';
import type { LabelsCsvOutcome } from '../../shared/model/labelsCsv.ts';
import { setLabel } from './labels.ts';

export interface LabelsCsvOptions {
  /** Match only the files of this session (sessions.id); absent: every imported file. */
  sessionId?: number;
  /** Match only files at these paths (as stored: files.path), e.g. the batch a watch just imported. */
  paths?: ReadonlySet<string>;
}

export function applyLabelsCsv(
  db: Database,
  csvText: string,
  options: LabelsCsvOptions = {},
): LabelsCsvOutcome {
  const { sessionId, paths } = options;
  if (sessionId !== undefined && !db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId))
    throw new ApiError('not-found', `labels CSV: no session ${sessionId} in this library`);
  const csv = parseLabelsCsv(csvText);
  const outcome: LabelsCsvOutcome = { files: 0, spectra: 0, unmatched: [], problems: csv.problems };
  // Found by name (files_name index); the session, when given, then narrows those few files.
  const filesNamed = db.prepare<[{ name: string; session: number | null }], { id: number; path: string }>(
    `SELECT id, path FROM files WHERE name = @name AND status = 'imported'
       AND (@session IS NULL OR id IN (SELECT file_id FROM session_files WHERE session_id = @session))`,
  );
  const spectraOf = db.prepare('SELECT id FROM spectra WHERE file_id = ?').pluck();
  db.transaction(() => {
    for (const row of csv.rows) {
      const files = filesNamed
        .all({ name: baseName(row.file), session: sessionId ?? null })
        .filter((file) => (!paths || paths.has(file.path)) && pathMatches(file.path, row.file));
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

/** The last segment of a path written with / or \\. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A bare name matches any folder; a relative path must end the file's path at a separator. */
function pathMatches(filePath: string, csvPath: string): boolean {
  const wanted = csvPath.replaceAll('\\', '/');
  if (!wanted.includes('/')) return true;
  const path = filePath.replaceAll('\\', '/');
  return path === wanted || path.endsWith(wanted.startsWith('/') ? wanted : `/${wanted}`);
}
