// Watches session folders and imports what appears: an initial import of what is there, then one
// import batch per group of files that became complete (settleQueue.ts), through the same import
// entry point as a manual import. Deleted files are marked missing, renamed ones moved in place.
// Every batch ends with a BatchReport, the CLI's JSON line.
import type { Database } from 'better-sqlite3';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { basename, resolve } from 'node:path';
import type { ImportProgress } from '../../shared/model/library.ts';
import { scanPaths } from '../import/scanPaths.ts';
import {
  filesGoneFrom,
  followRename,
  hasMissingFiles,
  isInLibrary,
  markMissing,
  markPresent,
} from './missingFiles.ts';
import { fileBatchIntoSession } from './batchSession.ts';
import { DEFAULT_SETTLE_TIMES, SettleQueue } from './settleQueue.ts';
import type { ReadyFile, SettleTimes } from './settleQueue.ts';

export interface BatchReport {
  /** ISO time the batch was written. */
  time: string;
  /** Paths imported, updated or moved (renamed) in this batch. */
  files: string[];
  imported: number;
  updated: number;
  unchanged: number;
  skipped: Array<{ file: string; reason: string }>;
  failed: Array<{ file: string; error: string }>;
  spectra: number;
  images: number;
}

/** What a batch did beyond the JSON line: for the app's notices and the bench's latencies. */
export interface BatchDetail {
  report: BatchReport;
  /** Files marked missing in this batch. */
  missing: string[];
  /** Renames followed: old path -> new path. */
  renamed: Array<{ from: string; to: string }>;
  /** Files of `report.files` that replaced an earlier version. */
  updated: string[];
  /** Files imported while still being written (.3ds grids in progress). */
  inProgress: string[];
  /** ms timestamps (Date.now()) each file was last seen changing, by path. */
  completeAt: Map<string, number>;
}

/** Runs one import of `paths` to the end: the library's import entry point. */
export type ImportPaths = (paths: string[]) => Promise<ImportProgress>;

export interface WatchSessionOptions {
  db: Database;
  folders: string[];
  importPaths: ImportPaths;
  onBatch: (detail: BatchDetail) => void;
  /** Poll the folders instead of native events (network shares, where events do not arrive). */
  polling?: boolean;
  /** ms between polls when polling. */
  pollIntervalMs?: number;
  settle?: Partial<SettleTimes>;
  /** ms between checks of files in flight. */
  tickMs?: number;
}

/**
 * Files per import batch: a burst is reported in steps, so its first files land while the rest
 * are still parsed (one batch of 500 would hold every file back until the last is written).
 */
const MAX_BATCH_FILES = 48;

/** ms an unlink waits before the file is marked missing: a rename's add usually follows within it. */
const UNLINK_GRACE_MS = 300;

const isHidden = (path: string): boolean => basename(path).startsWith('.');

export class WatchSession {
  readonly folders: string[];
  private readonly options: WatchSessionOptions;
  private readonly queue: SettleQueue;
  /** Unlinked paths and when (ms): held briefly so a rename's add can land in the same batch. */
  private readonly unlinked = new Map<string, number>();
  /** Files ready but not yet in a batch (a burst is imported in several batches). */
  private readonly backlog: ReadyFile[] = [];
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private batch: Promise<void> | null = null;
  private stopped = false;
  /** The library session this watch files its batches into (null until a batch brings files). */
  private sessionId: number | null = null;
  /** Resolves once the initial import has been written and reported. */
  readonly started: Promise<void>;

  constructor(options: WatchSessionOptions) {
    this.options = options;
    this.folders = options.folders.map((folder) => resolve(folder));
    this.queue = new SettleQueue({ ...DEFAULT_SETTLE_TIMES, ...options.settle });
    this.started = this.start();
  }

  private async start(): Promise<void> {
    // Watch first, so nothing written during the initial import is missed.
    const watcher = watch(this.folders, {
      ignoreInitial: true,
      usePolling: this.options.polling ?? false,
      interval: this.options.pollIntervalMs ?? 250,
      binaryInterval: this.options.pollIntervalMs ?? 250,
      ignored: (path: string) => isHidden(path) && !this.folders.includes(path),
    });
    this.watcher = watcher;
    watcher.on('add', (path) => this.seen(path));
    watcher.on('change', (path) => this.seen(path));
    watcher.on('unlink', (path) => {
      this.queue.forget(path);
      this.unlinked.set(path, Date.now());
    });
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
    await this.initialImport();
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 50);
  }

  private seen(path: string): void {
    this.unlinked.delete(path);
    this.queue.touch(path);
  }

  /** Everything already complete now is imported in one batch; files still in flight wait. */
  private async initialImport(): Promise<void> {
    const scan = await scanPaths(this.folders);
    for (const file of scan.files) this.queue.touch(file.path, true);
    const ready = this.queue.takeReady(Date.now());
    const gone = filesGoneFrom(this.options.db, this.folders);
    await this.runBatch(ready, gone, true);
  }

  private tick(): void {
    if (this.batch || this.stopped) return;
    const now = Date.now();
    this.backlog.push(...this.queue.takeReady(now, MAX_BATCH_FILES));
    const ready = this.backlog.splice(0, MAX_BATCH_FILES);
    const gone = [...this.unlinked].filter(([, at]) => now - at >= UNLINK_GRACE_MS).map(([path]) => path);
    for (const path of gone) this.unlinked.delete(path);
    if (ready.length === 0 && gone.length === 0) return;
    this.batch = this.runBatch(ready, gone).finally(() => {
      this.batch = null;
    });
  }

  /** `initial`: the first batch runs (and is reported) even when it finds nothing. */
  private async runBatch(ready: ReadyFile[], gone: string[], initial = false): Promise<void> {
    const { db } = this.options;
    const now = new Date();
    const renamed: BatchDetail['renamed'] = [];
    // Renames first: a renamed file's old path must not be reported missing.
    if (ready.length > 0 && (gone.length > 0 || this.unlinked.size > 0 || hasMissingFiles(db))) {
      for (const { path } of ready) {
        if (isInLibrary(db, path)) continue;
        const from = followRename(db, path);
        if (from) renamed.push({ from, to: path });
      }
    }
    const missing = gone.filter((path) => markMissing(db, path, now));
    const paths = ready.map((file) => file.path);
    const renamedTo = new Set(renamed.map((r) => r.to));
    const known = new Set(paths.filter((path) => !renamedTo.has(path) && isInLibrary(db, path)));
    // An initial import with nothing ready still runs over the folders when nothing is in flight
    // there either: it starts the parse workers before files arrive.
    const warmUp = initial && paths.length === 0 && this.queue.size === 0;
    const progress =
      paths.length > 0 || warmUp ? await this.options.importPaths(warmUp ? this.folders : paths) : null;
    if (progress) this.sessionId = fileBatchIntoSession(db, progress.runId, this.sessionId, this.folders);
    if (paths.length > 0) markPresent(db, paths);
    const changed = progress
      ? db
          .prepare<[number], { path: string }>(
            "SELECT path FROM files WHERE import_run_id = ? AND status = 'imported' ORDER BY path",
          )
          .all(progress.runId)
          .map((row) => row.path)
      : [];
    const report = progress?.report;
    this.options.onBatch({
      report: {
        time: new Date().toISOString(),
        files: [...changed, ...renamed.map((r) => r.to).filter((path) => !changed.includes(path))],
        imported: report?.imported ?? 0,
        updated: report?.updated ?? 0,
        unchanged: report?.unchanged ?? 0,
        skipped: report?.skipped ?? [],
        failed: [...(report?.failed ?? [])],
        spectra: report?.spectra ?? 0,
        images: report?.images ?? 0,
      },
      missing,
      renamed,
      updated: changed.filter((path) => known.has(path)),
      inProgress: ready.filter((file) => file.inProgress).map((file) => file.path),
      completeAt: new Map(ready.map((file) => [file.path, file.completeAt])),
    });
  }

  /** Stops watching; a batch under way is finished (and reported) first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.started.catch(() => undefined);
    if (this.timer) clearInterval(this.timer);
    await this.batch;
    await this.watcher?.close();
  }
}
