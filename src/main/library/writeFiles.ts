// Writes a batch of import outcomes in one synchronous transaction: a file and all its spectra and
// images land together or not at all. A re-imported file replaces its old rows; labels set on its
// spectra survive the replacement (matched by the spectrum's place in the file).
import type { Database, Statement } from 'better-sqlite3';
import type { ParsedFile } from '../../shared/formats/types.ts';
import { concatFloat64, float32ToBlob, float64ToBlob } from './blobs.ts';
import type { FileOutcome } from './fileOutcome.ts';

export interface WriteContext {
  importRunId: number | null;
  readerVersion: string;
}

interface Statements {
  labelsOfFile: Statement<[number], { idx: number; label_id: number }>;
  deleteFile: Statement<[number]>;
  findFile: Statement<[string], { id: number }>;
  insertFile: Statement;
  insertSpectrum: Statement;
  insertImage: Statement;
  insertLabel: Statement<[number, number]>;
}

function prepare(db: Database): Statements {
  return {
    labelsOfFile: db.prepare(
      'SELECT s.idx AS idx, l.label_id AS label_id FROM spectra s JOIN spectrum_labels l ON l.spectrum_id = s.id WHERE s.file_id = ?',
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
    insertLabel: db.prepare('INSERT INTO spectrum_labels (spectrum_id, label_id) VALUES (?, ?)'),
  };
}

/** Finite min/max/mean of a curve or image; NaN points are ignored. */
export function finiteStats(values: ArrayLike<number>): {
  min: number | null;
  max: number | null;
  mean: number | null;
  nanCount: number;
} {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    finite++;
  }
  if (finite === 0) return { min: null, max: null, mean: null, nanCount: values.length };
  return { min, max, mean: sum / finite, nanCount: values.length - finite };
}

function fileColumns(outcome: FileOutcome, context: WriteContext): Record<string, unknown> {
  const parsed: ParsedFile | null = outcome.status === 'imported' ? outcome.parsed : null;
  return {
    path: outcome.file.path,
    name: outcome.file.name,
    size: outcome.file.size,
    mtime_ms: outcome.file.mtimeMs,
    sha256: outcome.file.sha256,
    format: parsed ? parsed.format : outcome.status === 'imported' ? null : outcome.format,
    kind: parsed?.kind ?? null,
    status: outcome.status,
    error: outcome.status === 'skipped' ? outcome.reason : outcome.status === 'failed' ? outcome.error : null,
    not_iv: parsed?.notIv ?? null,
    header_json: JSON.stringify(parsed?.header ?? {}),
    header_entries_json: JSON.stringify(parsed?.headerEntries ?? []),
    acquired_at: parsed?.acquiredAt ?? null,
    comment: parsed?.comment ?? '',
    pos_x: parsed?.position?.x ?? null,
    pos_y: parsed?.position?.y ?? null,
    pos_z: parsed?.position?.z ?? null,
    setpoint_bias: parsed?.setpoint.biasV ?? null,
    setpoint_current: parsed?.setpoint.currentA ?? null,
    grid_json: parsed?.grid ? JSON.stringify(parsed.grid) : null,
    import_run_id: context.importRunId,
    reader_version: context.readerVersion,
    imported_at: new Date().toISOString(),
  };
}

function insertContents(statements: Statements, fileId: number, parsed: ParsedFile): void {
  parsed.spectra.forEach((spectrum, idx) => {
    const range = finiteStats(spectrum.bias);
    const position = spectrum.position ?? parsed.position;
    statements.insertSpectrum.run({
      file_id: fileId,
      idx,
      sweep: spectrum.sweep,
      is_average: spectrum.isAverage ? 1 : 0,
      direction: spectrum.direction,
      grid_index: spectrum.gridIndex,
      points: spectrum.bias.length,
      bias_min: range.min ?? 0,
      bias_max: range.max ?? 0,
      x: position?.x ?? null,
      y: position?.y ?? null,
      z: position?.z ?? null,
      acquired_at: parsed.acquiredAt,
      channels_json: JSON.stringify(spectrum.extra.map(({ name, unit }) => ({ name, unit }))),
      bias: float64ToBlob(spectrum.bias),
      current: float64ToBlob(spectrum.current),
      extra: concatFloat64(spectrum.extra.map((channel) => channel.values)),
    });
  });
  parsed.images.forEach((image, idx) => {
    const stats = finiteStats(image.data);
    statements.insertImage.run({
      file_id: fileId,
      idx,
      channel: image.channel,
      unit: image.unit,
      direction: image.direction,
      width: image.width,
      height: image.height,
      centre_x: image.frame.centreX,
      centre_y: image.frame.centreY,
      frame_width: image.frame.width,
      frame_height: image.frame.height,
      angle_deg: image.frame.angleDeg,
      min: stats.min,
      max: stats.max,
      mean: stats.mean,
      nan_count: stats.nanCount,
      data: float32ToBlob(image.data),
    });
  });
}

export type BatchWriter = (outcomes: FileOutcome[]) => void;

/** Returns a function that writes one batch of outcomes per call, each in its own transaction. */
export function createBatchWriter(db: Database, context: WriteContext): BatchWriter {
  const statements = prepare(db);
  const writeOne = (outcome: FileOutcome): void => {
    const existing = statements.findFile.get(outcome.file.path);
    const keptLabels = existing ? statements.labelsOfFile.all(existing.id) : [];
    if (existing) statements.deleteFile.run(existing.id);
    const fileId = Number(statements.insertFile.run(fileColumns(outcome, context)).lastInsertRowid);
    if (outcome.status !== 'imported') return;
    insertContents(statements, fileId, outcome.parsed);
    for (const { idx, label_id } of keptLabels) {
      const spectrum = db.prepare('SELECT id FROM spectra WHERE file_id = ? AND idx = ?').get(fileId, idx) as
        { id: number } | undefined;
      if (spectrum) statements.insertLabel.run(spectrum.id, label_id);
    }
  };
  return db.transaction((outcomes: FileOutcome[]) => {
    for (const outcome of outcomes) writeOne(outcome);
  });
}
