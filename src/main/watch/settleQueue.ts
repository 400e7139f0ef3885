// Files seen changing, held until they are complete. Each tick re-stats them; once size and mtime
// have held still for `settleMs` the content is judged (fileCompleteness.ts): complete files are
// ready at once, files that do not say how long they are need `quietMs` of quiet, and files that
// say they are unfinished wait, except a .3ds grid, which is ready as in-progress after `quietMs`
// (its reader keeps the pixels written) and again when it grows. A file still unfinished after
// `abandonMs` of quiet is taken as it is (an aborted scan is also a finished file).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { bytesNeeded, extensionOf, judgeCompleteness } from './fileCompleteness.ts';
import type { Completeness } from './fileCompleteness.ts';

export interface SettleTimes {
  /** ms size and mtime must hold before the content is judged. */
  settleMs: number;
  /** ms of quiet for files whose length the content does not give. */
  quietMs: number;
  /** ms of quiet after which an unfinished file is taken as it is. */
  abandonMs: number;
}

export const DEFAULT_SETTLE_TIMES: SettleTimes = { settleMs: 120, quietMs: 1000, abandonMs: 10_000 };

/** Formats whose reader accepts a partial file, so it can be imported as in-progress. */
const IN_PROGRESS_FORMATS = new Set(['.3ds']);

interface Pending {
  size: number;
  mtimeMs: number;
  /** ms timestamp of the last size/mtime change seen. */
  changedAt: number;
  quietSinceMtime: boolean;
  verdict: Completeness | null;
}

export interface ReadyFile {
  path: string;
  /** ms timestamp of the last change: when the file became complete, as far as we can tell. */
  completeAt: number;
  inProgress: boolean;
}

function readHead(path: string, size: number, limit: number | null): Uint8Array {
  const length = limit === null ? size : Math.min(size, limit);
  const buffer = new Uint8Array(length);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

export class SettleQueue {
  private readonly pending = new Map<string, Pending>();
  /** size:mtime of the version last handed out per path, so a touch without change is not re-queued. */
  private readonly handedOut = new Map<string, string>();
  private readonly times: SettleTimes;

  constructor(times: SettleTimes = DEFAULT_SETTLE_TIMES) {
    this.times = times;
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * A watcher event (add/change) for `path`. `quietSinceMtime`: the file was found by a scan, not an
   * event, so it has been quiet since its mtime (an old file is ready as soon as its content says so).
   */
  touch(path: string, quietSinceMtime = false): void {
    if (!this.pending.has(path))
      this.pending.set(path, { size: -1, mtimeMs: -1, changedAt: 0, quietSinceMtime, verdict: null });
  }

  forget(path: string): void {
    this.pending.delete(path);
    this.handedOut.delete(path);
  }

  /**
   * Re-stats every pending file and returns (and removes) those ready to import. Content is read
   * for at most `judgeLimit` files per call, so a burst never blocks the event loop for long.
   */
  takeReady(now: number, judgeLimit = Infinity): ReadyFile[] {
    const ready: ReadyFile[] = [];
    let judged = 0;
    for (const [path, entry] of this.pending) {
      let stats;
      try {
        stats = statSync(path);
      } catch {
        this.pending.delete(path); // gone again: the unlink event handles it
        continue;
      }
      if (!stats.isFile()) {
        this.pending.delete(path);
        continue;
      }
      if (stats.size !== entry.size || stats.mtimeMs !== entry.mtimeMs) {
        entry.size = stats.size;
        entry.mtimeMs = stats.mtimeMs;
        entry.changedAt = entry.quietSinceMtime ? Math.min(now, stats.mtimeMs) : now;
        entry.quietSinceMtime = false;
        entry.verdict = null;
      }
      const quiet = now - entry.changedAt;
      if (quiet < this.times.settleMs) continue;
      const key = `${entry.size}:${entry.mtimeMs}`;
      if (this.handedOut.get(path) === key) {
        this.pending.delete(path);
        continue;
      }
      if (entry.verdict === null) {
        if (judged >= judgeLimit) continue;
        judged++;
        entry.verdict = this.judge(path, entry.size);
      }
      const take = this.decide(path, entry.verdict, quiet);
      if (!take) continue;
      this.pending.delete(path);
      this.handedOut.set(path, key);
      ready.push({ path, completeAt: entry.changedAt, inProgress: take === 'in-progress' });
    }
    return ready;
  }

  private judge(path: string, size: number): Completeness {
    try {
      return judgeCompleteness(basename(path), readHead(path, size, bytesNeeded(basename(path))), size);
    } catch {
      return { state: 'unknown' };
    }
  }

  private decide(path: string, verdict: Completeness, quiet: number): 'whole' | 'in-progress' | null {
    if (verdict.state === 'complete') return 'whole';
    if (verdict.state === 'unknown') return quiet >= this.times.quietMs ? 'whole' : null;
    if (quiet >= this.times.abandonMs) return 'whole';
    if (IN_PROGRESS_FORMATS.has(extensionOf(path)) && verdict.done > 0 && quiet >= this.times.quietMs)
      return 'in-progress';
    return null;
  }
}
