// Read queries for the views. Lists page with limit/offset and never touch curve BLOBs, so a
// 100,000-spectrum library lists as fast as a small one.
import type { Database } from 'better-sqlite3';
import type { ApiParsedInput } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { frameBounds, isInsideFrame } from '../../shared/geometry/frameToLocal.ts';
import type {
  FileRow,
  ImagePixels,
  ImageRow,
  LabelRow,
  SpectrumCurves,
  SpectrumRow,
} from '../../shared/model/library.ts';
import { blobToFloat32, blobToFloat64, splitFloat64 } from './blobs.ts';
import {
  FILE_COLUMNS,
  IMAGE_COLUMNS,
  rowToFile,
  rowToImage,
  rowToSpectrum,
  SPECTRUM_COLUMNS,
  SPECTRUM_JOINS,
} from './rows.ts';
import type { FileDbRow, ImageDbRow, SpectrumDbRow } from './rows.ts';

interface Where {
  clauses: string[];
  params: Record<string, unknown>;
}

function whereSql(where: Where): string {
  return where.clauses.length ? `WHERE ${where.clauses.join(' AND ')}` : '';
}

/** `%text%` for LIKE, with LIKE's wildcards in the user's text taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function addDateRange(where: Where, column: string, from?: string, to?: string): void {
  if (from) {
    where.clauses.push(`${column} >= @from`);
    where.params.from = from;
  }
  if (to) {
    // `to` is inclusive of its whole day.
    where.clauses.push(`${column} < date(@to, '+1 day')`);
    where.params.to = to.slice(0, 10);
  }
}

export function listFiles(
  db: Database,
  input: ApiParsedInput<'listFiles'>,
): { rows: FileRow[]; total: number } {
  const where: Where = { clauses: [], params: {} };
  if (input.status) {
    where.clauses.push('f.status = @status');
    where.params.status = input.status;
  }
  if (input.kind) {
    where.clauses.push('f.kind = @kind');
    where.params.kind = input.kind;
  }
  if (input.format) {
    where.clauses.push('f.format = @format');
    where.params.format = input.format;
  }
  if (input.text) {
    where.clauses.push("(f.name LIKE @text ESCAPE '\\' OR f.comment LIKE @text ESCAPE '\\')");
    where.params.text = likePattern(input.text);
  }
  addDateRange(where, 'f.acquired_at', input.from, input.to);
  const total = (
    db.prepare(`SELECT count(*) AS n FROM files f ${whereSql(where)}`).get(where.params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${FILE_COLUMNS} FROM files f ${whereSql(where)} ORDER BY f.path LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: input.limit, offset: input.offset }) as FileDbRow[];
  return { rows: rows.map(rowToFile), total };
}

export function listSpectra(
  db: Database,
  input: ApiParsedInput<'listSpectra'>,
): { rows: SpectrumRow[]; total: number } {
  const where: Where = { clauses: [], params: {} };
  if (!input.includeAverages) where.clauses.push('s.is_average = 0');
  if (input.fileId) {
    where.clauses.push('s.file_id = @fileId');
    where.params.fileId = input.fileId;
  }
  if (input.kind) {
    where.clauses.push('f.kind = @kind');
    where.params.kind = input.kind;
  }
  if (input.label) {
    where.clauses.push('lb.name = @label');
    where.params.label = input.label;
  }
  if (input.text) {
    where.clauses.push("(f.name LIKE @text ESCAPE '\\' OR f.comment LIKE @text ESCAPE '\\')");
    where.params.text = likePattern(input.text);
  }
  addDateRange(where, 's.acquired_at', input.from, input.to);
  const from = `FROM spectra s ${SPECTRUM_JOINS} ${whereSql(where)}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${SPECTRUM_COLUMNS} ${from} ORDER BY f.path, s.idx LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: input.limit, offset: input.offset }) as SpectrumDbRow[];
  return { rows: rows.map(rowToSpectrum), total };
}

export function listImages(
  db: Database,
  input: ApiParsedInput<'listImages'>,
): { rows: ImageRow[]; total: number } {
  const where: Where = { clauses: [], params: {} };
  if (input.fileId) {
    where.clauses.push('i.file_id = @fileId');
    where.params.fileId = input.fileId;
  }
  if (input.text) {
    where.clauses.push("(f.name LIKE @text ESCAPE '\\' OR i.channel LIKE @text ESCAPE '\\')");
    where.params.text = likePattern(input.text);
  }
  const from = `FROM images i JOIN files f ON f.id = i.file_id ${whereSql(where)}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${IMAGE_COLUMNS} ${from} ORDER BY f.path, i.idx LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: input.limit, offset: input.offset }) as ImageDbRow[];
  return { rows: rows.map(rowToImage), total };
}

export function getSpectrum(db: Database, id: number): SpectrumCurves {
  const row = db
    .prepare(
      `SELECT ${SPECTRUM_COLUMNS}, s.bias AS bias_blob, s.current AS current_blob, s.extra AS extra_blob
      FROM spectra s ${SPECTRUM_JOINS} WHERE s.id = ?`,
    )
    .get(id) as (SpectrumDbRow & { bias_blob: Buffer; current_blob: Buffer; extra_blob: Buffer }) | undefined;
  if (!row) throw new ApiError('not-found', `no spectrum with id ${id}`);
  const channels = JSON.parse(row.channels_json) as Array<{ name: string; unit: string }>;
  const values = splitFloat64(row.extra_blob, channels.length, row.points);
  return {
    row: rowToSpectrum(row),
    bias: blobToFloat64(row.bias_blob),
    current: blobToFloat64(row.current_blob),
    extra: channels.map((channel, i) => ({ ...channel, values: values[i] ?? new Float64Array(0) })),
  };
}

export function getImage(db: Database, id: number): ImagePixels {
  const row = db
    .prepare(
      `SELECT ${IMAGE_COLUMNS}, i.data AS data FROM images i JOIN files f ON f.id = i.file_id WHERE i.id = ?`,
    )
    .get(id) as (ImageDbRow & { data: Buffer }) | undefined;
  if (!row) throw new ApiError('not-found', `no image with id ${id}`);
  return { row: rowToImage(row), data: blobToFloat32(row.data) };
}

/** Spectra whose tip position lies inside the image's (rotated) frame. */
export function listSpectraInFrame(db: Database, imageId: number): { rows: SpectrumRow[] } {
  const image = getImageRow(db, imageId);
  const box = frameBounds(image.frame);
  const rows = db
    .prepare(
      `SELECT ${SPECTRUM_COLUMNS} FROM spectra s ${SPECTRUM_JOINS}
      WHERE s.x BETWEEN @minX AND @maxX AND s.y BETWEEN @minY AND @maxY AND s.is_average = 0
      ORDER BY f.path, s.idx`,
    )
    .all(box) as SpectrumDbRow[];
  return {
    rows: rows
      .map(rowToSpectrum)
      .filter((spectrum) => isInsideFrame(image.frame, spectrum.x ?? Number.NaN, spectrum.y ?? Number.NaN)),
  };
}

function getImageRow(db: Database, id: number): ImageRow {
  const row = db
    .prepare(`SELECT ${IMAGE_COLUMNS} FROM images i JOIN files f ON f.id = i.file_id WHERE i.id = ?`)
    .get(id) as ImageDbRow | undefined;
  if (!row) throw new ApiError('not-found', `no image with id ${id}`);
  return rowToImage(row);
}

export function listLabels(db: Database): { rows: LabelRow[] } {
  const rows = db
    .prepare(
      `SELECT l.name AS name, l.colour AS colour, count(sl.spectrum_id) AS spectra
      FROM labels l LEFT JOIN spectrum_labels sl ON sl.label_id = l.id GROUP BY l.id ORDER BY l.name`,
    )
    .all() as LabelRow[];
  return { rows };
}
