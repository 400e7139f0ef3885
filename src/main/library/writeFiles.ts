// Writes a batch of import outcomes in one synchronous transaction, each file in its own savepoint:
// a file and all its spectra and images land together or not at all, and a file SQLite refuses
// (a constraint, a value too big) is recorded failed with the reason while the others land. A re-imported file replaces its old rows; labels set on its
// spectra survive the replacement (matched by the spectrum's place in the file), with their
// provenance: a label the classifier set keeps its classify run, a hand label stays a hand label.
import type { Database, Statement } from 'better-sqlite3';
import type { FileOutcome } from './fileOutcome.ts';
import type { ColumnValues, FileRows } from './fileRows.ts';

export interface WriteContext {
  importRunId: number | null;
  readerVersion: string;
}

interface Statements {
  labelsOfFile: Statement<[number], { idx: number; label_id: number; classify_run_id: number | null }>;
  deleteFile: Statement<[number]>;
  findFile: Statement<[string], { id: number }>;
  insertFile: Statement;
  insertSpectrum: Statement;
  insertImage: Statement;
  insertLabel: Statement<[number, number, number | null]>;
  spectrumAt: Statement<[number, number]>;
}

function prepare(db: Database): Statements {
  return {
    labelsOfFile: db.prepare(
      `SELECT s.idx AS idx, l.label_id AS label_id, l.classify_run_id AS classify_run_id
      FROM spectra s JOIN spectrum_labels l ON l.spectrum_id = s.id WHERE s.file_id = ?`,
    ),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    findFile: db.prepare('SELECT id FROM files WHERE path = ?'),
    insertFile:
      db.prepare(`INSERT INTO files (path, name, size, mtime_ms, sha256, format, kind, status, error, not_iv,
      header_json, header_entries_json, acquired_at, comment, pos_x, pos_y, pos_z, setpoint_bias, setpoint_current,
      grid_json, import_run_id, reader_version, imported_at)
      VALUES (@path, @name, @size, @mtime_ms, @sha256, @format, @kind, @status, @error, @not_iv, @header_json,
      @header_entries_json, @acquired_at, @comment, @pos_x, @pos_y, @pos_z, @setpoint_bias, @setpoint_current,
      @grid_json, @import_run_id, @reader_version, @imported_at)`),
    insertSpectrum:
      db.prepare(`INSERT INTO spectra (file_id, idx, sweep, is_average, direction, grid_index, points,
      bias_min, bias_max, x, y, z, acquired_at, channels_json, bias, current, extra)
      VALUES (@file_id, @idx, @sweep, @is_average, @direction, @grid_index, @points, @bias_min, @bias_max, @x, @y, @z,
      @acquired_at, @channels_json, @bias, @current, @extra)`),
    insertImage:
      db.prepare(`INSERT INTO images (file_id, idx, channel, unit, direction, width, height, centre_x,
      centre_y, frame_width, frame_height, angle_deg, min, max, mean, nan_count, data)
      VALUES (@file_id, @idx, @channel, @unit, @direction, @width, @height, @centre_x, @centre_y, @frame_width,
      @frame_height, @angle_deg, @min, @max, @mean, @nan_count, @data)`),
    insertLabel: db.prepare(
      'INSERT INTO spectrum_labels (spectrum_id, label_id, classify_run_id) VALUES (?, ?, ?)',
    ),
    spectrumAt: db.prepare('SELECT id FROM spectra WHERE file_id = ? AND idx = ?'),
  };
}

const EMPTY_CONTENT: ColumnValues = {
  format: null,
  kind: null,
  not_iv: null,
  header_json: '{}',
  header_entries_json: '[]',
  acquired_at: null,
  comment: '',
  pos_x: null,
  pos_y: null,
  pos_z: null,
  setpoint_bias: null,
  setpoint_current: null,
  grid_json: null,
};

function fileColumns(outcome: FileOutcome, context: WriteContext): ColumnValues {
  const content =
    outcome.status === 'imported' ? outcome.rows.file : { ...EMPTY_CONTENT, format: outcome.format };
  return {
    ...content,
    path: outcome.file.path,
    name: outcome.file.name,
    size: outcome.file.size,
    mtime_ms: outcome.file.mtimeMs,
    sha256: outcome.file.sha256,
    status: outcome.status,
    error: outcome.status === 'skipped' ? outcome.reason : outcome.status === 'failed' ? outcome.error : null,
    import_run_id: context.importRunId,
    reader_version: context.readerVersion,
    imported_at: new Date().toISOString(),
  };
}

function insertContents(statements: Statements, fileId: number, rows: FileRows): void {
  for (const spectrum of rows.spectra) statements.insertSpectrum.run({ ...spectrum, file_id: fileId });
  for (const image of rows.images) statements.insertImage.run({ ...image, file_id: fileId });
}

/** A file whose rows SQLite refused, with its reason; it was recorded failed instead. */
export interface RefusedFile {
  outcome: FileOutcome;
  error: string;
}

export type BatchWriter = (outcomes: FileOutcome[]) => RefusedFile[];

/** Returns a function that writes one batch of outcomes per call, each batch in its own transaction. */
export function createBatchWriter(db: Database, context: WriteContext): BatchWriter {
  const statements = prepare(db);
  const writeRows = (outcome: FileOutcome): void => {
    const existing = statements.findFile.get(outcome.file.path);
    const keptLabels = existing ? statements.labelsOfFile.all(existing.id) : [];
    if (existing) statements.deleteFile.run(existing.id);
    const fileId = Number(statements.insertFile.run(fileColumns(outcome, context)).lastInsertRowid);
    if (outcome.status !== 'imported') return;
    insertContents(statements, fileId, outcome.rows);
    for (const { idx, label_id, classify_run_id } of keptLabels) {
      const spectrum = statements.spectrumAt.get(fileId, idx) as { id: number } | undefined;
      if (spectrum) statements.insertLabel.run(spectrum.id, label_id, classify_run_id);
    }
  };
  // Nested better-sqlite3 transactions are savepoints: a throw rolls back this file only.
  const writeOne = db.transaction(writeRows);
  return db.transaction((outcomes: FileOutcome[]): RefusedFile[] => {
    const refused: RefusedFile[] = [];
    for (const outcome of outcomes) {
      try {
        writeOne(outcome);
      } catch (error) {
        const code = (error as { code?: string }).code;
        const reason = `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
        // Disk full or I/O errors are the library's, not the file's: stop the batch.
        if (code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR')) throw error;
        const failed: FileOutcome = {
          status: 'failed',
          file: outcome.file,
          error: `cannot store in the library: ${reason}`,
          format:
            outcome.status === 'imported' ? String(outcome.rows.file.format ?? '') || null : outcome.format,
        };
        writeOne(failed);
        refused.push({ outcome, error: failed.error });
      }
    }
    return refused;
  });
}
