// The bin on a Node older than 22.18 (Debian's system Node is 20): one line saying which Node it
// needs and how to get it, exit code 1; not a SyntaxError from a module Node 20 cannot link, which
// is what a named import of node:module's enableCompileCache gave before the version check ran.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');

/** An older Node on this machine (the system's), or null: where there is none, nothing to check. */
function olderNode(): { path: string; version: string } | null {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const [major, minor] = version.slice(1).split('.').map(Number);
    if (major! < 22 || (major === 22 && minor! < 18)) return { path, version };
  }
  return null;
}

const older = olderNode();

describe('the bin on an older Node', () => {
  it.skipIf(older === null)(`says it needs Node 22.18 (run with ${older?.version ?? 'none'})`, () => {
    const result = spawnSync(older!.path, [bin, 'info', '--db', 'nowhere.sqlite'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sts-workbench: needs Node 22.18 or newer (this is ${older!.version}); run it through npx or npm run, which use the project's Node 22\n`,
    );
  });
});
