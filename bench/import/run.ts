// Import benchmark: a generated session of Nanonis .dat files (512 points each) imported into a
// fresh library, next to a plain read of the same files in the same run (the I/O floor).
// Prints files/s and MB/s, medians of several runs; asserts nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryService } from '../../src/main/services/libraryService.ts';
import { writeNanonisDat } from '../../scripts/nanonis/writeNanonisDat.ts';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const POINTS = 512;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const sessionDir = resolve(dirname(fileURLToPath(import.meta.url)), '../.data/import-session');

function generateSession(): void {
  const existing = (() => {
    try {
      return readdirSync(sessionDir).length;
    } catch {
      return 0;
    }
  })();
  if (existing === FILES) return;
  rmSync(sessionDir, { recursive: true, force: true });
  mkdirSync(sessionDir, { recursive: true });
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let f = 0; f < FILES; f++) {
    const bias = new Float64Array(POINTS);
    const forward = new Float64Array(POINTS);
    const backward = new Float64Array(POINTS);
    for (let i = 0; i < POINTS; i++) {
      const v = -2 + (4 * i) / (POINTS - 1);
      bias[i] = v;
      const ideal = 1e-10 * Math.sinh(2.5 * v);
      forward[i] = ideal + 2e-12 * (random() - 0.5);
      backward[i] = ideal + 2e-12 * (random() - 0.5);
    }
    const text = writeNanonisDat({
      x: random() * 1e-7,
      y: random() * 1e-7,
      bias,
      sweeps: [{ forward, backward }],
      date: '21.11.2026 10:00:00',
    });
    writeFileSync(join(sessionDir, `Bias-Spectroscopy${String(f).padStart(5, '0')}.dat`), text);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function plainRead(files: string[]): number {
  const start = performance.now();
  let bytes = 0;
  for (const file of files) bytes += readFileSync(file).length;
  if (bytes === 0) throw new Error('read nothing');
  return (performance.now() - start) / 1000;
}

async function importOnce(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bench-'));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
  const start = performance.now();
  const progress = await service.startImport([sessionDir]).done;
  const seconds = (performance.now() - start) / 1000;
  await service.close();
  rmSync(dir, { recursive: true, force: true });
  if (progress.report.imported !== FILES) {
    throw new Error(
      `imported ${progress.report.imported} of ${FILES}: ${JSON.stringify(progress.report.failed.slice(0, 3))}`,
    );
  }
  return seconds;
}

generateSession();
const files = readdirSync(sessionDir).map((name) => join(sessionDir, name));
const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const readTimes: number[] = [];
const importTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  readTimes.push(plainRead(files));
  importTimes.push(await importOnce());
}
const read = median(readTimes);
const imported = median(importTimes);
const line = (name: string, seconds: number): string =>
  `${name.padEnd(22)} ${(files.length / seconds).toFixed(0).padStart(8)} files/s ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s  (median of ${RUNS}: ${seconds.toFixed(3)} s)`;
console.log(`session: ${files.length} Nanonis .dat files, ${POINTS} points, ${megabytes.toFixed(1)} MB`);
console.log(line('plain read (floor)', read));
console.log(line('import into library', imported));
console.log(`import / plain read: ${((read / imported) * 100).toFixed(1)} % of the I/O floor's files/s`);
