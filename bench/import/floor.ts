// The floor under bench:import's goal against the plain read (>= 0.25x): the least any import of
// the bench session into a durable library must spend on this machine, from three parts each
// measured alone and each a lower bound of its part:
// - the process start (`node -e 0`: the CLI import's figure includes its own start);
// - the number tables read and parsed with the import's own single-pass parser (parseTabTable),
//   the files split between as many threads as the machine has cores, their start-up not counted,
//   no header, no checks, no rows built, nothing hashed;
// - the parsed numbers (float64) stored durably, two ways: written to one file and fsync'd once
//   (the least any store needs), and as one BLOB per file in a one-table SQLite file configured
//   as the library is (64 KiB pages, WAL, synchronous NORMAL, checkpoint every ~4 MB and at the
//   close): the library's store, without its other columns, rows and indexes.
// Floor = start + max(parse, write) (a perfect overlap of parsing and writing), for each store,
// each part at its best (the minimum of RUNS: a lower bound), against the plain read's median.
// Prints the floors next to the plain read, in one run; asserts nothing.
//   node bench/import/floor.ts            (after npm run bench:import made the session)
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { BATCH, benchSessionFiles, plainReadSeconds, RUNS } from './benchSession.ts';
import { median } from '../median.ts';

const paths = benchSessionFiles().map((file) => file.path);
const threads = availableParallelism();

function processStartMs(): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['-e', '0']);
  if (result.status !== 0) throw new Error('node -e 0 failed');
  return performance.now() - start;
}

interface ThreadResult {
  times: number[];
  rows: number;
}

/** Per pass, the slowest thread's milliseconds (threads parse their shares at the same time). */
async function parseMs(passes: number): Promise<{ perPass: number[]; rows: number }> {
  const shares = Array.from({ length: threads }, (_, t) => paths.filter((_, i) => i % threads === t));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<ThreadResult>((resolve, reject) => {
          const worker = new Worker(new URL('./floorWorker.ts', import.meta.url), {
            workerData: { paths: share, passes },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const perPass = Array.from({ length: passes }, (_, pass) =>
    Math.max(...results.map((result) => result.times[pass] as number)),
  );
  return { perPass, rows: results.reduce((sum, result) => sum + result.rows, 0) };
}

/** Milliseconds to write `bytes` bytes (in 1 MiB writes) to a new file and fsync it. */
function durableWriteMs(bytes: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'sts-floor-'));
  const chunk = Buffer.alloc(1 << 20, 1);
  const start = performance.now();
  const fd = openSync(join(dir, 'numbers.bin'), 'w');
  for (let written = 0; written < bytes; written += chunk.length)
    writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  fsyncSync(fd);
  closeSync(fd);
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** Milliseconds to store `files` BLOBs of `bytesPerFile` bytes in a new SQLite file, closed (checkpointed). */
function sqliteWriteMs(files: number, bytesPerFile: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'sts-floor-'));
  const blob = Buffer.alloc(bytesPerFile, 1);
  const start = performance.now();
  const db = new Database(join(dir, 'numbers.sqlite'));
  db.pragma('page_size = 65536');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 64');
  db.exec('CREATE TABLE curves (id INTEGER PRIMARY KEY, numbers BLOB)');
  const insert = db.prepare('INSERT INTO curves (numbers) VALUES (?)');
  const insertBatch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) insert.run(blob);
  });
  for (let done = 0; done < files; done += BATCH) insertBatch(Math.min(BATCH, files - done));
  db.close();
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const loadAtStart = loadavg();
const read: number[] = [];
const start: number[] = [];
const write: number[] = [];
const sqlite: number[] = [];
// One pass more than RUNS for the parse: the first warms V8's compiled code and is dropped.
const parsed = await parseMs(RUNS + 1);
const parse = parsed.perPass.slice(1);
const columns = 3;
const numberBytes = parsed.rows * columns * 8;
for (let run = 0; run < RUNS; run++) {
  read.push(1000 * plainReadSeconds(paths));
  start.push(processStartMs());
  write.push(durableWriteMs(numberBytes));
  sqlite.push(sqliteWriteMs(paths.length, numberBytes / paths.length));
}
const best = (values: number[]): number => Math.min(...values);
const floorOf = (store: number[]): number => best(start) + Math.max(best(parse), best(store));
const ms = (values: number[]): string =>
  `median ${median(values).toFixed(1)} ms, best ${best(values).toFixed(1)} ms (of ${values.length}: ${values.map((v) => v.toFixed(0)).join(', ')})`;
console.log(`session: ${paths.length} files, ${parsed.rows} table rows; ${threads} threads`);
console.log(`load average at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}`);
console.log(`plain read                         ${ms(read)}`);
console.log(`process start (node -e 0)          ${ms(start)}`);
console.log(`number tables, ${threads} threads          ${ms(parse)}`);
console.log(`durable write of ${(numberBytes / 1e6).toFixed(1)} MB float64     ${ms(write)}`);
console.log(`the same as SQLite BLOBs (library's settings) ${ms(sqlite)}`);
for (const [store, times] of [
  ['file', write],
  ['SQLite', sqlite],
] as const) {
  const floor = floorOf(times);
  const ratio = median(read) / floor;
  console.log(
    `floor with the ${store} write (best start + max(best parse, best write)): ${floor.toFixed(1)} ms; plain read (median) / floor ${ratio.toFixed(3)}x (goal >= 0.25x ${ratio >= 0.25 ? 'within reach' : 'out of reach'} on this machine)`,
  );
}
