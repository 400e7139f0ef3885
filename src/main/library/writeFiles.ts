// Writes a batch of import outcomes in one synchronous transaction: a file and all its spectra and
// images land together or not at all, and a file SQLite refuses (a constraint, a value too big) is
// recorded failed with the reason while the others land (the batch is then redone with each file
// in its own savepoint). A re-imported file replaces its old rows; labels set on its spectra
// survive the replacement (matched by the spectrum's place in the file).
import type { Database, Statement } from 'better-sqlite3';
import type { FileOutcome } from './fileOutcome.ts';
import type { ColumnValues, FileRows } from './fileRows.ts';

export interface WriteContext {
  importRunId: number | null;
  readerVersion: string;
}

interface Statements {
  labelsOfFile: Statement<[number], { idx: number; label_id: number }>;
  deleteFile: Statement<[number]>;
  findFile: Statement<[string], { id: number }>;
  insertFile: Statement<unknown[]>;
  insertSpectrum: Statement<unknown[]>;
  insertImage: Statement<unknown[]>;
  insertLabel: Statement<[number, number]>;
  spectrumAt: Statement<[number, number]>;
}

// Columns each insert binds, in order: values are bound by position (faster than by name).
// prettier-ignore
const FILE_COLUMNS = ['path', 'name', 'size', 'mtime_ms', 'sha256', 'format', 'kind', 'status', 'error',
  'not_iv', 'header_json', 'header_entries_json', 'acquired_at', 'comment', 'pos_x', 'pos_y', 'pos_z',
  'setpoint_bias', 'setpoint_current', 'grid_json', 'import_run_id', 'reader_version', 'imported_at'] as const;
// prettier-ignore
const SPECTRUM_COLUMNS = ['file_id', 'idx', 'sweep', 'is_average', 'direction', 'grid_index', 'points',
  'bias_min', 'bias_max', 'x', 'y', 'z', 'acquired_at', 'channels_json', 'bias', 'current', 'extra'] as const;
// prettier-ignore
const IMAGE_COLUMNS = ['file_id', 'idx', 'channel', 'unit', 'direction', 'width', 'height', 'centre_x',
  'centre_y', 'frame_width', 'frame_height', 'angle_deg', 'min', 'max', 'mean', 'nan_count', 'data'] as const;

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/** A row's values in `columns` order, with file_id (the first column of contents rows) set. */
function valuesOf(row: ColumnValues, columns: readonly string[], fileId?: number): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as string];
  if (fileId !== undefined) values[0] = fileId;
  return values;
}

function prepare(db: Database): Statements {
  return {
    labelsOfFile: db.prepare(
      'SELECT s.idx AS idx, l.label_id AS label_id FROM spectra s JOIN spectrum_labels l ON l.spectrum_id = s.id WHERE s.file_id = ?',
    ),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    findFile: db.prepare('SELECT id FROM files WHERE path = ?'),
    insertFile: db.prepare(insertSql('files', FILE_COLUMNS)),
    insertSpectrum: db.prepare(insertSql('spectra', SPECTRUM_COLUMNS)),
    insertImage: db.prepare(insertSql('images', IMAGE_COLUMNS)),
    insertLabel: db.prepare('INSERT INTO spectrum_labels (spectrum_id, label_id) VALUES (?, ?)'),
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
  for (const spectrum of rows.spectra)
    statements.insertSpectrum.run(...valuesOf(spectrum, SPECTRUM_COLUMNS, fileId));
  for (const image of rows.images) statements.insertImage.run(...valuesOf(image, IMAGE_COLUMNS, fileId));
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
    const fileId = Number(
      statements.insertFile.run(...valuesOf(fileColumns(outcome, context), FILE_COLUMNS)).lastInsertRowid,
    );
    if (outcome.status !== 'imported') return;
    insertContents(statements, fileId, outcome.rows);
    for (const { idx, label_id } of keptLabels) {
      const spectrum = statements.spectrumAt.get(fileId, idx) as { id: number } | undefined;
      if (spectrum) statements.insertLabel.run(spectrum.id, label_id);
    }
  };
  // The common case first: the whole batch in one transaction, no savepoints. If SQLite refuses a
  // file, that attempt rolls back and the batch is written again with each file in a savepoint
  // (nested better-sqlite3 transactions are savepoints), so only the refused file fails.
  const writeAll = db.transaction((outcomes: FileOutcome[]): void => {
    for (const outcome of outcomes) writeRows(outcome);
  });
  const writeOne = db.transaction(writeRows);
  const writeEach = db.transaction((outcomes: FileOutcome[]): RefusedFile[] => {
    const refused: RefusedFile[] = [];
    for (const outcome of outcomes) {
      try {
        writeOne(outcome);
      } catch (error) {
        const code = sqliteCode(error);
        const reason = `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
        if (isLibraryFault(code)) throw error;
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
  return (outcomes: FileOutcome[]): RefusedFile[] => {
    try {
      writeAll(outcomes);
      return [];
    } catch (error) {
      if (isLibraryFault(sqliteCode(error))) throw error;
      return writeEach(outcomes);
    }
  };
}

function sqliteCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Disk full or I/O errors are the library's, not a file's: they stop the batch. */
function isLibraryFault(code: string | undefined): boolean {
  return code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR') === true;
}
