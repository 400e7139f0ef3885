// Test helper: the LibraryApi over real HTTP to a running bridge, as the browser page calls it.
import { request } from 'node:http';
import { createApiClient } from '../shared/api/client.ts';
import type { LibraryApi } from '../shared/api/contract.ts';
import type { ApiEnvelope } from '../shared/api/envelope.ts';
import { decodeWire, encodeWire } from '../shared/api/wireCodec.ts';
import type { RunningBridge } from '../main/bridge/bridgeServer.ts';

export function bridgeApi(bridge: RunningBridge): LibraryApi {
  const base = new URL(bridge.url).origin;
  return createApiClient<LibraryApi>(
    (method, input) =>
      new Promise<ApiEnvelope<unknown>>((done, fail) => {
        const req = request(
          `${base}/api/${method}`,
          { method: 'POST', headers: { 'x-sts-token': bridge.token } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => done(decodeWire(text) as ApiEnvelope<unknown>));
          },
        );
        req.on('error', fail);
        req.end(encodeWire(input));
      }),
  );
}
