// Paths that differ between the CLI run from source (src/cli/*.ts, type-stripped) and the built
// CLI (out/cli/main.js, scripts/buildCli.ts): the worker scripts (built beside the bundle as .js)
// and the project root (two levels up from src/cli and out/cli).
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SOURCE_ANALYSIS_RUN_WORKER_URL } from '../main/analysis/analysisJobs.ts';
import { SOURCE_GRID_MAP_WORKER_URL } from '../main/grid/nodeGridMapPool.ts';
import { SOURCE_WORKER_URL } from '../main/import/parsePool.ts';

const built = import.meta.url.endsWith('.js');
// src/cli, or out/cli, where the bundler may put this module in out/cli/chunks (commands load lazily).
const here = ((dir) => (built && basename(dir) === 'chunks' ? dirname(dir) : dir))(
  dirname(fileURLToPath(import.meta.url)),
);

/** The repository root (package.json's folder). */
export const PROJECT_ROOT = resolve(here, '../..');

/** Worker scripts for LibraryService: the built ones when this is the built CLI. */
export function cliWorkerUrls(): { workerUrl: URL; analysisWorkerUrl: URL; gridMapWorkerUrl: URL } {
  if (!built)
    return {
      workerUrl: SOURCE_WORKER_URL,
      analysisWorkerUrl: SOURCE_ANALYSIS_RUN_WORKER_URL,
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
