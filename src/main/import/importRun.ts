// One import of files and folders into a library: files are parsed in the worker pool, outcomes
// are written in batched transactions, progress is kept for polling, and cancel stops dispatch
// (files already parsed are still written, so nothing is half-recorded). One import writes to a
// library at a time (writeLock.ts): a second one, from this process or another, waits its turn.
import type { Database, Statement } from 'better-sqlite3';
import { hostname } from 'node:os';
import type { ImportProgress, ImportReport } from '../../shared/model/library.ts';
import type { FileOutcome } from '../library/fileOutcome.ts';
import { sweepCount } from '../library/fileRows.ts';
import { createBatchWriter } from '../library/writeFiles.ts';
import type { BatchWriter, RefusedFile } from '../library/writeFiles.ts';
import { acquireWriteLock } from '../library/writeLock.ts';
import type { WriteLock } from '../library/writeLock.ts';
import { CRASH_MESSAGE_PREFIX } from './parseMessages.ts';
import { classifyResponse } from './classifyResponse.ts';
import type { ParsePool } from './parsePool.ts';
import type { ParseResponse } from './parseMessages.ts';
import { asLibraryError } from '../library/libraryErrors.ts';
import { dataFilesWaitingFor, parameterFileArrived } from './matrixWaiting.ts';
import { scanPaths } from './scanPaths.ts';
import type { ScannedFile } from './scanPaths.ts';

export interface ImportRunOptions {
  db: Database;
  pool: ParsePool;
  paths: string[];
  readerVersion: string;
  /** Files per write transaction. */
  batchFiles?: number;
  /** Parse requests in flight at once: keeps the workers' batches full (see parsePool.ts). */
  inFlight?: number;
  /** File bytes of outcomes waiting to be written before a batch is written early: bounds memory. */
  batchBytes?: number;
  /**
   * Called once every file's parse has answered, before the last batch is written. The CLI stops
   * its parse worker there: the worker's teardown (~30 ms on the build machine) then overlaps the
   * last writes instead of following them.
   */
  onAllParsed?: () => void;
}

/** A file the workers read, waiting for its batch to be classified and written (see flush). */
interface ParsedFile {
  file: ScannedFile;
  known: KnownFile | undefined;
  response: ParseResponse;
}

/** Files whose library rows are looked up in one read transaction (not one per file). */
const KNOWN_CHUNK = 512;

interface KnownFile {
  size: number;
  mtime_ms: number;
  sha256: string;
  reader_version: string;
  status: string;
  error: string | null;
  not_iv: string | null;
}

/** The files to import, growing while the scan runs; more() resolves when files come or it ends. */
class FileQueue {
  readonly files: ScannedFile[] = [];
  ended = false;
  private wake: () => void = () => {};
  private next: Promise<void> = this.renew();

  add(files: readonly ScannedFile[]): void {
    if (files.length === 0) return;
    // One at a time: a spread of 100,000 arguments would overflow the stack.
    for (const file of files) this.files.push(file);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  more(): Promise<void> {
    return this.next;
  }

  private renew(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.next = this.renew();
    wake();
  }
}

function emptyReport(): ImportReport {
  return { files: 0, imported: 0, unchanged: 0, updated: 0, skipped: [], failed: [], spectra: 0, images: 0 };
}

export class ImportRun {
  readonly progress: ImportProgress;
  readonly done: Promise<ImportProgress>;
  private cancelled = false;
  private readonly options: Required<ImportRunOptions>;
  /** Files read and not yet written; written in batches by flush(). */
  private readonly parsed: ParsedFile[] = [];
  private parsedBytes = 0;
  private readonly shaInRun = new Map<string, string>();
  private writeBatch!: BatchWriter;
  private sameContent: Statement | null = null;
  private classifyBatch: ((files: ParsedFile[]) => FileOutcome[]) | null = null;
  private readonly abort = new AbortController();
  /** Files counted as updated (not imported) in the report. */
  private readonly updatedPaths = new Set<string>();

  constructor(options: ImportRunOptions) {
    this.options = {
      batchFiles: 128,
      inFlight: 256,
      batchBytes: 64 << 20,
      onAllParsed: () => {},
      ...options,
    };
    const runId = Number(
      options.db
        .prepare(
          "INSERT INTO import_runs (started_at, roots_json, state, pid, host) VALUES (?, ?, 'running', ?, ?)",
        )
        .run(new Date().toISOString(), JSON.stringify(options.paths), process.pid, hostname())
        .lastInsertRowid,
    );
    this.progress = {
      runId,
      state: 'running',
      filesTotal: 0,
      filesDone: 0,
      bytesTotal: 0,
      bytesDone: 0,
      currentFile: null,
      waiting: null,
      report: emptyReport(),
      error: null,
    };
    this.done = this.run();
  }

  cancel(): void {
    this.cancelled = true;
    this.abort.abort();
  }

  private async run(): Promise<ImportProgress> {
    const { db } = this.options;
    let lock: WriteLock | null = null;
    try {
      lock = await acquireWriteLock(db, {
        what: `import ${this.progress.runId} of ${this.options.paths.join(', ')}`,
        signal: this.abort.signal,
        onWait: (holder) => {
          const who = holder.pid ? ` (process ${holder.pid} on ${holder.host}, since ${holder.since})` : '';
          this.progress.waiting = `waiting for another import to finish: ${holder.what}${who}`;
        },
      });
      this.progress.waiting = null;
      this.writeBatch = createBatchWriter(db, {
        importRunId: this.progress.runId,
        readerVersion: this.options.readerVersion,
      });
      // Files are parsed as the scan lists them (chunk by chunk, in its order): the worker does not
      // wait for the last of a folder's files to be stat'ed.
      const queue = new FileQueue();
      const take = (listed: readonly ScannedFile[]): void => {
        const fresh = listed.slice(queue.files.length);
        this.progress.filesTotal += fresh.length;
        this.progress.bytesTotal += fresh.reduce((sum, file) => sum + file.size, 0);
        queue.add(fresh);
      };
      const scanning = (async () => {
        try {
          const scan = await scanPaths(this.options.paths, { onListed: take });
          // A MATRIX parameter file that arrived: its data files recorded without it are read again.
          take([...scan.files, ...(await dataFilesWaitingFor(db, scan.files))]);
          this.progress.report.failed.push(
            ...scan.problems.map(({ file, reason }) => ({ file, error: reason })),
          );
          this.progress.report.skipped.push(...scan.skipped);
        } finally {
          queue.end();
        }
      })();
      // Both settle before the run goes on (a failed scan must not leave files being written).
      for (const result of await Promise.allSettled([scanning, this.importAll(queue)]))
        if (result.status === 'rejected') throw result.reason;
      this.options.onAllParsed();
      this.flush();
      // Workers finish in any order; report files in path order.
      this.progress.report.skipped.sort((a, b) => a.file.localeCompare(b.file));
      this.progress.report.failed.sort((a, b) => a.file.localeCompare(b.file));
      this.progress.report.warnings?.sort((a, b) => a.file.localeCompare(b.file));
      this.progress.state = this.cancelled ? 'cancelled' : 'done';
    } catch (error) {
      if (this.cancelled && !lock) {
        this.progress.state = 'cancelled';
      } else {
        this.progress.state = 'failed';
        // The library's own errors (disk full, read-only, locked) are worded with its path.
        const worded = asLibraryError(db.name, error);
        this.progress.error = worded instanceof Error ? worded.message : String(worded);
      }
    }
    lock?.release();
    this.progress.currentFile = null;
    this.progress.waiting = null;
    try {
      db.prepare('UPDATE import_runs SET finished_at = ?, state = ?, report_json = ? WHERE id = ?').run(
        new Date().toISOString(),
        this.progress.state,
        JSON.stringify(this.progress.report),
        this.progress.runId,
      );
    } catch (error) {
      // A full disk may refuse this last write too: the run is then marked interrupted at the next
      // open; the caller still gets the report and the reason.
      const worded = asLibraryError(db.name, error);
      this.progress.error ??= worded instanceof Error ? worded.message : String(worded);
    }
    return this.progress;
  }

  private async importAll(queue: FileQueue): Promise<void> {
    const { files } = queue;
    const { db } = this.options;
    const knownStatement = db.prepare<[string], KnownFile>(
      'SELECT size, mtime_ms, sha256, reader_version, status, error, not_iv FROM files WHERE path = ?',
    );
    // Looked up a chunk at a time in one read transaction: a statement outside a transaction
    // takes and drops SQLite's read lock each time (two fcntl calls per file).
    const lookUp = db.transaction((chunk: ScannedFile[]) =>
      chunk.map((file) => knownStatement.get(file.path)),
    );
    let known: Array<KnownFile | undefined> = [];
    let knownFrom = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!this.cancelled) {
        if (next >= files.length) {
          if (queue.ended) break;
          await queue.more();
          continue;
        }
        const index = next++;
        if (index >= knownFrom + known.length) {
          knownFrom = index;
          known = lookUp(files.slice(index, index + KNOWN_CHUNK));
        }
        await this.importOne(files[index] as ScannedFile, known[index - knownFrom]);
      }
    };
    await Promise.all(Array.from({ length: this.options.inFlight }, worker));
  }

  private async importOne(file: ScannedFile, known: KnownFile | undefined): Promise<void> {
    const report = this.progress.report;
    report.files++;
    const sameReader = known?.reader_version === this.options.readerVersion;
    // A file recorded failed because its worker died is read again: the crash may have been
    // another file's, or memory that is free now.
    const crashed = known?.status === 'failed' && (known.error ?? '').startsWith(CRASH_MESSAGE_PREFIX);
    // A MATRIX data file read without its parameter file is read again once the file is there.
    const calibrated = known !== undefined && parameterFileArrived(file.path, file.name, known.not_iv);
    const readAgain = crashed || calibrated;
    if (known && sameReader && !readAgain && known.size === file.size && known.mtime_ms === file.mtimeMs) {
      report.unchanged++;
      this.finishFile(file);
      return;
    }
    this.progress.currentFile = file.path;
    const response = await this.options.pool.parse(file.path, file.name, file.size);
    if (known && sameReader && !readAgain && response.sha256 !== '' && response.sha256 === known.sha256) {
      this.options.pool.release(response);
      // Touched but not changed: remember the new mtime so the next import skips the read.
      this.options.db.prepare('UPDATE files SET mtime_ms = ? WHERE path = ?').run(file.mtimeMs, file.path);
      report.unchanged++;
      this.finishFile(file);
      return;
    }
    this.parsed.push({ file, known, response });
    this.parsedBytes += file.size;
    if (this.parsed.length >= this.options.batchFiles || this.parsedBytes >= this.options.batchBytes)
      this.flush();
    this.finishFile(file);
  }

  /** Another path already holding this content, in the library or earlier in this run. */
  private duplicateOf(path: string, sha256: string): string | null {
    if (!sha256) return null;
    const inRun = this.shaInRun.get(sha256);
    if (inRun && inRun !== path) return inRun;
    this.shaInRun.set(sha256, path);
    this.sameContent ??= this.options.db.prepare(
      "SELECT path FROM files WHERE sha256 = ? AND path != ? AND status = 'imported' LIMIT 1",
    );
    const row = this.sameContent.get(sha256, path) as { path: string } | undefined;
    return row?.path ?? null;
  }

  /**
   * Outcomes of a batch of read files, in order, the duplicate lookups in one read transaction;
   * each is counted in the report, and those to write are returned.
   */
  private classify(batch: ParsedFile[]): FileOutcome[] {
    this.classifyBatch ??= this.options.db.transaction((files: ParsedFile[]) =>
      files.map(({ file, response }) =>
        classifyResponse(
          { ...file, sha256: response.sha256 },
          response,
          this.duplicateOf(file.path, response.sha256),
        ),
      ),
    );
    const outcomes = this.classifyBatch(batch);
    return outcomes.filter((outcome, i) => this.record(outcome, (batch[i] as ParsedFile).known));
  }

  /** Counts an outcome in the report; false when it is not written (the previous version is kept). */
  private record(outcome: FileOutcome, known: KnownFile | undefined): boolean {
    const report = this.progress.report;
    // A changed file that no longer reads must not wipe the good version (and its labels) we hold.
    const keepPrevious = outcome.status !== 'imported' && known?.status === 'imported';
    if (outcome.status === 'imported') {
      if (known) {
        report.updated++;
        this.updatedPaths.add(outcome.file.path);
      } else report.imported++;
      report.spectra += sweepCount(outcome.rows);
      report.images += outcome.rows.images.length;
      for (const warning of outcome.rows.warnings)
        (report.warnings ??= []).push({ file: outcome.file.path, warning });
    } else if (outcome.status === 'skipped') {
      report.skipped.push({ file: outcome.file.path, reason: outcome.reason });
    } else {
      const kept = keepPrevious ? ' (the previously imported version is kept)' : '';
      report.failed.push({ file: outcome.file.path, error: outcome.error + kept });
    }
    return !keepPrevious;
  }

  private finishFile(file: ScannedFile): void {
    this.progress.filesDone++;
    this.progress.bytesDone += file.size;
  }

  private flush(): void {
    if (this.parsed.length === 0) return;
    this.parsedBytes = 0;
    const batch = this.parsed.splice(0);
    const outcomes = this.classify(batch);
    let refused: RefusedFile[];
    try {
      refused = this.writeBatch(outcomes);
    } finally {
      // The rows are in the library (or will not be): their BLOB memory goes back to the workers.
      for (const { response } of batch) this.options.pool.release(response);
    }
    const report = this.progress.report;
    for (const { outcome, error } of refused) {
      // Counted as it was classified; SQLite refused it, so it is a failure after all.
      if (outcome.status === 'imported') {
        if (this.updatedPaths.has(outcome.file.path)) report.updated--;
        else report.imported--;
        report.spectra -= sweepCount(outcome.rows);
        report.images -= outcome.rows.images.length;
        report.warnings = report.warnings?.filter((entry) => entry.file !== outcome.file.path);
      } else if (outcome.status === 'skipped') {
        report.skipped = report.skipped.filter((entry) => entry.file !== outcome.file.path);
      } else {
        report.failed = report.failed.filter((entry) => entry.file !== outcome.file.path);
      }
      report.failed.push({ file: outcome.file.path, error });
    }
  }
}
