// The built CLI (scripts/buildCli.ts → out/cli): bin/sts-workbench.js runs it only while it is newer
// than every source, and it gives the same answers as the TypeScript sources, with its workers
// (parse, stored-run analysis) loaded as built JavaScript.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_OUT_DIR, newestSourceMs, upToDateCliEntry } from '../../bin/cliBuildState.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { realDataDir } from '../testing/realData.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');
const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(async () => {
  if (!upToDateCliEntry()) await buildCli();
}, 120_000);

describe('built CLI', () => {
  it('is used only while newer than every source file', () => {
    const entry = join(CLI_OUT_DIR, 'main.js');
    expect(upToDateCliEntry()).toBe(entry);
    const { mtime, atime } = statSync(entry);
    try {
      const before = new Date(newestSourceMs() - 1000);
      utimesSync(entry, before, before);
      expect(upToDateCliEntry()).toBeNull();
    } finally {
      utimesSync(entry, atime, mtime);
    }
    expect(upToDateCliEntry()).toBe(entry);
  });

  it('imports and analyses with the same results as the sources, workers included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-built-'));
    const outputs = ['built', 'source'].map((mode) => {
      const db = join(dir, `${mode}.sqlite`);
      const env = { STS_CLI_SOURCE: mode === 'source' ? '1' : '0' };
      const imported = cli(env, 'import', join(realDataDir(), 'nanonis-dat'), '--db', db, '--json');
      expect(imported.status).toBe(0);
      const info = cli(env, 'info', '--db', db, '--json');
      return { imported: JSON.parse(imported.stdout) as unknown, info: JSON.parse(info.stdout) as unknown };
    });
    expect(outputs[0]).toEqual(outputs[1]);
    expect((outputs[0]!.info as { spectra: number }).spectra).toBeGreaterThan(10);
  });
});
