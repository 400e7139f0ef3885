// `sts-workbench info --db <file> [--json]`: what a library holds (files by status, spectra without
// [AVG] columns, images, spectra per label, stored analysis runs). Refuses a path that is not a
// library instead of creating one.
import { existsSync } from 'node:fs';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { libraryCounts } from '../../main/library/queries.ts';
import type { LibraryCounts } from '../../main/library/queries.ts';
import { listSessions } from '../../main/library/sessions.ts';
import type { SessionRow } from '../../shared/model/library.ts';
import { UsageError } from '../usage.ts';

export function formatInfo(path: string, counts: LibraryCounts): string {
  const labels = Object.entries(counts.labels);
  return [
    `Library ${path}`,
    `  files    ${counts.files} (${counts.imported} imported, ${counts.skipped} skipped, ${counts.failed} failed)`,
    `  spectra  ${counts.spectra} (without [AVG] columns)`,
    `  images   ${counts.images}`,
    `  labels   ${labels.length ? labels.map(([name, n]) => `${name} ${n}`).join(', ') : 'none'}`,
    `  analysis runs ${counts.runs}`,
    '',
  ].join('\n');
}

/** One line per session with the id `analyze --session` takes. */
export function formatSessions(sessions: readonly SessionRow[]): string {
  if (sessions.length === 0) return '';
  return [
    '  sessions (id: name, files, spectra)',
    ...sessions.map((s) => `    ${s.id}: ${s.name}, ${s.files} files, ${s.spectra} spectra`),
    '',
  ].join('\n');
}

export function infoCommand(args: { db: string; json: boolean }): number {
  if (!existsSync(args.db)) throw new UsageError(`info: no library at ${args.db}`);
  // info only reads: a library on a read-only disk is opened read-only.
  const db = openLibrary(args.db, { readonlyIfNeeded: true });
  try {
    const counts = libraryCounts(db);
    process.stdout.write(
      args.json
        ? `${JSON.stringify(counts)}\n`
        : formatInfo(args.db, counts) + formatSessions(listSessions(db)),
    );
  } finally {
    db.close();
  }
  return 0;
}
