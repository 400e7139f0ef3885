// Node's on-disk compile cache for the CLI: the bytecode V8 makes of the bundle's modules (and of
// better-sqlite3's JavaScript) is kept between runs in the user's cache folder, so a start does
// not parse and compile them again. Entries are checked against each file's content: a rebuilt
// bundle just makes new ones. Worker threads (the parse worker) read NODE_COMPILE_CACHE, which is
// set once the cache is on. A cache that cannot be made or written only costs the compile, never
// the command: Node reports it in the returned status and ignores write failures at exit. The
// folder is made here one level at a time: Node 22's recursive mkdir (which enableCompileCache
// uses) never returns when a parent answers ENOENT, as /proc does.
// NODE_COMPILE_CACHE=<folder> chooses another folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Plain JavaScript: bin/sts-workbench.js calls it before any other module is loaded.
import { mkdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** The app's folder in the OS's per-user cache location (XDG on Linux, Caches on macOS, LocalAppData on Windows). */
export function userCacheFolder(env = process.env, platform = process.platform, home = homedir()) {
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'sts-workbench', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'sts-workbench');
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'sts-workbench');
}

/** Makes folder `path` and its missing parents; false when it cannot (then the cache stays off). */
export function makeFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if (error.code !== 'ENOENT') return false;
  }
  const parent = dirname(path);
  if (parent === path || !makeFolder(parent)) return false;
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    return error.code === 'EEXIST' && statSync(path).isDirectory();
  }
}

/**
 * Turns the compile cache on for this process and the workers and child processes it starts.
 * Returns the folder in use, or null when it is off (disabled, unsupported, or the folder could
 * not be made).
 */
export function enableCompileCache() {
  try {
    if (typeof module.enableCompileCache !== 'function') return null;
    // Set by the user: Node turned it on at start, for the workers too (they inherit the variable).
    if (process.env.NODE_COMPILE_CACHE) return module.getCompileCacheDir?.() ?? null;
    const folder = join(userCacheFolder(), 'compile-cache');
    if (!makeFolder(folder)) return null;
    const result = module.enableCompileCache(folder);
    if (result.status !== module.constants.compileCacheStatus.ENABLED) return null;
    process.env.NODE_COMPILE_CACHE = folder;
    return folder;
  } catch {
    return null;
  }
}
