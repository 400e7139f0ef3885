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

export function blobToFloat32(blob: Uint8Array): Float32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

export function splitFloat64(blob: Uint8Array, count: number, points: number): Float64Array[] {
  const all = blobToFloat64(blob);
  const channels: Float64Array[] = [];
  for (let i = 0; i < count; i++) channels.push(all.slice(i * points, (i + 1) * points));
  return channels;
}
