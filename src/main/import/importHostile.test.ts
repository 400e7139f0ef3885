// Hostile sessions through the real import (real worker pool, real SQLite): a file SQLite refuses,
// a frame the file does not state, link loops, FIFOs, kernel pseudo-files and a worker that dies.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import type { FileOutcome } from '../library/fileOutcome.ts';
import { openLibrary } from '../library/openLibrary.ts';
import { createBatchWriter } from '../library/writeFiles.ts';
import { LibraryService } from '../services/libraryService.ts';
import { CRASH_MESSAGE_PREFIX } from './parseMessages.ts';

const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

function newService(extra: Partial<ConstructorParameters<typeof LibraryService>[0]> = {}): {
  service: LibraryService;
  dir: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 2, ...extra });
  services.push(service);
  return { service, dir };
}

const GOOD: Array<[string, string]> = [
  ['nanonis-dat', 'i_v.dat'],
  ['nanonis-dat', 'STS003.dat'],
  ['nanonis-dat', 'Bias-Spectroscopy002.dat'],
  ['nanonis-sxm', 'Image_002.sxm'],
];

function session(dir: string): string {
  const folder = join(dir, 'session');
  mkdirSync(folder, { recursive: true });
  for (const [kind, name] of GOOD) copyFileSync(realFile(kind, name), join(folder, name));
  return folder;
}

/** A copy of a real .sxm whose SCAN_OFFSET says n/a (same length, so the data offset holds). */
function sxmWithoutOffset(path: string): void {
  const text = readFileSync(realFile('nanonis-sxm', 'sxm_moire_10nm.sxm'), 'latin1');
  const replaced = text.replace(/(:SCAN_OFFSET:\n)([^\n]*)/, (_m, key: string, value: string) => {
    return key + '  n/a'.padEnd(value.length, ' ');
  });
  expect(replaced).not.toBe(text);
  writeFileSync(path, replaced, 'latin1');
}

const count = (service: LibraryService, sql: string): number =>
  (service.db.prepare(sql).get() as { n: number }).n;

describe('import of hostile sessions', () => {
  it('stores a .sxm whose frame offset is n/a with NULL offset, beside every good file', async () => {
    const { service, dir } = newService();
    const folder = session(dir);
    sxmWithoutOffset(join(folder, 'no-offset.sxm'));
    const progress = await service.startImport([folder]).done;
    expect(progress.state).toBe('done');
    expect(progress.report.failed).toEqual([]);
    expect(progress.report.imported).toBe(GOOD.length + 1);
    const frames = service.db
      .prepare(
        "SELECT i.centre_x AS cx, i.centre_y AS cy, i.frame_width AS w FROM images i JOIN files f ON f.id = i.file_id WHERE f.name = 'no-offset.sxm'",
      )
      .all() as Array<{ cx: number | null; cy: number | null; w: number | null }>;
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame.cx).toBeNull();
      expect(frame.cy).toBeNull();
      // The range is still known: 10 nm.
      expect(frame.w).toBeCloseTo(1e-8, 12);
    }
  });

  it('records a file SQLite refuses as failed with its path and reason, and lands the rest of the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-refuse-'));
    const db = openLibrary(join(dir, 'library.sqlite'));
    const outcome = (name: string, biasMin: number): FileOutcome => ({
      status: 'imported',
      file: { path: `/s/${name}`, name, size: 1, mtimeMs: 1, sha256: name },
      rows: {
        file: {
          format: 'text-iv',
          kind: 'bias-spectroscopy',
          not_iv: null,
          header_json: '{}',
          header_entries_json: '[]',
          acquired_at: null,
          comment: '',
          pos_x: null,
          pos_y: null,
          pos_z: null,
          setpoint_bias: null,
          setpoint_current: null,
          grid_json: null,
        },
        spectra: [
          {
            idx: 0,
            sweep: 1,
            is_average: 0,
            direction: 'forward',
            grid_index: null,
            points: 2,
            bias_min: biasMin,
            bias_max: 1,
            x: null,
            y: null,
            z: null,
            acquired_at: null,
            channels_json: '[]',
            bias: new Uint8Array(16),
            current: new Uint8Array(16),
            extra: new Uint8Array(0),
          },
        ],
        images: [],
        warnings: [],
      },
    });
    const write = createBatchWriter(db, { importRunId: null, readerVersion: 't' });
    // NaN binds as NULL: the NOT NULL column refuses the middle file, as a NaN frame once did.
    const refused = write([outcome('a.txt', 0), outcome('bad.txt', NaN), outcome('c.txt', 0)]);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.outcome.file.path).toBe('/s/bad.txt');
    expect(refused[0]?.error).toMatch(/NOT NULL constraint failed: spectra\.bias_min/);
    const rows = db.prepare('SELECT path, status, error FROM files ORDER BY path').all();
    expect(rows).toEqual([
      { path: '/s/a.txt', status: 'imported', error: null },
      {
        path: '/s/bad.txt',
        status: 'failed',
        error: expect.stringMatching(/^cannot store in the library: NOT NULL/),
      },
      { path: '/s/c.txt', status: 'imported', error: null },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM spectra').get() as { n: number }).n).toBe(2);
    db.close();
  });

  it('finishes a folder with links back to itself, listing each loop as skipped', async () => {
    const { service, dir } = newService();
    const folder = session(dir);
    mkdirSync(join(folder, 'sub'));
    symlinkSync(folder, join(folder, 'sub', 'back'));
    symlinkSync(join(folder, 'sub'), join(folder, 'sub', 'self'));
    symlinkSync(join(folder, 'i_v.dat'), join(folder, 'sub', 'link.dat'));
    const progress = await service.startImport([folder]).done;
    expect(progress.state).toBe('done');
    expect(progress.report.imported).toBe(GOOD.length);
    const reasons = Object.fromEntries(progress.report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons[join(folder, 'sub', 'back')]).toMatch(/loop/);
    expect(reasons[join(folder, 'sub', 'self')]).toMatch(/loop/);
    expect(reasons[join(folder, 'sub', 'link.dat')]).toMatch(/same file as .*i_v\.dat/);
  });

  it('never opens a FIFO or a /proc file: each is listed as skipped with its reason', async () => {
    const { service, dir } = newService();
    const folder = session(dir);
    execFileSync('mkfifo', [join(folder, 'pipe.dat')]);
    const progress = await service.startImport([folder, '/proc/self/pagemap']).done;
    expect(progress.state).toBe('done');
    expect(progress.report.imported).toBe(GOOD.length);
    expect(progress.report.skipped).toEqual(
      expect.arrayContaining([
        { file: join(folder, 'pipe.dat'), reason: 'not a regular file (FIFO)' },
        { file: '/proc/self/pagemap', reason: expect.stringMatching(/pseudo-file under \/proc/) },
      ]),
    );
  });

  it('records only the file that kills its worker; the others land, and the culprit is retried next time', async () => {
    // A 24 MB V8 heap: the real files parse within it; a .dat header of 400,000 entries does not
    // (it grows in small steps, so V8 stops the worker instead of aborting the process).
    const { service, dir } = newService({ workers: 1, workerLimits: { maxOldGenerationSizeMb: 24 } });
    const folder = session(dir);
    const culprit = join(folder, 'huge-header.dat');
    writeFileSync(
      culprit,
      'Experiment\tbias spectroscopy\n' + 'k\tv\n'.repeat(400_000) + '[DATA]\nBias (V)\tCurrent (A)\n1\t2\n',
    );
    const first = await service.startImport([folder]).done;
    expect(first.state).toBe('done');
    expect(first.report.imported).toBe(GOOD.length);
    expect(first.report.failed).toEqual([
      { file: culprit, error: expect.stringContaining(CRASH_MESSAGE_PREFIX) },
    ]);
    expect(count(service, "SELECT count(*) AS n FROM files WHERE status = 'imported'")).toBe(GOOD.length);
    const second = await service.startImport([folder]).done;
    // The good files are unchanged; the crashed one is read again (and crashes again).
    expect(second.report.unchanged).toBe(GOOD.length);
    expect(second.report.failed.map((f) => f.file)).toEqual([culprit]);
  }, 60_000);
});
