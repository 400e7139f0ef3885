// One writer per library, across processes: an import (app, CLI or folder watcher) takes the
// library's write turn before it writes and gives it back when done; a second one waits its turn
// instead of failing with "database is locked" half-way. The turn is a row in write_lock, taken in
// a BEGIN IMMEDIATE transaction (so two takers never both win). A holder whose process is gone
// (same host: its pid no longer exists; any host: no heartbeat for STALE_MS) is taken over, so a
// killed import never blocks the library forever.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A holder that has not refreshed its heartbeat for this long is considered dead, ms. */
const STALE_MS = 60_000;
const HEARTBEAT_MS = 10_000;

export interface WriteLockHolder {
  pid: number;
  host: string;
  what: string;
  since: string;
}

export interface WriteLock {
  /** Gives the turn back (idempotent). */
  release(): void;
}

export interface AcquireOptions {
  /** What the holder is doing, shown to waiters, e.g. "import of /data/session". */
  what: string;
  /** Called (repeatedly) while another holder has the turn. */
  onWait?: (holder: WriteLockHolder) => void;
  /** Stops waiting: acquire rejects. */
  signal?: AbortSignal;
  /** How often to try again while waiting, ms. */
  pollMs?: number;
}

interface LockRow extends WriteLockHolder {
  owner: string;
  heartbeat_ms: number;
}

/** True if process pid exists on this machine (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function holderAlive(
  row: { pid: number; host: string; heartbeat_ms: number },
  now = Date.now(),
): boolean {
  if (now - row.heartbeat_ms > STALE_MS) return false;
  return row.host !== hostname() || processAlive(row.pid);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** One attempt: takes the turn and returns null, or returns the live holder. */
function tryTake(db: Database, owner: string, what: string): WriteLockHolder | null {
  return db
    .transaction((): WriteLockHolder | null => {
      const row = db
        .prepare('SELECT owner, pid, host, what, since, heartbeat_ms FROM write_lock WHERE id = 1')
        .get() as LockRow | undefined;
      if (row && row.owner !== owner && holderAlive(row)) {
        return { pid: row.pid, host: row.host, what: row.what, since: row.since };
      }
      db.prepare(
        'INSERT OR REPLACE INTO write_lock (id, owner, pid, host, what, since, heartbeat_ms) VALUES (1, ?, ?, ?, ?, ?, ?)',
      ).run(owner, process.pid, hostname(), what, new Date().toISOString(), Date.now());
      return null;
    })
    .immediate();
}

/** Waits for the library's write turn and takes it. */
export async function acquireWriteLock(db: Database, options: AcquireOptions): Promise<WriteLock> {
  const owner = randomBytes(12).toString('hex');
  const pollMs = options.pollMs ?? 200;
  for (;;) {
    options.signal?.throwIfAborted();
    let holder: WriteLockHolder | null;
    try {
      holder = tryTake(db, owner, options.what);
    } catch (error) {
      if (!isBusy(error)) throw error;
      holder = { pid: 0, host: '', what: 'another writer', since: '' };
    }
    if (!holder) break;
    options.onWait?.(holder);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const heartbeat = setInterval(() => {
    try {
      db.prepare('UPDATE write_lock SET heartbeat_ms = ? WHERE id = 1 AND owner = ?').run(Date.now(), owner);
    } catch {
      // Busy or closed: the next beat tries again; STALE_MS allows several misses.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      db.prepare('DELETE FROM write_lock WHERE id = 1 AND owner = ?').run(owner);
    },
  };
}

/** Marks runs left 'running' by a process that no longer exists as 'interrupted'. */
export function markInterruptedRuns(db: Database): number {
  const running = db.prepare("SELECT id, pid, host FROM import_runs WHERE state = 'running'").all() as Array<{
    id: number;
    pid: number | null;
    host: string | null;
  }>;
  const here = hostname();
  // Runs from before version 3 have no pid: nothing can be running them any more... unless an
  // older app is, which cannot open a version-3 library.
  const dead = running.filter((run) => run.pid === null || (run.host === here && !processAlive(run.pid)));
  const mark = db.prepare("UPDATE import_runs SET state = 'interrupted', finished_at = ? WHERE id = ?");
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const run of dead) mark.run(now, run.id);
  })();
  return dead.length;
}
