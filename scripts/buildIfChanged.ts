// `npm start`'s build step: rebuilds the app (electron-vite) and the CLI only when a source file
// is newer than what out/ holds, so an unchanged checkout starts without a ~1 s build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { upToDateCliEntry } from '../bin/cliBuildState.js';

const root = resolve(import.meta.dirname, '..');

function newestMs(paths: string[]): number {
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
function builtAppMs(): number {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) =>
    join(root, p),
  );
  return outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const appSources = ['src', 'electron.vite.config.ts', 'package-lock.json', 'tsconfig.base.json'];
if (newestMs(appSources) > builtAppMs())
  run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
else console.log('app build is up to date');
if (!upToDateCliEntry()) run([join(root, 'scripts/buildCli.ts')]);
