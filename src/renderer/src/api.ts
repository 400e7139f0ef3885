// The renderer's LibraryApi. In Electron the preload exposes `window.stsApi` (IPC); in browser mode
// the page was served by the loopback bridge and calls it over HTTP with the run's token. Views
// never know which.
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import { createApiClient } from '../../shared/api/client.ts';
import type { LibraryApi } from '../../shared/api/contract.ts';
import type { ApiEnvelope } from '../../shared/api/envelope.ts';
import type { LibraryApiMethod } from '../../shared/api/methods.ts';
import { callBridge } from './bridgeCall.ts';
import type { BridgeCallWorkerApi } from './bridgeCallWorker.ts';

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

/**
 * Methods whose answers are megabytes of typed arrays (curve slabs, grid cubes and maps): called
 * from a Web Worker, the page receiving the transferred buffer. Every other call stays on the page
 * (a worker hop costs more than its small answer).
 */
const OFF_PAGE_METHODS: ReadonlySet<LibraryApiMethod> = new Set([
  'getSpectraSlab',
  'getGridCube',
  'getGridRun',
]);

/** The bulk-call worker, started on first use; null once it failed to start (calls stay on the page). */
interface OffPage {
  api: Remote<BridgeCallWorkerApi>;
  /** Settles (with the error) only if the worker fails: its script did not load or threw at the top. */
  failure: Promise<{ failure: Error }>;
}

function startOffPage(): OffPage {
  const worker = new Worker(new URL('./bridgeCallWorker.ts', import.meta.url), { type: 'module' });
  const failure = new Promise<{ failure: Error }>((resolve) =>
    worker.addEventListener(
      'error',
      (e) => {
        worker.terminate();
        resolve({ failure: new Error(`bridge worker failed: ${e.message}`) });
      },
      { once: true },
    ),
  );
  return { api: wrap<BridgeCallWorkerApi>(worker), failure };
}

function createBridgeApi(): LibraryApi {
  const token = bridgeToken();
  const base = window.location.origin;
  let offPage: OffPage | null | undefined;
  const onPage = async (method: LibraryApiMethod, input: unknown): Promise<ApiEnvelope<unknown>> =>
    (await callBridge(base, token, method, input)).envelope;
  return createApiClient<LibraryApi>(async (method, input) => {
    if (!OFF_PAGE_METHODS.has(method) || offPage === null) return onPage(method, input);
    offPage ??= startOffPage();
    const answer = offPage.api.call(base, token, method, input).then((envelope) => ({ envelope }));
    const first = await Promise.race([answer, offPage.failure]);
    if ('envelope' in first) return first.envelope;
    // The worker could not start: this call and every later one go on the page's thread, so no
    // view waits for ever. (A failed request comes back as an envelope or a rejection, as on the page.)
    console.warn(first.failure);
    offPage = null;
    return onPage(method, input);
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
