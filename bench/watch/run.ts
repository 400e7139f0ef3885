// Watch latency benchmark: from the moment a file is complete (its last byte written) to its rows
// in the library and its batch reported, with a real chokidar watcher and real parse workers.
// Scenarios: (1) a stream of files, each written in two pieces cut mid-line with a 0.6 s pause
// (the instrument's way), several arriving per second; (2) a burst of files copied in at once;
// (3) the stream again with polling (network shares). Baseline in the same run: importing one
// complete file directly through the import entry point (no watcher). Prints medians; asserts nothing.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNanonisDat } from '../../scripts/nanonis/writeNanonisDat.ts';
import { LibraryService } from '../../src/main/services/libraryService.ts';
import { importThrough } from '../../src/main/watch/serviceImport.ts';
import { WatchSession } from '../../src/main/watch/watchSession.ts';

const STREAM_FILES = Number(process.env.BENCH_STREAM_FILES ?? 300);
const STREAM_PER_SECOND = Number(process.env.BENCH_STREAM_RATE ?? 20);
const BURST_FILES = Number(process.env.BENCH_BURST_FILES ?? 500);
const POINTS = 512;

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

function datText(index: number): string {
  let seed = 1000 + index;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const bias = Float64Array.from({ length: POINTS }, (_, i) => -2 + (4 * i) / (POINTS - 1));
  const curve = (): Float64Array => bias.map((v) => 1e-10 * Math.sinh(2.5 * v) + 2e-12 * (random() - 0.5));
  return writeNanonisDat({
    x: index * 1e-9,
    y: 0,
    bias,
    sweeps: [{ forward: curve(), backward: curve() }],
    date: '01.02.2024 10:00:00',
    comment: `bench ${index}`,
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summary(name: string, latencies: number[]): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} n=${String(sorted.length).padStart(4)}  median ${quantile(sorted, 0.5).toFixed(0).padStart(5)} ms` +
      `  p95 ${quantile(sorted, 0.95).toFixed(0).padStart(5)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(0).padStart(5)} ms`,
  );
}

interface Rig {
  folder: string;
  service: LibraryService;
  session: WatchSession;
  /** ms (Date.now()) each path was reported in a batch. */
  reported: Map<string, number>;
}

async function rig(polling: boolean): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bench-watch-'));
  const folder = join(dir, 'session');
  mkdirSync(folder);
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
  const reported = new Map<string, number>();
  const session = new WatchSession({
    db: service.db,
    folders: [folder],
    importPaths: importThrough(service),
    polling,
    pollIntervalMs: 100,
    onBatch: ({ report }) => {
      const now = Date.now();
      for (const path of [...report.files, ...report.failed.map((f) => f.file)]) reported.set(path, now);
    },
  });
  await session.started;
  return { folder, service, session, reported };
}

async function finish(r: Rig, expected: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (r.reported.size < expected && Date.now() < deadline) await sleep(20);
  await r.session.stop();
  await r.service.close();
  rmSync(r.folder, { recursive: true, force: true });
}

/** Files written in two pieces (cut mid-line) 0.6 s apart, STREAM_PER_SECOND starting per second. */
async function stream(polling: boolean): Promise<number[]> {
  const r = await rig(polling);
  const completeAt = new Map<string, number>();
  const writes: Array<Promise<void>> = [];
  for (let i = 0; i < STREAM_FILES; i++) {
    const path = join(r.folder, `stream${String(i).padStart(4, '0')}.dat`);
    const text = datText(i);
    const cut = Math.floor(text.length * 0.55);
    writeFileSync(path, text.slice(0, cut), 'latin1');
    writes.push(
      sleep(600).then(() => {
        appendFileSync(path, text.slice(cut), 'latin1');
        completeAt.set(path, Date.now());
      }),
    );
    await sleep(1000 / STREAM_PER_SECOND);
  }
  await Promise.all(writes);
  await finish(r, STREAM_FILES);
  return [...completeAt].map(([path, at]) => (r.reported.get(path) ?? Infinity) - at);
}

async function burst(): Promise<number[]> {
  const r = await rig(false);
  const texts = Array.from({ length: BURST_FILES }, (_, i) => datText(10_000 + i));
  const completeAt = new Map<string, number>();
  for (let i = 0; i < BURST_FILES; i++) {
    const path = join(r.folder, `burst${String(i).padStart(4, '0')}.dat`);
    writeFileSync(path, texts[i] as string, 'latin1');
    completeAt.set(path, Date.now());
  }
  await finish(r, BURST_FILES);
  return [...completeAt].map(([path, at]) => (r.reported.get(path) ?? Infinity) - at);
}

/** The floor: one complete file imported directly, no watcher, no settle time. */
async function baseline(): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bench-direct-'));
  const service = new LibraryService({ dbPath: join(dir, 'library.sqlite') });
  const importPaths = importThrough(service);
  const latencies: number[] = [];
  for (let i = 0; i < 40; i++) {
    const path = join(dir, `direct${i}.dat`);
    writeFileSync(path, datText(20_000 + i), 'latin1');
    const start = Date.now();
    await importPaths([path]);
    latencies.push(Date.now() - start);
  }
  await service.close();
  rmSync(dir, { recursive: true, force: true });
  return latencies;
}

console.log(
  `watch latency, file complete -> rows written and batch reported (${POINTS}-point .dat files); ` +
    `load average at start ${loadavg()[0]?.toFixed(1)}`,
);
summary('baseline: direct import of one file', await baseline());
summary(`stream: ${STREAM_FILES} files, ${STREAM_PER_SECOND}/s, 2 pieces 0.6 s apart`, await stream(false));
summary(`burst: ${BURST_FILES} files at once`, await burst());
summary(`stream, polling every 100 ms`, await stream(true));
