// Runs in a worker_threads thread during a CLI import: copies the library's WAL into the database
// file (a PASSIVE checkpoint) each time main says it committed a batch. A checkpoint mostly waits
// for its two fsyncs (the WAL, then the database file); run on the writing thread they cost ~85 µs
// per imported file on the build machine, here they overlap with main's writing and the parsing.
// Its own connection: SQLite lets one connection checkpoint while another writes (WAL mode).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointAnswer, CheckpointRequest } from './checkpointMessages.ts';

const db = new Database((workerData as { path: string }).path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort?.on('message', (request: CheckpointRequest) => {
  if (request === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let answer: CheckpointAnswer;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    answer = { ok: true };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
