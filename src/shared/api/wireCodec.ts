// JSON for the HTTP bridge that keeps typed arrays typed: a Float64Array/Float32Array becomes
// {"$typed": "f64"|"f32", "base64": ...} (little-endian bytes, as every platform we run on stores
// them) and comes back as the same typed array. IPC needs none of this: structured clone does it.

interface TypedMarker {
  $typed: 'f64' | 'f32';
  base64: string;
}

/** Characters per String.fromCharCode call: large enough to be fast, small enough for the stack. */
const CHUNK = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isTypedMarker(value: unknown): value is TypedMarker {
  if (typeof value !== 'object' || value === null) return false;
  const marker = value as Partial<TypedMarker>;
  return (marker.$typed === 'f64' || marker.$typed === 'f32') && typeof marker.base64 === 'string';
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Float64Array || item instanceof Float32Array) {
      const bytes = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
      return { $typed: item instanceof Float64Array ? 'f64' : 'f32', base64: bytesToBase64(bytes) };
    }
    return item;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (!isTypedMarker(item)) return item;
    const bytes = base64ToBytes(item.base64);
    return item.$typed === 'f64' ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
  });
}
