// Worker thread of stored analysis runs: for each run it opens the library on its own connection
// (WAL: the server's reads and imports go on meanwhile), analyses and stores the run, reports its
// phases. The first run comes as workerData, later ones as messages, one at a time: between runs
// the server keeps it idle for a while (analysisJobs.ts), so a re-run finds its code compiled.
// Terminating it cancels the run: the store is one transaction, so nothing half-written remains.
// While another connection holds the write lock (an import's batch), storing waits and tries again
// (reported as waitingForWriter) instead of failing after SQLite's busy timeout. Started with a
// ChunkHelperRequest, the same module is the run's helper thread (twoThreadRun.ts): it reads and
// analyses its half of the chunks, so a run uses both cores without a second script to build.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api/envelope.ts';
import { openLibrary } from '../library/openLibrary.ts';
import type { AnalysisRunMessage, AnalysisRunRequest } from './analysisRunMessages.ts';
import { loadAndAnalyseOnTwoThreads, storeRun } from './analysisRunner.ts';
import { analyseChunksFromLibrary, packChunkResults, transferablesOf } from './twoThreadRun.ts';
import type { ChunkHelperMessage, ChunkHelperRequest } from './twoThreadRun.ts';

if (!parentPort) throw new Error('analysisRunWorker.ts runs as a worker thread only');
const port = parentPort;
const post = (message: AnalysisRunMessage): void => port.postMessage(message);

/** How long one attempt to take the write lock blocks this thread, ms. */
const STORE_BUSY_MS = 250;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

async function analyseAndStoreWhenFree(request: AnalysisRunRequest): Promise<number> {
  const db = openLibrary(request.dbPath);
  try {
    const run = await loadAndAnalyseOnTwoThreads(
      db,
      request.dbPath,
      request.recipe,
      new URL(import.meta.url),
      request.scope,
      (phase, spectra) => post({ type: 'phase', phase, spectra }),
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

/** The helper's half: its chunks read from its own connection, results back in one transfer. */
function helpWith(request: ChunkHelperRequest): void {
  let message: ChunkHelperMessage;
  try {
    const db = openLibrary(request.dbPath, { readonly: true });
    try {
      message = {
        type: 'done',
        packed: packChunkResults(analyseChunksFromLibrary(db, request.recipe, request.chunks)),
      };
    } finally {
      db.close();
    }
  } catch (error) {
    message = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message, message.type === 'done' ? transferablesOf(message.packed) : []);
}

/** One run, reported: its phases, then done or error (the worker stays usable either way). */
function runAndReport(request: AnalysisRunRequest): void {
  analyseAndStoreWhenFree(request).then(
    (runId) => post({ type: 'done', runId }),
    (error: unknown) =>
      post({
        type: 'error',
        code: error instanceof ApiError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
}

const data = workerData as AnalysisRunRequest | ChunkHelperRequest;
if ('role' in data && data.role === 'chunk-helper') helpWith(data);
else {
  runAndReport(data as AnalysisRunRequest);
  port.on('message', (request: AnalysisRunRequest) => runAndReport(request));
}
