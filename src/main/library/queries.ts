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

export interface SqlQuery {
  sql: string;
  params: Record<string, unknown>;
}

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

/** Adds `column = @name` when the filter is set. */
function addEquals(where: Where, column: string, name: string, value: unknown): void {
  if (value === undefined) return;
  where.clauses.push(`${column} = @${name}`);
  where.params[name] = value;
}

/** Adds a case-insensitive substring match on any of the columns. */
function addText(where: Where, columns: string[], text: string | undefined): void {
  if (!text) return;
  where.clauses.push(`(${columns.map((c) => `${c} LIKE @text ESCAPE '\\'`).join(' OR ')})`);
  where.params.text = likePattern(text);
}

/** One page of rows and the total count for a FROM ... WHERE clause. */
function page<DbRow, Row>(
  db: Database,
  query: { select: string; from: string; orderBy: string; where: Where },
  input: { limit: number; offset: number },
  toRow: (row: DbRow) => Row,
): { rows: Row[]; total: number } {
  const from = `${query.from} ${whereSql(query.where)}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(query.where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${query.select} ${from} ORDER BY ${query.orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...query.where.params, limit: input.limit, offset: input.offset }) as DbRow[];
  return { rows: rows.map(toRow), total };
}

export function listFiles(
  db: Database,
  input: ApiParsedInput<'listFiles'>,
): { rows: FileRow[]; total: number } {
  const where: Where = { clauses: [], params: {} };
  addEquals(where, 'f.status', 'status', input.status);
  addEquals(where, 'f.kind', 'kind', input.kind);
  addEquals(where, 'f.format', 'format', input.format);
  addText(where, ['f.name', 'f.comment'], input.text);
  addDateRange(where, 'f.acquired_at', input.from, input.to);
  return page<FileDbRow, FileRow>(
    db,
    { select: FILE_COLUMNS, from: 'FROM files f', orderBy: 'f.path', where },
    input,
    rowToFile,
  );
}

/** Where the next page of a listSpectra starts: after this file path and spectrum index. */
export interface SpectrumCursor {
  path: string;
  index: number;
}

/**
 * Files lead the join (CROSS JOIN fixes the order): walking files by their path index and each
 * file's spectra by spectra_file_average yields rows already in (path, idx) order, so a page stops
 * after `limit` rows instead of sorting the whole table in a temp B-tree.
 */
const SPECTRUM_LIST_FROM = `FROM files f CROSS JOIN spectra s ON s.file_id = f.id
  LEFT JOIN spectrum_labels sl ON sl.spectrum_id = s.id
  LEFT JOIN labels lb ON lb.id = sl.label_id`;

/** The label filter as a label id, so counts go through spectrum_labels' index. */
const LABEL_ID = '(SELECT id FROM labels WHERE name = @label)';

/**
 * The count for the same filters, joining only what they need, so it never reads the spectra rows
 * with their curve BLOBs unless a filter is on a row column: without filters it reads only the
 * spectra_file_average index; with a label, spectrum_labels' label index less the [AVG] columns
 * (the small spectra_averages index).
 */
export function spectrumCountQuery(input: ApiParsedInput<'listSpectra'>): SqlQuery {
  const where: Where = { clauses: [], params: {} };
  const needsFiles = input.kind !== undefined || Boolean(input.text);
  const needsRows = needsFiles || input.fileId !== undefined || Boolean(input.from) || Boolean(input.to);
  let from: string;
  if (input.label !== undefined) {
    from = 'FROM spectrum_labels sl';
    if (needsRows) from += ' JOIN spectra s ON s.id = sl.spectrum_id';
    where.clauses.push(`sl.label_id = ${LABEL_ID}`);
    where.params.label = input.label;
    if (!input.includeAverages) {
      where.clauses.push(
        needsRows
          ? 's.is_average = 0'
          : 'sl.spectrum_id NOT IN (SELECT id FROM spectra WHERE is_average = 1)',
      );
    }
  } else {
    from = 'FROM spectra s';
    if (!input.includeAverages) where.clauses.push('s.is_average = 0');
  }
  if (needsFiles) from += ' JOIN files f ON f.id = s.file_id';
  addEquals(where, 's.file_id', 'fileId', input.fileId);
  addEquals(where, 'f.kind', 'kind', input.kind);
  addText(where, ['f.name', 'f.comment'], input.text);
  addDateRange(where, 's.acquired_at', input.from, input.to);
  return { sql: `SELECT count(*) AS n ${from} ${whereSql(where)}`, params: where.params };
}

/** The page's SQL (exported for its query-plan test). */
export function spectrumPageQuery(input: ApiParsedInput<'listSpectra'>): SqlQuery {
  const where: Where = { clauses: [], params: {} };
  if (!input.includeAverages) where.clauses.push('s.is_average = 0');
  addEquals(where, 'f.id', 'fileId', input.fileId);
  addEquals(where, 'f.kind', 'kind', input.kind);
  if (input.label !== undefined) {
    where.clauses.push(`sl.label_id = ${LABEL_ID}`);
    where.params.label = input.label;
  }
  addText(where, ['f.name', 'f.comment'], input.text);
  addDateRange(where, 's.acquired_at', input.from, input.to);
  if (input.after) {
    // The range on f.path uses the files path index; the OR finishes the row comparison.
    where.clauses.push('f.path >= @afterPath AND (f.path > @afterPath OR s.idx > @afterIndex)');
    where.params.afterPath = input.after.path;
    where.params.afterIndex = input.after.index;
  }
  return {
    sql: `SELECT ${SPECTRUM_COLUMNS}, f.path AS file_path ${SPECTRUM_LIST_FROM} ${whereSql(where)}
      ORDER BY f.path, s.idx LIMIT @limit OFFSET @offset`,
    params: { ...where.params, limit: input.limit, offset: input.offset },
  };
}

/**
 * One page of spectra in (file path, index) order and the total for the filters. Pages by
 * `offset` or, for deep pages, by the `after` cursor (keyset: cost independent of depth); `next`
 * is the cursor of the following page, null on the last one.
 */
export function listSpectra(
  db: Database,
  input: ApiParsedInput<'listSpectra'>,
): { rows: SpectrumRow[]; total: number; next: SpectrumCursor | null } {
  const pageQuery = spectrumPageQuery(input);
  const rows = db.prepare(pageQuery.sql).all(pageQuery.params) as Array<
    SpectrumDbRow & { file_path: string }
  >;
  const countQuery = spectrumCountQuery(input);
  const total = (db.prepare(countQuery.sql).get(countQuery.params) as { n: number }).n;
  const last = rows.at(-1);
  return {
    rows: rows.map(rowToSpectrum),
    total,
    next: last && rows.length === input.limit ? { path: last.file_path, index: last.idx } : null,
  };
}

export function listImages(
  db: Database,
  input: ApiParsedInput<'listImages'>,
): { rows: ImageRow[]; total: number } {
  const where: Where = { clauses: [], params: {} };
  addEquals(where, 'i.file_id', 'fileId', input.fileId);
  addText(where, ['f.name', 'i.channel'], input.text);
  return page<ImageDbRow, ImageRow>(
    db,
    {
      select: IMAGE_COLUMNS,
      from: 'FROM images i JOIN files f ON f.id = i.file_id',
      orderBy: 'f.path, i.idx',
      where,
    },
    input,
    rowToImage,
  );
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

/** What a library holds, by the numbers (`sts-workbench info`). */
export interface LibraryCounts {
  /** Every file recorded, whatever its status, and by status. */
  files: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Spectra without the instrument's [AVG] columns, as the tables count them. */
  spectra: number;
  images: number;
  /** Spectra (without [AVG] columns) per label, every label named even when it has none. */
  labels: Record<string, number>;
  /** Stored analysis runs. */
  runs: number;
}

export function libraryCounts(db: Database): LibraryCounts {
  const byStatus = new Map(
    (
      db.prepare('SELECT status, count(*) AS n FROM files GROUP BY status').all() as Array<{
        status: string;
        n: number;
      }>
    ).map((r) => [r.status, r.n]),
  );
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const labels = db
    .prepare(
      `SELECT l.name AS name, count(sl.spectrum_id) AS n FROM labels l
      LEFT JOIN spectrum_labels sl ON sl.label_id = l.id
        AND sl.spectrum_id NOT IN (SELECT id FROM spectra WHERE is_average = 1)
      GROUP BY l.id ORDER BY l.name`,
    )
    .all() as Array<{ name: string; n: number }>;
  return {
    files: [...byStatus.values()].reduce((sum, n) => sum + n, 0),
    imported: byStatus.get('imported') ?? 0,
    skipped: byStatus.get('skipped') ?? 0,
    failed: byStatus.get('failed') ?? 0,
    spectra: count('SELECT count(*) AS n FROM spectra WHERE is_average = 0'),
    images: count('SELECT count(*) AS n FROM images'),
    labels: Object.fromEntries(labels.map((l) => [l.name, l.n])),
    runs: count('SELECT count(*) AS n FROM analysis_runs'),
  };
}
