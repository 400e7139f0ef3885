// `sts-workbench import <paths...> --db <file> [--json]`. Runs the import itself (library, parse
// pool, ImportRun, then the run filed as a session, as LibraryService.startImport does) rather than
// through LibraryService, so the command loads only the import's modules: the analysis, watch and
// API code that the service brings in cost a noticeable share of a short import's time.
import { existsSync } from 'node:fs';
import { ParsePool } from '../../main/import/parsePool.ts';
import { cliWorkerUrls } from '../buildPaths.ts';
import type { Database } from 'better-sqlite3';
import type { ImportProgress } from '../../shared/model/library.ts';
import { UsageError } from '../usage.ts';

export interface ImportArgs {
  paths: string[];
  db: string;
  json: boolean;
}

function progressLine(progress: ImportProgress): string {
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  return `${progress.filesDone}/${progress.filesTotal} files, ${mb(progress.bytesDone)}/${mb(progress.bytesTotal)} MB`;
}

/** The import's modules but the pool (loaded after the workers are spawned). */
async function importModules() {
  const [{ APP_VERSION }, { ImportRun }, { openLibrary }, { fileImportRunAsSession }] = await Promise.all([
    import('../../main/appVersion.ts'),
    import('../../main/import/importRun.ts'),
    import('../../main/library/openLibrary.ts'),
    import('../../main/library/sessions.ts'),
  ]);
  return { APP_VERSION, ImportRun, openLibrary, fileImportRunAsSession };
}

export async function importCommand(args: ImportArgs): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('import: name at least one folder or file');
  const missing = args.paths.find((path) => !existsSync(path));
  if (missing) throw new UsageError(`import: cannot read ${missing}: no such file or folder`);
  // The workers start (load their modules) while this thread loads the library's modules (SQLite
  // among them: imported only now, after the spawn), opens the library and scans.
  const pool = new ParsePool(cliWorkerUrls().workerUrl);
  let db: Database;
  let modules: Awaited<ReturnType<typeof importModules>>;
  try {
    modules = await importModules();
    db = modules.openLibrary(args.db);
  } catch (error) {
    await pool.close();
    throw error;
  }
  try {
    const { ImportRun, fileImportRunAsSession, APP_VERSION } = modules;
    // The worker stops as soon as the last file is parsed: its teardown overlaps the last writes.
    const run = new ImportRun({
      db,
      pool,
      paths: args.paths,
      readerVersion: APP_VERSION,
      onAllParsed: () => void pool.close(),
    });
    const ticker = args.json
      ? null
      : setInterval(() => process.stderr.write(`\r${progressLine(run.progress)}   `), 500);
    const progress = await run.done;
    if (ticker) clearInterval(ticker);
    // What the run brought in becomes a session, as in the app (after a failure too: what landed is
    // there); a failed run's own error is the one to report.
    try {
      fileImportRunAsSession(db, run.progress.runId);
    } catch (error) {
      if (progress.state !== 'failed') throw error;
    }
    if (progress.state === 'failed') throw new Error(`import failed: ${progress.error}`);
    const report = progress.report;
    if (args.json) {
      const { files, imported, unchanged, updated, skipped, failed, spectra, images } = report;
      const warnings = report.warnings ?? [];
      process.stdout.write(
        JSON.stringify(
          { files, imported, unchanged, updated, skipped, failed, warnings, spectra, images },
          null,
          2,
        ) + '\n',
      );
    } else {
      process.stderr.write('\r');
      console.log(
        `${report.files} files: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ` +
          `${report.skipped.length} skipped, ${report.failed.length} failed; ${report.spectra} spectra, ${report.images} images`,
      );
      for (const { file, reason } of report.skipped) console.log(`skipped ${file}: ${reason}`);
      for (const { file, error } of report.failed) console.log(`failed  ${file}: ${error}`);
      for (const { file, warning } of report.warnings ?? []) console.log(`warning ${file}: ${warning}`);
    }
    return 0;
  } finally {
    // Already stopping after a whole run; otherwise its teardown runs while this thread closes
    // the library (the last checkpoint's syncs).
    const poolClosed = pool.close();
    db.close();
    await poolClosed;
  }
}
