// Paths that differ between the CLI run from source (src/cli/*.ts, type-stripped) and the built
// CLI (out/cli/main.js, scripts/buildCli.ts): the worker scripts (built beside the bundle as .js)
// and the project root (two levels up from src/cli and out/cli).
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = import.meta.url.endsWith('.js');
// src/cli, or out/cli, where the bundler may put this module in out/cli/chunks (commands load lazily).
const here = ((dir) => (built && basename(dir) === 'chunks' ? dirname(dir) : dir))(
  dirname(fileURLToPath(import.meta.url)),
);

/** The grid-map worker module when running from source (see cliWorkerUrls). */
const SOURCE_GRID_MAP_WORKER_URL = new URL('../main/grid/nodeGridMapWorker.ts', import.meta.url);

/** The repository root (package.json's folder). */
export const PROJECT_ROOT = resolve(here, '../..');

/** Worker scripts for LibraryService: the built ones when this is the built CLI. */
export function cliWorkerUrls(): { workerUrl: URL; analysisWorkerUrl: URL; gridMapWorkerUrl: URL } {
  // From source: the worker modules themselves (named here rather than imported from parsePool.ts,
  // analysisJobs.ts and nodeGridMapPool.ts, so that asking for a path loads none of their code).
  if (!built)
    return {
      workerUrl: new URL('../main/import/parseWorker.ts', import.meta.url),
      analysisWorkerUrl: new URL('../main/analysis/analysisRunWorker.ts', import.meta.url),
      gridMapWorkerUrl: SOURCE_GRID_MAP_WORKER_URL,
    };
  return {
    workerUrl: pathToFileURL(join(here, 'parseWorker.js')),
    analysisWorkerUrl: pathToFileURL(join(here, 'analysisRunWorker.js')),
    gridMapWorkerUrl: cliGridMapWorkerUrl(),
  };
}

/** The grid-map worker (`sts-workbench map`): the built one when this is the built CLI. */
export function cliGridMapWorkerUrl(): URL {
  return built ? pathToFileURL(join(here, 'gridMapWorker.js')) : SOURCE_GRID_MAP_WORKER_URL;
}
