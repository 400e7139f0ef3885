// Worker thread that checkpoints a library's WAL on its own connection while an import writes on
// another (walCheckpointer.ts). A checkpoint copies the committed pages into the database file and
// syncs both files: on the build machine ~75 µs per imported Nanonis file, mostly waiting for the
// syncs, which the importing thread no longer waits for. PASSIVE: it never blocks the writer
// (pages the writer is still appending are left for the next one).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointAnswer, CheckpointRequest } from './checkpointMessages.ts';

if (!parentPort) throw new Error('checkpointWorker.ts runs as a worker thread only');
const port = parentPort;
const post = (message: CheckpointAnswer): void => port.postMessage(message);

const { path } = workerData as { path: string };
let db: Database.Database | null = null;

port.on('message', (request: CheckpointRequest) => {
  if (request.type === 'close') {
    db?.close();
    db = null;
    post({ type: 'closed' });
    return;
  }
  try {
    if (!db) {
      db = new Database(path, { fileMustExist: true });
      // The syncs a checkpoint does are those of the importing connection (openLibrary.ts):
      // the WAL before its pages are copied, the database file after.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('wal_checkpoint(PASSIVE)');
    post({ type: 'checkpointed' });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
