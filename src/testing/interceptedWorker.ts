// A Node analysis worker (src/main/analysis/nodeAnalysisPool.ts) whose calls pass through a test's
// hands on their way: `intercept` gets each message's method name (comlink's call path) and
// `post`, which sends it on; the test may count it, hold it back and post it later, or post it now.
import { startNodeAnalysisWorker } from '../main/analysis/nodeAnalysisPool.ts';
import type { WorkerHandle } from '../workers/analysisPool.ts';

export function interceptedWorker(
  intercept: (method: string | undefined, post: () => void) => void,
): WorkerHandle {
  const handle = startNodeAnalysisWorker();
  const endpoint = handle.endpoint;
  return {
    terminate: handle.terminate,
    endpoint: {
      postMessage: (message: unknown, transfer?: Parameters<typeof endpoint.postMessage>[1]) =>
        intercept((message as { path?: string[] }).path?.[0], () => endpoint.postMessage(message, transfer)),
      addEventListener: endpoint.addEventListener.bind(endpoint),
      removeEventListener: endpoint.removeEventListener.bind(endpoint),
    },
  };
}
