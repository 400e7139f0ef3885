// Worker thread of one stored analysis run: opens the library on its own connection (WAL: the
// server's reads and imports go on meanwhile), analyses and stores the run, reports its phases.
// Terminating it cancels the run: the store is one transaction, so nothing half-written remains.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api/envelope.ts';
import { openLibrary } from '../library/openLibrary.ts';
import type { AnalysisRunMessage, AnalysisRunRequest } from './analysisRunMessages.ts';
import { analyseAndStore } from './analysisRunner.ts';

if (!parentPort) throw new Error('analysisRunWorker.ts runs as a worker thread only');
const port = parentPort;
const post = (message: AnalysisRunMessage): void => port.postMessage(message);
const request = workerData as AnalysisRunRequest;

try {
  const db = openLibrary(request.dbPath);
  try {
    const runId = analyseAndStore(db, request.recipe, request.appVersion, request.scope, (phase, spectra) =>
      post({ type: 'phase', phase, spectra }),
    );
    post({ type: 'done', runId });
  } finally {
    db.close();
  }
} catch (error) {
  post({
    type: 'error',
    code: error instanceof ApiError ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
  });
}
