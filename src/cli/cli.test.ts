// The command as a user runs it: a real process on a real library and the real instrument files.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realDataDir, realFile } from '../testing/realData.ts';
import { cli } from '../testing/cliProcess.ts';

interface ImportJson {
  files: number;
  imported: number;
  unchanged: number;
  skipped: Array<{ file: string; reason: string }>;
  failed: Array<{ file: string; error: string }>;
  spectra: number;
  images: number;
}

describe('sts-workbench import', () => {
  it('imports the whole real-data folder, explains every file it does not import, then finds all unchanged', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sts-cli-')), 'session.sqlite');
    const first = cli('import', realDataDir(), '--db', db, '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as ImportJson;
    const total = readdirSync(realDataDir(), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length;
    expect(report.files).toBe(total);
    expect(report.imported + report.skipped.length + report.failed.length).toBe(total);
    for (const entry of [...report.skipped.map((s) => s.reason), ...report.failed.map((f) => f.error)]) {
      expect(entry.length).toBeGreaterThan(10);
    }
    // Every Nanonis file is imported (I–V, images, grids, and the non-I–V kinds recorded as such).
    const nanonis = ['nanonis-dat', 'nanonis-sxm', 'nanonis-3ds'].flatMap((folder) =>
      readdirSync(join(realDataDir(), folder)),
    );
    const notImported = [...report.skipped.map((s) => s.file), ...report.failed.map((f) => f.file)];
    for (const name of nanonis) expect(notImported.some((file) => file.endsWith(`/${name}`))).toBe(false);
    expect(report.spectra).toBeGreaterThan(1000);
    expect(report.images).toBeGreaterThan(50);

    const second = JSON.parse(cli('import', realDataDir(), '--db', db, '--json').stdout) as ImportJson;
    expect(second).toMatchObject({
      files: total,
      imported: 0,
      unchanged: total - second.skipped.length - second.failed.length,
      spectra: 0,
    });
  });

  it('exits non-zero with one line on stderr for bad arguments and unreadable paths', () => {
    const missingDb = cli('import', realDataDir());
    expect(missingDb.status).toBe(2);
    expect(missingDb.stderr.trim().split('\n')).toHaveLength(1);
    expect(missingDb.stderr).toContain('--db <file> is required');
    const missingPath = cli('import', '/no/such/folder', '--db', join(tmpdir(), 'x.sqlite'));
    expect(missingPath.status).toBe(2);
    expect(missingPath.stderr).toContain('/no/such/folder');
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = cli('inspect', '--colour');
    expect(badOption.status).toBe(2);
  });
});

describe('sts-workbench inspect', () => {
  it('prints header values as written, position and the column structure of a real multi-sweep file', () => {
    const result = cli('inspect', realFile('nanonis-dat', 'nanonis_sts_15mv.dat'), '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      format: string;
      kind: string;
      header: Record<string, string>;
      position: { x: number; y: number; z: number };
      channels: Array<{
        name: string;
        sweep: number | 'avg' | null;
        direction: string;
        points: number;
        values: Array<number | null>;
      }>;
    };
    expect(report.format).toBe('nanonis-dat');
    expect(report.kind).toBe('bias-spectroscopy');
    expect(report.header['X (m)']).toBe('177.347E-9');
    expect(report.header['Bias Spectroscopy>Number of sweeps']).toBe('2');
    expect(report.position).toEqual({ x: 177.347e-9, y: 270.765e-9, z: -101.958e-9 });
    expect(report.channels.map((c) => c.name)).toContain('Current [00002] [bwd] (A)');
    const avg = report.channels.find((c) => c.name === 'Current [AVG] (A)');
    expect(avg?.sweep).toBe('avg');
    expect(report.channels.every((c) => c.points === 401 && c.values.length === 401)).toBe(true);
  });

  it('reports a file it cannot read with the file name', () => {
    const result = cli('inspect', '/no/such/file.dat', '--json');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('/no/such/file.dat');
  });
});

interface ColumnReference {
  name: string;
  points: number;
  nanCount: number;
  first: number | null;
  last: number | null;
  sum: number;
}

const reference = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/nanonis-dat-reference.json'), 'utf8'),
) as Record<string, { header: Record<string, string>; columns: ColumnReference[] }>;

describe('sts-workbench inspect equals an independent reading of every real Nanonis .dat', () => {
  it('covers every file in the real-data folder', () => {
    expect(Object.keys(reference).sort()).toEqual(readdirSync(join(realDataDir(), 'nanonis-dat')).sort());
  });

  for (const [name, expected] of Object.entries(reference)) {
    it(name, () => {
      const result = cli('inspect', realFile('nanonis-dat', name), '--json');
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as {
        header: Record<string, string>;
        channels: Array<{ name: string; points: number; values: Array<number | null> }>;
      };
      expect(report.header).toEqual(expected.header);
      expect(report.channels.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
      report.channels.forEach((channel, i) => {
        const want = expected.columns[i] as ColumnReference;
        const finite = channel.values.filter((v): v is number => v !== null);
        expect(channel.points).toBe(want.points);
        expect(channel.values.length - finite.length).toBe(want.nanCount);
        expect(channel.values[0]).toBe(want.first);
        expect(channel.values[channel.values.length - 1]).toBe(want.last);
        const sum = finite.reduce((a, b) => a + b, 0);
        // Summation order differs from Python's exact fsum: allow rounding relative to sum |v|.
        const scale = finite.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(sum - want.sum)).toBeLessThanOrEqual(1e-13 * scale);
      });
    });
  }
});
