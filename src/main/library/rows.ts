// Row <-> model mappers, beside the queries that use them.
import type { Direction, FileFormat, FileKind } from '../../shared/formats/types.ts';
import type { FileRow, FileStatus, ImageRow, SpectrumRow } from '../../shared/model/library.ts';

export interface FileDbRow {
  id: number;
  path: string;
  name: string;
  size: number;
  sha256: string;
  format: string | null;
  kind: string | null;
  status: string;
  error: string | null;
  not_iv: string | null;
  acquired_at: string | null;
  comment: string;
  spectra: number;
  images: number;
  missing_since: string | null;
}

export const FILE_COLUMNS = `f.id, f.path, f.name, f.size, f.sha256, f.format, f.kind, f.status, f.error, f.not_iv,
  f.acquired_at, f.comment, f.missing_since,
  (SELECT count(*) FROM spectra s WHERE s.file_id = f.id AND s.is_average = 0) AS spectra,
  (SELECT count(*) FROM images i WHERE i.file_id = f.id) AS images`;

export function rowToFile(row: FileDbRow): FileRow {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    size: row.size,
    sha256: row.sha256,
    format: row.format as FileFormat | null,
    kind: row.kind as FileKind | null,
    status: row.status as FileStatus,
    error: row.error,
    notIv: row.not_iv,
    acquiredAt: row.acquired_at,
    comment: row.comment,
    spectra: row.spectra,
    images: row.images,
    missingSince: row.missing_since,
  };
}

export interface SpectrumDbRow {
  id: number;
  file_id: number;
  file_name: string;
  idx: number;
  sweep: number;
  is_average: number;
  direction: string;
  grid_index: number | null;
  points: number;
  bias_min: number;
  bias_max: number;
  x: number | null;
  y: number | null;
  z: number | null;
  acquired_at: string | null;
  channels_json: string;
  label: string | null;
}

export const SPECTRUM_COLUMNS = `s.id, s.file_id, f.name AS file_name, s.idx, s.sweep, s.is_average, s.direction,
  s.grid_index, s.points, s.bias_min, s.bias_max, s.x, s.y, s.z, s.acquired_at, s.channels_json, lb.name AS label`;

export const SPECTRUM_JOINS = `JOIN files f ON f.id = s.file_id
  LEFT JOIN spectrum_labels sl ON sl.spectrum_id = s.id
  LEFT JOIN labels lb ON lb.id = sl.label_id`;

export function rowToSpectrum(row: SpectrumDbRow): SpectrumRow {
  const channels = JSON.parse(row.channels_json) as Array<{ name: string }>;
  return {
    id: row.id,
    fileId: row.file_id,
    fileName: row.file_name,
    index: row.idx,
    sweep: row.sweep,
    isAverage: row.is_average === 1,
    direction: row.direction as Direction,
    gridIndex: row.grid_index,
    points: row.points,
    biasMin: row.bias_min,
    biasMax: row.bias_max,
    x: row.x,
    y: row.y,
    z: row.z,
    acquiredAt: row.acquired_at,
    channels: channels.map((channel) => channel.name),
    label: row.label,
  };
}

export interface ImageDbRow {
  id: number;
  file_id: number;
  file_name: string;
  channel: string;
  unit: string;
  direction: string;
  width: number;
  height: number;
  /** NULL where the file does not say. */
  centre_x: number | null;
  centre_y: number | null;
  frame_width: number | null;
  frame_height: number | null;
  angle_deg: number | null;
  min: number | null;
  max: number | null;
  nan_count: number;
  acquired_at: string | null;
}

export const IMAGE_COLUMNS = `i.id, i.file_id, f.name AS file_name, i.channel, i.unit, i.direction, i.width, i.height,
  i.centre_x, i.centre_y, i.frame_width, i.frame_height, i.angle_deg, i.min, i.max, i.nan_count, f.acquired_at`;

export function rowToImage(row: ImageDbRow): ImageRow {
  return {
    id: row.id,
    fileId: row.file_id,
    fileName: row.file_name,
    channel: row.channel,
    unit: row.unit,
    direction: row.direction as Direction,
    width: row.width,
    height: row.height,
    // An unknown frame value is NaN in memory, as the readers give it (null over the wire).
    frame: {
      centreX: row.centre_x ?? NaN,
      centreY: row.centre_y ?? NaN,
      width: row.frame_width ?? NaN,
      height: row.frame_height ?? NaN,
      angleDeg: row.angle_deg ?? NaN,
    },
    min: row.min,
    max: row.max,
    nanCount: row.nan_count,
    acquiredAt: row.acquired_at,
  };
}
