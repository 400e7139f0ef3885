// A parsed file turned into the column values its library rows need: JSON text, BLOB bytes and
// statistics. The parse workers build these, so the main thread's write transaction only binds
// values; BLOBs are Uint8Arrays over buffers that are transferred, not copied.
import type { ParsedFile } from '../../shared/formats/types.ts';

export type ColumnValues = Record<string, string | number | null | Uint8Array>;

export interface FileRows {
  /** files columns that come from the content (identity and run columns are added at write). */
  file: ColumnValues;
  /** spectra rows without file_id. */
  spectra: ColumnValues[];
  /** images rows without file_id. */
  images: ColumnValues[];
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

/** Little-endian bytes of one or more equal-length channels, channel after channel (a fresh buffer). */
function blobOf(channels: Array<Float64Array | Float32Array>, kind: 'f64' | 'f32'): Uint8Array {
  const total = channels.reduce((sum, channel) => sum + channel.length, 0);
  const joined = kind === 'f64' ? new Float64Array(total) : new Float32Array(total);
  let offset = 0;
  for (const channel of channels) {
    joined.set(channel, offset);
    offset += channel.length;
  }
  return new Uint8Array(joined.buffer);
}

/** A finite number, or null: SQLite REAL columns get NULL for "not known", never NaN. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function toFileRows(parsed: ParsedFile): FileRows {
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
      bias: blobOf([spectrum.bias], 'f64'),
      current: blobOf([spectrum.current], 'f64'),
      extra: blobOf(
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
      data: blobOf([image.data], 'f32'),
    };
  });
  return { file, spectra, images };
}

/** The buffers under a FileRows' BLOBs, to transfer from the worker. */
export function blobBuffersOf(rows: FileRows): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const row of [...rows.spectra, ...rows.images]) {
    for (const value of Object.values(row)) {
      if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer) buffers.push(value.buffer);
    }
  }
  return buffers;
}
