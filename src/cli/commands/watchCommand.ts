// `sts-workbench watch <folder>... --db <file> [--json] [--poll]`: imports what is there, then keeps
// importing as files complete. --json prints one BatchReport line per batch, the first right after
// the initial import. SIGINT/SIGTERM finish the batch under way, then exit 0.
import { existsSync, statSync } from 'node:fs';
import { LibraryService } from '../../main/services/libraryService.ts';
import { cliWorkerUrls } from '../buildPaths.ts';
import { importThrough } from '../../main/watch/serviceImport.ts';
import { WatchSession } from '../../main/watch/watchSession.ts';
import type { BatchDetail } from '../../main/watch/watchSession.ts';
import { UsageError } from '../usage.ts';

export interface WatchArgs {
  folders: string[];
  db: string;
  json: boolean;
  poll: boolean;
}

function humanLine({ report, missing, renamed }: BatchDetail): string[] {
  const lines = [
    `${report.time} ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ` +
      `${report.skipped.length} skipped, ${report.failed.length} failed; ${report.spectra} spectra, ${report.images} images`,
  ];
  for (const file of report.files) lines.push(`  ${file}`);
  for (const { file, error } of report.failed) lines.push(`  failed  ${file}: ${error}`);
  for (const { from, to } of renamed) lines.push(`  renamed ${from} -> ${to}`);
  for (const file of missing) lines.push(`  missing ${file} (kept in the library with its labels)`);
  return lines;
}

export async function watchCommand(args: WatchArgs): Promise<number> {
  if (args.folders.length === 0) throw new UsageError('watch: name at least one folder');
  for (const folder of args.folders) {
    if (!existsSync(folder)) throw new UsageError(`watch: cannot read ${folder}: no such folder`);
    if (!statSync(folder).isDirectory()) throw new UsageError(`watch: ${folder} is not a folder`);
  }
  const service = new LibraryService({ dbPath: args.db, ...cliWorkerUrls() });
  let stopRequested: () => void = () => undefined;
  const stopSignal = new Promise<void>((resolveStop) => (stopRequested = resolveStop));
  process.once('SIGINT', () => stopRequested());
  process.once('SIGTERM', () => stopRequested());
  const session = new WatchSession({
    db: service.db,
    folders: args.folders,
    importPaths: importThrough(service),
    polling: args.poll,
    onBatch: (detail) => {
      if (args.json) {
        process.stdout.write(JSON.stringify(detail.report) + '\n');
        for (const { from, to } of detail.renamed) process.stderr.write(`renamed ${from} -> ${to}\n`);
        for (const file of detail.missing) process.stderr.write(`missing ${file}\n`);
      } else {
        for (const line of humanLine(detail)) console.log(line);
      }
    },
  });
  try {
    await Promise.race([session.started, stopSignal]);
    if (!args.json) console.error(`watching ${session.folders.join(', ')} (Ctrl-C to stop)`);
    await stopSignal;
  } finally {
    await session.stop();
    await service.close();
  }
  return 0;
}
