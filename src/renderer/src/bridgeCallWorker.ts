// Web Worker that makes the bridge's bulk calls (api.ts: OFF_PAGE_METHODS) and transfers the
// answer's buffer to the page: reading and decoding megabytes of curves never runs on the UI thread.
import { expose, transfer } from 'comlink';
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import type { LibraryApiMethod } from '../../shared/api/methods.ts';
import { callBridge } from './bridgeCall.ts';

const bridgeCallWorkerApi = {
  async call(
    base: string,
    token: string,
    method: LibraryApiMethod,
    input: unknown,
  ): Promise<ApiEnvelope<unknown>> {
    const { envelope, buffer } = await callBridge(base, token, method, input);
    return buffer ? transfer(envelope, [buffer]) : envelope;
  },
};

export type BridgeCallWorkerApi = typeof bridgeCallWorkerApi;

expose(bridgeCallWorkerApi);
