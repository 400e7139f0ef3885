// The demo session ships in resources/demo; a new, empty library imports it so every view shows
// real data at once.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LibraryService } from './services/libraryService.ts';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/demo');

/** Starts importing the demo session when the library is empty; returns whether it did. */
export function openDemoOnFirstRun(service: LibraryService): boolean {
  const empty = (service.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n === 0;
  if (!empty || !existsSync(DEMO_DIR)) return false;
  service.startImport([DEMO_DIR]);
  return true;
}
