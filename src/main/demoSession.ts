// The demo session ships in resources/demo; a new, empty library imports it, labels it from its
// labels.csv and stores one analysis run, so every view shows the seed study's figures at once.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LibraryService } from './services/libraryService.ts';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/demo');

/** What the first start did with the demo session. */
export interface DemoReady {
  files: number;
  spectra: number;
  /** Spectra labelled from labels.csv. */
  labelled: number;
  /** The stored analysis run, or why there is none. */
  runId: number | null;
  problem: string | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function prepareDemo(service: LibraryService, dir: string): Promise<DemoReady> {
  const progress = await service.startImport([dir]).done;
  const ready: DemoReady = {
    files: progress.report.imported,
    spectra: progress.report.spectra,
    labelled: 0,
    runId: null,
    problem: null,
  };
  if (progress.state !== 'done')
    return { ...ready, problem: `the demo import ${progress.state}: ${progress.error}` };
  try {
    // The demo's label set and analysis are its session's: its labels.csv names files such as
    // Bias-Spectroscopy002.dat that a user's own sessions may hold too.
    const session = service.db
      .prepare(
        'SELECT DISTINCT sf.session_id FROM session_files sf JOIN files f ON f.id = sf.file_id WHERE f.import_run_id = ?',
      )
      .pluck()
      .get(progress.runId) as number | undefined;
    const scoped = session === undefined ? {} : { sessionId: session };
    ready.labelled = (
      await service.handlers.importLabels({ path: join(dir, 'labels.csv'), ...scoped })
    ).spectra;
    ready.runId = (
      await service.handlers.runAnalysis(session === undefined ? {} : { scope: { sessionIds: [session] } })
    ).runId;
  } catch (error) {
    ready.problem = message(error);
  }
  return ready;
}

/**
 * On an empty library, imports, labels and analyses the demo session in the background; returns
 * what it did once ready, or null when the library already holds files (or the demo is missing).
 */
export function openDemoOnFirstRun(service: LibraryService, dir = DEMO_DIR): Promise<DemoReady> | null {
  const empty = (service.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n === 0;
  if (!empty || !existsSync(dir)) return null;
  return prepareDemo(service, dir).catch((error: unknown) => ({
    files: 0,
    spectra: 0,
    labelled: 0,
    runId: null,
    problem: message(error),
  }));
}
