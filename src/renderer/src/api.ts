// The renderer's LibraryApi. In Electron the preload exposes `window.stsApi` (IPC); in browser mode
// the page was served by the loopback bridge and calls it over HTTP with the run's token. Views
// never know which.
import { createApiClient } from '../../shared/api/client.ts';
import type { LibraryApi } from '../../shared/api/contract.ts';
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import type { LibraryApiMethod } from '../../shared/api/methods.ts';
import { BINARY_WIRE_TYPE, decodeBinaryWire } from '../../shared/api/binaryWire.ts';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec.ts';

type PreloadApi = { [K in LibraryApiMethod]: (input: unknown) => Promise<ApiEnvelope<unknown>> };

declare global {
  interface Window {
    stsApi?: PreloadApi;
  }
}

/** Token of this bridge run: from the page URL once, then kept for the session's later navigations. */
function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  // Kept once the page is idle: the page's first sessionStorage access opens the storage area
  // synchronously (~45 ms on the bench machine), which was part of a page-load long task.
  if (fromUrl)
    window.requestIdleCallback(() => sessionStorage.setItem('sts-token', fromUrl), { timeout: 5000 });
  const token = fromUrl ?? sessionStorage.getItem('sts-token');
  if (!token)
    throw new Error('No bridge token: open the URL printed by `sts-workbench serve` (it ends in ?token=...)');
  return token;
}

function createBridgeApi(): LibraryApi {
  const token = bridgeToken();
  return createApiClient<LibraryApi>(async (method, input) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      // Binary answers carry curves and images as raw bytes (no base64 to decode on this thread).
      headers: { 'content-type': 'application/json', 'x-sts-token': token, accept: BINARY_WIRE_TYPE },
      body: encodeWire(input),
    });
    if (response.headers.get('content-type') === BINARY_WIRE_TYPE) {
      return decodeBinaryWire(await response.arrayBuffer()) as ApiEnvelope<unknown>;
    }
    return decodeWire(await response.text()) as ApiEnvelope<unknown>;
  });
}

function createIpcApi(preload: PreloadApi): LibraryApi {
  return createApiClient<LibraryApi>((method, input) => preload[method](input));
}

let api: LibraryApi | null = null;

export function getApi(): LibraryApi {
  api ??= window.stsApi ? createIpcApi(window.stsApi) : createBridgeApi();
  return api;
}

/** True when running inside Electron (native dialogs available). */
export function isElectron(): boolean {
  return window.stsApi !== undefined;
}
