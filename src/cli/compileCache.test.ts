// Node's compile cache for the CLI (bin/compileCache.js): where it lives on each OS, that the
// built CLI and its parse worker read their bytecode from it on the next start, and that a cache
// folder which cannot be made leaves the command's outcome unchanged (and never hangs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { upToDateCliEntry } from '../../bin/cliBuildState.js';
import { makeFolder, userCacheFolder } from '../../bin/compileCache.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { warmUpFileBytes } from '../main/import/warmUp.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');

/** The built CLI with the user's cache folder at `cacheHome` (no compile cache inherited from outside). */
function cli(cacheHome: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, XDG_CACHE_HOME: cacheHome, ...extraEnv };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
}

/** A folder of three Nanonis .dat files (the warm-up's synthetic sweep: forward and backward, 2 spectra each). */
function session(): string {
  const folder = mkdtempSync(join(tmpdir(), 'compile-cache-session-'));
  for (const points of [16, 64, 512])
    writeFileSync(join(folder, `sweep${points}.dat`), warmUpFileBytes(points));
  return folder;
}

beforeAll(async () => {
  if (!upToDateCliEntry()) await buildCli();
}, 120_000);

describe('compile cache folder', () => {
  it('is the OS per-user cache location', () => {
    const home = '/home/ada';
    expect(userCacheFolder({}, 'linux', home)).toBe('/home/ada/.cache/sts-workbench');
    expect(userCacheFolder({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home)).toBe(
      '/var/cache/ada/sts-workbench',
    );
    // XDG says a relative value is to be ignored.
    expect(userCacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', home)).toBe(
      '/home/ada/.cache/sts-workbench',
    );
    expect(userCacheFolder({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Caches/sts-workbench');
    expect(
      userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada'),
    ).toBe(join('C:\\Users\\ada\\AppData\\Local', 'sts-workbench', 'Cache'));
  });

  it('is made level by level, and refused where it cannot be made', () => {
    const root = mkdtempSync(join(tmpdir(), 'compile-cache-folder-'));
    const nested = join(root, 'a', 'b', 'c');
    expect(makeFolder(nested)).toBe(true);
    expect(existsSync(nested)).toBe(true);
    expect(makeFolder(nested)).toBe(true);
    writeFileSync(join(root, 'file'), 'x');
    expect(makeFolder(join(root, 'file', 'cache'))).toBe(false);
    expect(makeFolder(join(root, 'file'))).toBe(false);
    // /proc answers ENOENT to mkdir: Node 22's recursive mkdir would loop forever there.
    if (existsSync('/proc/self')) expect(makeFolder('/proc/sts-workbench-test/cache')).toBe(false);
  });
});

describe('built CLI with the compile cache', () => {
  it('keeps the bundle and the parse worker compiled between runs, with the same import', () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'compile-cache-home-'));
    const folder = session();
    const first = cli(cacheHome, ['import', folder, '--db', join(cacheHome, 'a.sqlite'), '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const cacheFolder = join(cacheHome, 'sts-workbench', 'compile-cache');
    const versions = readdirSync(cacheFolder);
    expect(versions).toHaveLength(1);
    expect(readdirSync(join(cacheFolder, versions[0] as string)).length).toBeGreaterThan(5);
    // The second start reads the bytecode back, the worker's modules included (Node's debug log).
    const second = cli(cacheHome, ['import', folder, '--db', join(cacheHome, 'b.sqlite'), '--json'], {
      NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
    });
    expect(second.status).toBe(0);
    const accepted = (file: string) =>
      new RegExp(`cache for file://\\S*/out/cli/${file.replace('.', '\\.')} was accepted`).test(
        second.stderr,
      );
    expect(accepted('main.js')).toBe(true);
    expect(accepted('parseWorker.js')).toBe(true);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 3, failed: [], spectra: 6 });
  });

  it('leaves the import unchanged when the cache folder cannot be made', () => {
    const folder = session();
    const home = mkdtempSync(join(tmpdir(), 'compile-cache-blocked-'));
    // The cache folder's place is taken by a file; on Linux also a folder under /proc.
    writeFileSync(join(home, 'sts-workbench'), 'not a folder');
    const homes = [home, ...(existsSync('/proc/self') ? ['/proc/sts-workbench-test'] : [])];
    for (const [i, cacheHome] of homes.entries()) {
      const run = cli(cacheHome, ['import', folder, '--db', join(home, `${i}.sqlite`), '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ imported: 3, failed: [], spectra: 6 });
    }
    expect(existsSync('/proc/sts-workbench-test')).toBe(false);
  });
});
