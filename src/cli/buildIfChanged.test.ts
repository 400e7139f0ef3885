// `npm start` builds only when sources changed (scripts/buildIfChanged.ts): the app is stale when
// an entry point is missing or any source is newer than the oldest entry point. Checked on a
// scratch tree with set modification times; the CLI's half is builtCli.test.ts.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_OUTPUTS, appBuildStale } from '../../scripts/buildIfChanged.ts';

function tree(): { root: string; touch: (path: string, seconds: number) => void } {
  const root = mkdtempSync(join(tmpdir(), 'sts-build-'));
  const touch = (path: string, seconds: number): void => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  };
  return { root, touch };
}

describe('buildIfChanged', () => {
  it('builds when an entry point is missing', () => {
    const { root, touch } = tree();
    touch('src/main/index.ts', 1000);
    touch('out/main/index.js', 2000);
    expect(appBuildStale(root)).toBe(true);
  });

  it('skips the build when every entry point is newer than every source', () => {
    const { root, touch } = tree();
    touch('src/main/index.ts', 1000);
    touch('src/renderer/src/App.tsx', 1500);
    touch('package-lock.json', 900);
    for (const output of APP_OUTPUTS) touch(output, 2000);
    expect(appBuildStale(root)).toBe(false);
  });

  it('builds when a nested source, the lockfile or the vite config changed after the build', () => {
    for (const changed of [
      'src/renderer/src/deep/View.tsx',
      'package-lock.json',
      'electron.vite.config.ts',
    ]) {
      const { root, touch } = tree();
      touch('src/main/index.ts', 1000);
      for (const output of APP_OUTPUTS) touch(output, 2000);
      touch(changed, 3000);
      expect([changed, appBuildStale(root)]).toEqual([changed, true]);
    }
  });

  it('compares with the oldest entry point (a half-finished build is stale)', () => {
    const { root, touch } = tree();
    touch('src/main/index.ts', 1500);
    touch(APP_OUTPUTS[0]!, 1000);
    for (const output of APP_OUTPUTS.slice(1)) touch(output, 2000);
    expect(appBuildStale(root)).toBe(true);
  });
});
