// The import's WAL checkpoint worker, on real libraries and a real worker thread: the rows a
// writer commits reach the database file through the worker's checkpoints while the writer's own
// automatic checkpoint is off, and the writer checkpoints by itself again when the worker fails.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from './openLibrary.ts';
import { WalCheckpointer } from './walCheckpointer.ts';

const WORKER_URL = new URL('./checkpointWorker.ts', import.meta.url);
const opened: Database[] = [];

function newLibrary(): { db: Database; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'sts-ckpt-')), 'library.sqlite');
  const db = openLibrary(path);
  opened.push(db);
  return { db, path };
}

/** Commits `count` labels with 4 KiB colour strings: a few pages of WAL per call. */
function commitLabels(db: Database, from: number, count: number): void {
  const insert = db.prepare('INSERT INTO labels (name, colour) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = from; i < from + count; i++) insert.run(`label ${i}`, 'x'.repeat(4096));
  })();
}

/** Bytes of the database file the pages of the library need (all its pages checkpointed). */
function pagesBytes(db: Database): number {
  return (
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number)
  );
}

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

describe('WalCheckpointer', () => {
  it('checkpoints each commit from the worker while the writer does not, and gives checkpoints back at close', async () => {
    const { db, path } = newLibrary();
    const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    expect(autocheckpoint).toBeGreaterThan(0);
    const checkpointer = new WalCheckpointer(db, WORKER_URL);
    for (let batch = 0; batch < 5; batch++) {
      commitLabels(db, batch * 100, 100);
      checkpointer.committed();
      // The writer leaves its WAL alone meanwhile.
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await checkpointer.settled();
      expect(checkpointer.active).toBe(true);
      // Every committed page is in the database file: the worker copied the WAL there.
      expect(statSync(path).size).toBeGreaterThanOrEqual(pagesBytes(db));
    }
    await checkpointer.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(autocheckpoint);
    expect(db.prepare('SELECT count(*) FROM labels').pluck().get()).toBe(500);
    db.close();
    // Reopened from the file alone (the last close removed the WAL): every row is there.
    const reopened = openLibrary(path, { readonly: true });
    opened.push(reopened);
    expect(reopened.prepare('SELECT count(*) FROM labels').pluck().get()).toBe(500);
  });

  it('gives the writer its checkpoints back when the worker cannot start', async () => {
    const { db } = newLibrary();
    const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const checkpointer = new WalCheckpointer(db, new URL('./noSuchWorker.ts', import.meta.url));
    commitLabels(db, 0, 10);
    checkpointer.committed();
    await checkpointer.settled();
    expect(checkpointer.active).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(autocheckpoint);
    commitLabels(db, 10, 10);
    checkpointer.committed();
    await checkpointer.close();
    expect(db.prepare('SELECT count(*) FROM labels').pluck().get()).toBe(20);
  });
});
