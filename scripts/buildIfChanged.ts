// `npm start`'s build step: rebuilds the app (electron-vite) and the CLI only when a source file
// is newer than what out/ holds, so an unchanged checkout starts without a ~1 s build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { upToDateCliEntry } from '../bin/cliBuildState.js';

/** What the app build is made from, relative to the repository root. */
export const APP_SOURCES = ['src', 'electron.vite.config.ts', 'package-lock.json', 'tsconfig.base.json'];
/** The app build's entry points, relative to the repository root. */
export const APP_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestMs(root: string, paths: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** Oldest of the app's built entry points (0 when one is missing). */
function builtAppMs(root: string): number {
  const outputs = APP_OUTPUTS.map((p) => join(root, p));
  return outputs.every((p) => existsSync(p)) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
}

/** Whether the app under `root` must be rebuilt: an entry point missing, or a source newer than one. */
export function appBuildStale(root: string): boolean {
  return newestMs(root, APP_SOURCES) > builtAppMs(root);
}

function run(root: string, args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, '..');
  if (appBuildStale(root))
    run(root, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  else console.log('app build is up to date');
  if (!upToDateCliEntry()) run(root, [join(root, 'scripts/buildCli.ts')]);
  else console.log('CLI build is up to date');
}
