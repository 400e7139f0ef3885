// The WAL checkpoint worker on a real library file: committed pages reach the database file while
// the writing connection's own checkpoint threshold is raised (so only the worker can have copied
// them), the threshold comes back at close, a worker that cannot run hands checkpoints back to the
// writer, and a library without a WAL file gets no worker.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from './openLibrary.ts';
import { FALLBACK_FACTOR, SOURCE_CHECKPOINT_WORKER_URL, WalCheckpointer } from './walCheckpointer.ts';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function newLibrary(): { db: Database.Database; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'sts-checkpoint-')), 'library.sqlite');
  const db = openLibrary(path);
  open.push(db);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
  return { db, path };
}

/** Commits `rows` rows of 16 kB, one transaction. */
function commitRows(db: Database.Database, rows: number, seed: number): void {
  const insert = db.prepare('INSERT INTO filler (data) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(16384, (seed + i) % 251));
  })();
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('WalCheckpointer', () => {
  it('copies committed pages into the database file in its own thread, then restores the threshold', async () => {
    const { db, path } = newLibrary();
    const threshold = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    expect(threshold).toBeGreaterThan(0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(path).size;
    const checkpointer = WalCheckpointer.start(db, SOURCE_CHECKPOINT_WORKER_URL);
    expect(checkpointer).not.toBeNull();
    // While it runs, this connection checkpoints only past FALLBACK_FACTOR times its WAL size.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold * FALLBACK_FACTOR);
    // ~1.6 MB per commit: far below the raised threshold, so this connection copies nothing itself.
    for (let commit = 0; commit < 3; commit++) {
      commitRows(db, 100, commit);
      checkpointer!.committed();
    }
    await until(() => checkpointer!.checkpoints >= 1);
    await checkpointer!.close();
    expect(checkpointer!.failure).toBeNull();
    // The copied pages are in the database file itself (the WAL is not read by statSync).
    expect(statSync(path).size).toBeGreaterThan(before + 100 * 16384);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
    // Every row is there, read back through another connection.
    const reader = new Database(path, { readonly: true });
    open.push(reader);
    expect(reader.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 300 });
    expect(reader.prepare('SELECT sum(length(data)) AS bytes FROM filler').get()).toEqual({
      bytes: 300 * 16384,
    });
  });

  it('a worker that cannot start hands the checkpoints back to the writing connection', async () => {
    const { db } = newLibrary();
    const threshold = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const missing = new URL('./noSuchCheckpointWorker.ts', import.meta.url);
    const checkpointer = WalCheckpointer.start(db, missing)!;
    checkpointer.committed();
    await until(() => checkpointer.failure !== null);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(threshold);
    // Writing goes on, and close() still resolves.
    commitRows(db, 10, 1);
    await checkpointer.close();
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 10 });
  });

  it('no worker for a library without a WAL file', () => {
    const memory = new Database(':memory:');
    open.push(memory);
    expect(WalCheckpointer.start(memory, SOURCE_CHECKPOINT_WORKER_URL)).toBeNull();
    const path = join(mkdtempSync(join(tmpdir(), 'sts-checkpoint-')), 'rollback.sqlite');
    const rollback = new Database(path);
    open.push(rollback);
    rollback.pragma('journal_mode = DELETE');
    expect(WalCheckpointer.start(rollback, SOURCE_CHECKPOINT_WORKER_URL)).toBeNull();
  });
});
