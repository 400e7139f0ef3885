// Worker thread of one stored analysis run: opens the library on its own connection (WAL: the
// server's reads and imports go on meanwhile), analyses and stores the run, reports its phases.
// Terminating it cancels the run: the store is one transaction, so nothing half-written remains.
// While another connection holds the write lock (an import's batch), storing waits and tries again
// (reported as waitingForWriter) instead of failing after SQLite's busy timeout.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api/envelope.ts';
import { openLibrary } from '../library/openLibrary.ts';
import type { AnalysisRunMessage, AnalysisRunRequest } from './analysisRunMessages.ts';
import { loadAndAnalyse, storeRun } from './analysisRunner.ts';

if (!parentPort) throw new Error('analysisRunWorker.ts runs as a worker thread only');
const port = parentPort;
const post = (message: AnalysisRunMessage): void => port.postMessage(message);
const request = workerData as AnalysisRunRequest;

/** How long one attempt to take the write lock blocks this thread, ms. */
const STORE_BUSY_MS = 250;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

async function analyseAndStoreWhenFree(): Promise<number> {
  const db = openLibrary(request.dbPath);
  try {
    const run = loadAndAnalyse(db, request.recipe, request.scope, (phase, spectra) =>
      post({ type: 'phase', phase, spectra }),
    );
    const spectra = run.spectra.length;
    post({ type: 'phase', phase: 'storing', spectra });
    db.pragma(`busy_timeout = ${STORE_BUSY_MS}`);
    for (let waiting = false; ;) {
      try {
        // IMMEDIATE: the write lock first, so a busy library fails here, before anything is written.
        return db.transaction(() => storeRun(db, run, request.appVersion)).immediate();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (!waiting) post({ type: 'phase', phase: 'storing', spectra, waitingForWriter: true });
        waiting = true;
        // Lets the thread take messages (terminate) between attempts.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    db.close();
  }
}

analyseAndStoreWhenFree().then(
  (runId) => post({ type: 'done', runId }),
  (error: unknown) =>
    post({
      type: 'error',
      code: error instanceof ApiError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    }),
);
