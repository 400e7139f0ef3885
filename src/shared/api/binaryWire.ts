// Binary responses for the HTTP bridge: typed arrays travel as raw bytes instead of base64 text.
// Frame: u32 little-endian length of a UTF-8 JSON part, the JSON, zero padding to a multiple of 8,
// then the typed arrays' bytes back to back (each at a multiple of 8). In the JSON each typed array
// is {"$slab": "f64"|"f32", "at": byte offset after the padding, "length": elements}; decoding makes
// views over the received buffer, so a 100 MB slab is neither copied nor parsed.

/** MIME type of a binary frame; a request sends it in `accept` to get one. */
export const BINARY_WIRE_TYPE = 'application/x-sts-binary';

interface SlabMarker {
  $slab: 'f64' | 'f32';
  at: number;
  length: number;
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

function isSlabMarker(value: unknown): value is SlabMarker {
  if (typeof value !== 'object' || value === null) return false;
  const marker = value as Partial<SlabMarker>;
  return (
    (marker.$slab === 'f64' || marker.$slab === 'f32') &&
    typeof marker.at === 'number' &&
    typeof marker.length === 'number'
  );
}

/** The frame as chunks to write in order (no copy of the arrays' bytes). */
export function encodeBinaryWire(value: unknown): Uint8Array[] {
  const arrays: Uint8Array[] = [];
  let at = 0;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Float64Array || item instanceof Float32Array) {
      const marker: SlabMarker = {
        $slab: item instanceof Float64Array ? 'f64' : 'f32',
        at,
        length: item.length,
      };
      arrays.push(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
      at = align8(at + item.byteLength);
      return marker;
    }
    return item;
  });
  const text = new TextEncoder().encode(json);
  const head = new Uint8Array(align8(4 + text.length));
  new DataView(head.buffer).setUint32(0, text.length, true);
  head.set(text, 4);
  const chunks: Uint8Array[] = [head];
  for (const bytes of arrays) {
    chunks.push(bytes);
    const pad = align8(bytes.length) - bytes.length;
    if (pad > 0) chunks.push(new Uint8Array(pad));
  }
  return chunks;
}

/** The value of a frame, typed arrays as views into `buffer`. */
export function decodeBinaryWire(buffer: ArrayBuffer): unknown {
  const jsonLength = new DataView(buffer).getUint32(0, true);
  const base = align8(4 + jsonLength);
  const json = new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength));
  // No typed array in the frame (a page of per-spectrum rows): plain JSON.parse, several times
  // faster than with the reviver, which runs for every value.
  if (!json.includes('"$slab"')) return JSON.parse(json) as unknown;
  return JSON.parse(json, (_key, item: unknown) => {
    if (!isSlabMarker(item)) return item;
    return item.$slab === 'f64'
      ? new Float64Array(buffer, base + item.at, item.length)
      : new Float32Array(buffer, base + item.at, item.length);
  });
}
