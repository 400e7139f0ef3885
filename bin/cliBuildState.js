// Whether out/cli (scripts/buildCli.ts) is up to date. The build records what it was made from,
// every module of its graph plus the lockfile and the build scripts, with each file's
// modification time and size (out/cli/sources.json); the bin stats those files only, instead of
// walking every source folder at each start (~17 ms of a ~0.25 s import on the build machine).
// A file outside the graph cannot change the bundle unless a file in it changes (to import it),
// and dependencies change the lockfile. Plain JavaScript: bin/sts-workbench.js asks before any
// TypeScript is loaded.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const CLI_OUT_DIR = join(root, 'out/cli');
export const CLI_SOURCES_MANIFEST = join(CLI_OUT_DIR, 'sources.json');
/** Inputs of every build besides its module graph (dependency changes, the build itself). */
const BUILD_FILES = ['package-lock.json', 'scripts/buildCli.ts', 'bin/cliBuildState.js'];

/**
 * [path relative to the root, mtime ms, size bytes] of a file, or null when it is gone. The path
 * is appended to the root as it is (no join: the manifest's paths are already normal), and a
 * missing file is not an exception: the bin stats ~190 files at each start, which took 23–26 ms
 * with join and a throwing stat and takes 5.4–5.8 ms so (medians of 12 fresh processes, the two
 * versions alternating, build machine at load 5–6).
 */
function stamp(path) {
  const stat = statSync(root + sep + path, { throwIfNoEntry: false });
  return stat ? [path, stat.mtimeMs, stat.size] : null;
}

/**
 * Records the files a build was made from (absolute module ids of its graph; ids outside the
 * repository, in node_modules or virtual are covered by the lockfile or are not files). A file
 * modified after `startedMs` may not be what the build read: it is recorded as changed, so the
 * next start rebuilds. Returns the paths so recorded.
 */
export function writeSourcesManifest(moduleIds, startedMs) {
  const paths = new Set(BUILD_FILES);
  for (const id of moduleIds) {
    if (!isAbsolute(id)) continue;
    const path = relative(root, id.split('?')[0]);
    if (!path.startsWith('..') && !path.split(/[\\/]/).includes('node_modules')) paths.add(path);
  }
  const modifiedDuringBuild = [];
  const files = [...paths].sort().map((path) => {
    const entry = stamp(path) ?? [path, -1, -1];
    if (entry[1] >= startedMs) {
      modifiedDuringBuild.push(path);
      return [path, -1, -1];
    }
    return entry;
  });
  writeFileSync(CLI_SOURCES_MANIFEST, JSON.stringify({ files }));
  return modifiedDuringBuild;
}

/** The built entry when it exists and every file it was built from is unchanged; otherwise null. */
export function upToDateCliEntry() {
  const entry = join(CLI_OUT_DIR, 'main.js');
  let files;
  try {
    statSync(entry);
    files = JSON.parse(readFileSync(CLI_SOURCES_MANIFEST, 'utf8')).files;
  } catch {
    return null;
  }
  if (!Array.isArray(files) || files.length === 0) return null;
  for (const [path, mtimeMs, size] of files) {
    const now = stamp(path);
    if (now === null || now[1] !== mtimeMs || now[2] !== size) return null;
  }
  return entry;
}
