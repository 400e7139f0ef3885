// Worker thread of the fuzz benchmark: runs the cases it is sent against its own temporary library
// and posts each result (so the runner knows which case was running if this worker dies).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { openLibrary } from '../../src/main/library/openLibrary.ts';
import type { BatchWriter } from '../../src/main/library/writeFiles.ts';
import { batchWriterFor, runCase, type FuzzFile } from './fuzzCase.ts';

export interface FuzzWorkerData {
  seed: number;
  files: Array<{ name: string; path: string; parameterPath: string | null }>;
}

export interface FuzzWorkRequest {
  from: number;
  /** Exclusive. */
  to: number;
}

/** Cases per temporary library: stored mutants are deleted with it, so the disk stays bounded. */
const CASES_PER_LIBRARY = 400;

const data = workerData as FuzzWorkerData;
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const files: FuzzFile[] = data.files.map((f) => ({
  name: f.name,
  bytes: bytesOf(f.path),
  context: f.parameterPath === null ? {} : { matrixParameterFile: bytesOf(f.parameterPath) },
}));

let current: { folder: string; db: Database; write: BatchWriter; cases: number } | null = null;

/** The worker's temporary library, replaced (and the old one deleted) every CASES_PER_LIBRARY cases. */
function library(): { write: BatchWriter; cases: number } {
  if (current && current.cases < CASES_PER_LIBRARY) return current;
  if (current) {
    current.db.close();
    rmSync(current.folder, { recursive: true, force: true });
  }
  const folder = mkdtempSync(join(tmpdir(), 'sts-fuzz-'));
  const db = openLibrary(join(folder, 'fuzz.sqlite'));
  current = { folder, db, write: batchWriterFor(db), cases: 0 };
  return current;
}

parentPort?.on('message', ({ from, to }: FuzzWorkRequest) => {
  for (let index = from; index < to; index++) {
    const target = library();
    const result = runCase(files, data.seed, index, target.write);
    target.cases++;
    parentPort?.postMessage(result);
  }
  parentPort?.postMessage({ done: to });
});
