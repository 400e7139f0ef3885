// `sts-workbench watch --json` as a user runs it: one JSON line per batch with exactly the issue's
// keys, the first right after the initial import, SIGTERM ends it with exit 0 after the batch, and
// the watched library equals a clean import of the same files (same spectra, same analyze result).
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(root, 'bin/sts-workbench.js');
const demo = join(root, 'resources/demo');
const KEYS = ['time', 'files', 'imported', 'updated', 'unchanged', 'skipped', 'failed', 'spectra', 'images'];

interface BatchLine {
  time: string;
  files: string[];
  imported: number;
  updated: number;
  unchanged: number;
  skipped: unknown[];
  failed: unknown[];
  spectra: number;
  images: number;
}

function collectLines(child: ChildProcess): BatchLine[] {
  const lines: BatchLine[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let at;
    while ((at = buffered.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffered.slice(0, at)) as BatchLine);
      buffered = buffered.slice(at + 1);
    }
  });
  return lines;
}

async function until(what: string, test: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

/** Every spectrum by file name and index, curves as hex: what "same spectra" means. */
function spectraOf(db: string): string[] {
  const handle = new Database(db, { readonly: true });
  const rows = handle
    .prepare(
      `SELECT f.name, s.idx, s.sweep, s.direction, s.x, s.y, hex(s.bias) AS bias, hex(s.current) AS current
       FROM spectra s JOIN files f ON f.id = s.file_id ORDER BY f.name, s.idx`,
    )
    .all();
  handle.close();
  return rows.map((row) => JSON.stringify(row));
}

/**
 * The analyze report without what depends on arrival order: spectrum and run ids, and the order of
 * per-spectrum lists (by id); everything else must match exactly.
 */
function arrivalFree(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(arrivalFree);
    const byFile = items.every((item) => typeof item === 'object' && item !== null && 'file' in item);
    return byFile ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/^(id|spectrumId|runId|ids|spectrumIds)$/.test(key))
      .map(([key, inner]) => [key, arrivalFree(inner)]),
  );
}

function analyze(db: string): unknown {
  const result = spawnSync(
    process.execPath,
    [bin, 'analyze', '--db', db, '--labels', join(demo, 'labels.csv'), '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(result.stderr).toBe('');
  return arrivalFree(JSON.parse(result.stdout));
}

describe('sts-workbench watch', () => {
  it('prints a batch line per import, stops on SIGTERM with 0, and equals a clean import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-watch-cli-'));
    const folder = join(dir, 'session');
    mkdirSync(folder);
    const names = readdirSync(demo).filter((name) => /\.(dat|sxm)$/.test(name));
    // Half the session is there before watching starts.
    const before = names.slice(0, 30);
    // Written a minute ago: a file changed less than settleMs (120 ms) before the initial scan
    // may still be in flight and waits for a later batch, which a fast start would hit.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    for (const name of before) {
      copyFileSync(join(demo, name), join(folder, name));
      utimesSync(join(folder, name), aMinuteAgo, aMinuteAgo);
    }
    const watchedDb = join(dir, 'watched.sqlite');
    const child = spawn(process.execPath, [bin, 'watch', folder, '--db', watchedDb, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const lines = collectLines(child);
    await until('the initial line', () => lines.length === 1);
    expect(Object.keys(lines[0] ?? {})).toEqual(KEYS);
    expect(lines[0]).toMatchObject({ imported: before.length, updated: 0, unchanged: 0, failed: [] });
    expect(lines[0]?.files).toHaveLength(before.length);

    for (const name of names.slice(30)) {
      copyFileSync(join(demo, name), join(folder, name));
      await new Promise((wake) => setTimeout(wake, 30));
    }
    const total = (): number => lines.reduce((sum, line) => sum + line.imported, 0);
    await until('every file imported', () => total() === names.length);
    // Touch a complete file with the same bytes: unchanged, never updated.
    copyFileSync(join(demo, names[0] as string), join(folder, names[0] as string));
    await until('the touched file seen', () => lines.some((line) => line.unchanged > 0));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(KEYS);
      expect(line.failed).toEqual([]);
      expect(line.updated).toBe(0);
    }
    expect(new Set(lines.flatMap((line) => line.files)).size).toBe(names.length);

    const cleanDb = join(dir, 'clean.sqlite');
    const clean = spawnSync(process.execPath, [bin, 'import', folder, '--db', cleanDb, '--json'], {
      encoding: 'utf8',
    });
    expect(clean.status).toBe(0);
    const watchedSpectra = spectraOf(watchedDb);
    expect(watchedSpectra.length).toBeGreaterThan(100);
    expect(watchedSpectra).toEqual(spectraOf(cleanDb));
    const watchedAnalysis = analyze(watchedDb);
    expect(watchedAnalysis).toEqual(analyze(cleanDb));
    expect((watchedAnalysis as { groups: unknown[] }).groups.length).toBe(3);
  }, 90_000);

  it('refuses a folder that does not exist, in one line', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'watch', '/nonexistent/folder', '--db', join(tmpdir(), 'x.sqlite')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('/nonexistent/folder');
  });
});
