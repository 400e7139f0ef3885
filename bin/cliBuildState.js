// Whether out/cli (scripts/buildCli.ts) is up to date: built after the newest source file it is
// made from. Plain JavaScript: bin/sts-workbench.js asks before any TypeScript is loaded.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const CLI_OUT_DIR = join(root, 'out/cli');
/** What out/cli is built from: everything but the renderer, and the lockfile (dependency changes). */
const SOURCE_DIRS = ['src/cli', 'src/main', 'src/shared', 'src/workers'].map((dir) => join(root, dir));
const SOURCE_FILES = ['package-lock.json', 'scripts/buildCli.ts'].map((file) => join(root, file));

/** Newest modification time (ms) of the CLI's source files. */
export function newestSourceMs() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(dir)) visit(dir);
  for (const file of SOURCE_FILES) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** The built entry when it exists and is newer than every source file; otherwise null. */
export function upToDateCliEntry() {
  const entry = join(CLI_OUT_DIR, 'main.js');
  if (!existsSync(entry)) return null;
  return statSync(entry).mtimeMs >= newestSourceMs() ? entry : null;
}
