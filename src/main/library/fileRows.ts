// A parsed file turned into the column values its library rows need: JSON text, BLOB bytes and
// statistics. The parse workers build these, so the main thread's write transaction only binds
// values. Each BLOB is written once, as the bytes SQLite stores, into a BlobPacker chunk shared by
// a batch of files: the worker transfers a few chunks per batch instead of several small
// ArrayBuffers per file (small transfers cost more than the bytes they carry).
import type { ParsedFile } from '../../shared/formats/types.ts';
import { BlobPacker } from './blobPacker.ts';

export type ColumnValues = Record<string, string | number | null | Uint8Array>;

export interface FileRows {
  /** files columns that come from the content (identity and run columns are added at write). */
  file: ColumnValues;
  /** spectra rows without file_id. */
  spectra: ColumnValues[];
  /** images rows without file_id. */
  images: ColumnValues[];
  /** The reader's warnings (e.g. truncated), stored as the file's note. */
  warnings: string[];
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

/**
 * Little-endian bytes of one or more channels, channel after channel, written into the packer; a
 * single f64 channel the parser already wrote into the packer (BlobPacker.curve) is those bytes.
 */
function blobOf(
  packer: BlobPacker,
  channels: Array<Float64Array | Float32Array>,
  kind: 'f64' | 'f32',
): Uint8Array {
  const only = channels.length === 1 ? (channels[0] as Float64Array | Float32Array) : null;
  if (kind === 'f64' && only instanceof Float64Array && packer.holds(only))
    return new Uint8Array(only.buffer, only.byteOffset, only.byteLength);
  let total = 0;
  for (const channel of channels) total += channel.length;
  const bytes = packer.take(total * (kind === 'f64' ? 8 : 4));
  const joined =
    kind === 'f64'
      ? new Float64Array(bytes.buffer, bytes.byteOffset, total)
      : new Float32Array(bytes.buffer, bytes.byteOffset, total);
  let offset = 0;
  for (const channel of channels) {
    joined.set(channel, offset);
    offset += channel.length;
  }
  return bytes;
}

/** A finite number, or null: SQLite REAL columns get NULL for "not known", never NaN. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * The rows of a parsed file. BLOBs are views into `packer`'s chunks (a packer of their own when
 * none is given): transfer packer.drain() with the rows to move them without a copy.
 */
export function toFileRows(parsed: ParsedFile, packer = new BlobPacker()): FileRows {
  const file: ColumnValues = {
    format: parsed.format,
    kind: parsed.kind,
    not_iv: parsed.notIv,
    header_json: JSON.stringify(parsed.header),
    header_entries_json: JSON.stringify(parsed.headerEntries),
    acquired_at: parsed.acquiredAt,
    comment: parsed.comment,
    pos_x: finiteOrNull(parsed.position?.x ?? NaN),
    pos_y: finiteOrNull(parsed.position?.y ?? NaN),
    pos_z: finiteOrNull(parsed.position?.z ?? NaN),
    setpoint_bias: finiteOrNull(parsed.setpoint.biasV ?? NaN),
    setpoint_current: finiteOrNull(parsed.setpoint.currentA ?? NaN),
    grid_json: parsed.grid ? JSON.stringify(parsed.grid) : null,
  };
  const spectra = parsed.spectra.map((spectrum, idx): ColumnValues => {
    const range = finiteStats(spectrum.bias);
    const position = spectrum.position ?? parsed.position;
    return {
      idx,
      sweep: spectrum.sweep,
      is_average: spectrum.isAverage ? 1 : 0,
      direction: spectrum.direction,
      grid_index: spectrum.gridIndex,
      points: spectrum.bias.length,
      bias_min: range.min ?? 0,
      bias_max: range.max ?? 0,
      x: finiteOrNull(position?.x ?? NaN),
      y: finiteOrNull(position?.y ?? NaN),
      z: finiteOrNull(position?.z ?? NaN),
      acquired_at: parsed.acquiredAt,
      channels_json: JSON.stringify(spectrum.extra.map(({ name, unit }) => ({ name, unit }))),
      bias: blobOf(packer, [spectrum.bias], 'f64'),
      current: blobOf(packer, [spectrum.current], 'f64'),
      extra: blobOf(
        packer,
        spectrum.extra.map((channel) => channel.values),
        'f64',
      ),
    };
  });
  const images = parsed.images.map((image, idx): ColumnValues => {
    const stats = finiteStats(image.data);
    return {
      idx,
      channel: image.channel,
      unit: image.unit,
      direction: image.direction,
      width: image.width,
      height: image.height,
      centre_x: finiteOrNull(image.frame.centreX),
      centre_y: finiteOrNull(image.frame.centreY),
      frame_width: finiteOrNull(image.frame.width),
      frame_height: finiteOrNull(image.frame.height),
      angle_deg: finiteOrNull(image.frame.angleDeg),
      min: stats.min,
      max: stats.max,
      mean: stats.mean,
      nan_count: stats.nanCount,
      data: blobOf(packer, [image.data], 'f32'),
    };
  });
  return { file, spectra, images, warnings: parsed.warnings };
}

/** I–V spectra of a file's rows, the instrument's averages ([AVG] columns) not counted, as the library's counts. */
export function sweepCount(rows: FileRows): number {
  let count = 0;
  for (const spectrum of rows.spectra) if (spectrum.is_average !== 1) count++;
  return count;
}

/**
 * The buffers the BLOB values of `rows` are views of (each once). Called twice per file on the
 * import's main thread: a plain loop over a list of one or two buffers, not a Set of spread rows.
 */
export function blobBuffersOf(rows: FileRows): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const addBuffersOf = (row: ColumnValues): void => {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !buffers.includes(value.buffer as ArrayBuffer))
        buffers.push(value.buffer as ArrayBuffer);
    }
  };
  for (const row of rows.spectra) addBuffersOf(row);
  for (const row of rows.images) addBuffersOf(row);
  return buffers;
}
