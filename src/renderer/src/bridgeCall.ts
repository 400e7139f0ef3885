// One call of the HTTP bridge: the request, and the answer decoded into its envelope. Runs on the
// page (small answers) and in bridgeCallWorker.ts (bulk answers: a 16 MB slab page read with
// response.arrayBuffer() held Chromium's page thread 89–413 ms, in long tasks of 51–122 ms; in a
// worker the page only receives the transferred buffer).
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import type { LibraryApiMethod } from '../../shared/api/methods.ts';
import { BINARY_WIRE_TYPE, decodeBinaryWire } from '../../shared/api/binaryWire.ts';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec.ts';

export interface BridgeAnswer {
  envelope: ApiEnvelope<unknown>;
  /** The binary frame the envelope's typed arrays are views of (null: a JSON answer). */
  buffer: ArrayBuffer | null;
}

/** `base`: the page's origin (a worker's own URL is its script's, not the page's). */
export async function callBridge(
  base: string,
  token: string,
  method: LibraryApiMethod,
  input: unknown,
): Promise<BridgeAnswer> {
  const response = await fetch(new URL(`/api/${method}`, base), {
    method: 'POST',
    // Binary answers carry curves and images as raw bytes (no base64 to decode).
    headers: { 'content-type': 'application/json', 'x-sts-token': token, accept: BINARY_WIRE_TYPE },
    body: encodeWire(input),
  });
  if (response.headers.get('content-type') === BINARY_WIRE_TYPE) {
    const buffer = await response.arrayBuffer();
    return { envelope: decodeBinaryWire(buffer) as ApiEnvelope<unknown>, buffer };
  }
  return { envelope: decodeWire(await response.text()) as ApiEnvelope<unknown>, buffer: null };
}
