// The built CLI (scripts/buildCli.ts → out/cli): bin/sts-workbench.js runs it only while every file
// it was built from is unchanged (out/cli/sources.json), and it gives the same answers as the
// TypeScript sources, with its workers (parse, stored-run analysis) loaded as built JavaScript.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_OUT_DIR, CLI_SOURCES_MANIFEST, upToDateCliEntry } from '../../bin/cliBuildState.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { realDataDir } from '../testing/realData.ts';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');
const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(async () => {
  if (!upToDateCliEntry()) await buildCli();
}, 120_000);

describe('built CLI', () => {
  it('is used only while every file it was built from is unchanged, worker sources included', () => {
    const entry = join(CLI_OUT_DIR, 'main.js');
    expect(upToDateCliEntry()).toBe(entry);
    const { files } = JSON.parse(readFileSync(CLI_SOURCES_MANIFEST, 'utf8')) as {
      files: Array<[string, number, number]>;
    };
    const recorded = files.map(([path]) => path);
    // The parse worker's reader, the CLI's own modules, the lockfile: all in the manifest.
    for (const path of [
      'src/cli/main.ts',
      'src/main/import/parseWorker.ts',
      'src/shared/formats/nanonisDat.ts',
      'src/main/library/openLibrary.ts',
      'package-lock.json',
    ])
      expect(recorded).toContain(path);
    // A recorded file whose modification time or size is not the recorded one, or that is gone,
    // makes the build stale (checked on altered copies of the record: no source is touched).
    const manifest = readFileSync(CLI_SOURCES_MANIFEST, 'utf8');
    const worker = files.findIndex(([path]) => path === 'src/shared/formats/nanonisDat.ts');
    const altered = (change: (entry: [string, number, number]) => [string, number, number]): string =>
      JSON.stringify({ files: files.map((entry, i) => (i === worker ? change(entry) : entry)) });
    try {
      for (const record of [
        altered(([path, mtimeMs, size]) => [path, mtimeMs - 1, size]),
        altered(([path, mtimeMs, size]) => [path, mtimeMs, size + 1]),
        altered(([path, mtimeMs, size]) => [`${path}.gone`, mtimeMs, size]),
      ]) {
        writeFileSync(CLI_SOURCES_MANIFEST, record);
        expect(upToDateCliEntry()).toBeNull();
      }
      rmSync(CLI_SOURCES_MANIFEST);
      expect(upToDateCliEntry()).toBeNull();
    } finally {
      writeFileSync(CLI_SOURCES_MANIFEST, manifest);
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
