// Curves and images as BLOBs of little-endian floats. Copies on the way in and out so a BLOB never
// aliases a buffer that something else may transfer or reuse.
export function float64ToBlob(values: Float64Array): Buffer {
  return Buffer.from(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

export function blobToFloat64(blob: Uint8Array): Float64Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float64Array(copy.buffer);
}

export function float32ToBlob(values: Float32Array): Buffer {
  return Buffer.from(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

export function blobToFloat32(blob: Uint8Array): Float32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

/** Several equal-length channels in one BLOB, channel after channel. */
export function concatFloat64(channels: Float64Array[]): Buffer {
  const total = channels.reduce((sum, channel) => sum + channel.length, 0);
  const joined = new Float64Array(total);
  let offset = 0;
  for (const channel of channels) {
    joined.set(channel, offset);
    offset += channel.length;
  }
  return Buffer.from(joined.buffer);
}

export function splitFloat64(blob: Uint8Array, count: number, points: number): Float64Array[] {
  const all = blobToFloat64(blob);
  const channels: Float64Array[] = [];
  for (let i = 0; i < count; i++) channels.push(all.slice(i * points, (i + 1) * points));
  return channels;
}
