// The app's watched session: one WatchSession per library at a time, its status for the renderer
// to poll (a version bumped per batch that changed something, and per-file events for notices).
import type { Database } from 'better-sqlite3';
import type { WatchEvent, WatchEventKind, WatchStatus } from '../../shared/model/watch.ts';
import { ApiError } from '../../shared/api/envelope.ts';
import { applyFolderLabels } from './batchLabels.ts';
import type { BatchDetail, ImportPaths } from './watchSession.ts';
import { WatchSession } from './watchSession.ts';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const KEPT_EVENTS = 50;

export class LibraryWatch {
  private session: WatchSession | null = null;
  private polling = false;
  private version = 0;
  private seq = 0;
  private events: WatchEvent[] = [];
  private error: string | null = null;
  private readonly db: Database;
  private readonly importPaths: ImportPaths;

  constructor(db: Database, importPaths: ImportPaths) {
    this.db = db;
    this.importPaths = importPaths;
  }

  status(): WatchStatus {
    return {
      watching: this.session !== null,
      folders: this.session?.folders ?? [],
      polling: this.polling,
      version: this.version,
      events: [...this.events],
      error: this.error,
    };
  }

  /** Starts watching (replacing a previous watch); resolves after the initial import. */
  async start(folders: string[], polling: boolean): Promise<WatchStatus> {
    for (const folder of folders) {
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new ApiError('not-found', `cannot watch ${folder}: no such folder`);
    }
    await this.stop();
    this.polling = polling;
    this.error = null;
    const session = new WatchSession({
      db: this.db,
      folders,
      polling,
      importPaths: this.importPaths,
      onBatch: (detail) => this.record(session.folders, detail),
    });
    this.session = session;
    try {
      await session.started;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      await this.stop();
    }
    return this.status();
  }

  async stop(): Promise<WatchStatus> {
    const session = this.session;
    this.session = null;
    await session?.stop();
    return this.status();
  }

  private record(folders: string[], detail: BatchDetail): void {
    const { report } = detail;
    applyFolderLabels(this.db, folders, report.files);
    const counts = this.db.prepare<[string], { spectra: number; images: number }>(
      `SELECT (SELECT count(*) FROM spectra s WHERE s.file_id = f.id) AS spectra,
              (SELECT count(*) FROM images i WHERE i.file_id = f.id) AS images FROM files f WHERE f.path = ?`,
    );
    const renamedTo = new Map(detail.renamed.map(({ from, to }) => [to, from]));
    const inProgress = new Set(detail.inProgress);
    const updated = new Set(detail.updated);
    const add = (kind: WatchEventKind, path: string, detailText = ''): void => {
      const held = kind === 'failed' || kind === 'missing' ? undefined : counts.get(path);
      this.events.push({
        seq: ++this.seq,
        time: report.time,
        kind,
        path,
        name: basename(path),
        spectra: held?.spectra ?? 0,
        images: held?.images ?? 0,
        detail: detailText,
      });
    };
    for (const path of report.files) {
      if (renamedTo.has(path)) add('renamed', path, renamedTo.get(path));
      else if (inProgress.has(path)) add('in-progress', path);
      else add(updated.has(path) ? 'updated' : 'imported', path);
    }
    for (const { file, error } of report.failed) add('failed', file, error);
    for (const path of detail.missing) add('missing', path);
    if (this.events.length > KEPT_EVENTS) this.events.splice(0, this.events.length - KEPT_EVENTS);
    if (report.files.length + report.failed.length + detail.missing.length > 0) this.version++;
  }
}
