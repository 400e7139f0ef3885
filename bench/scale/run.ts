// Scale benchmark: a 100,000-spectrum library (seeded synthetic, 512 points, forward + backward
// sweep per file; cached in bench/.data) served by `sts-workbench serve` (built CLI). Prints the
// library's size, serve start to the first Library rows (HTTP bridge, as the renderer asks), the
// stored-run analysis time through the bridge, the server's slowest answer to a small request
// polled every 50 ms during the analysis (is it still answering?), and the server's peak RSS
// (VmHWM, worker threads included). Asserts nothing. BENCH_SPECTRA sets the size.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { upToDateCliEntry } from '../../bin/cliBuildState.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { openLibrary } from '../../src/main/library/openLibrary.ts';
import { writeSyntheticLibrary } from '../../src/testing/syntheticLibrary.ts';

const SPECTRA = Number(process.env.BENCH_SPECTRA ?? 100_000);
const POINTS = 512;
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../.data');
const libraryPath = join(dataDir, `scale-${SPECTRA}.sqlite`);
const bin = resolve(here, '../../bin/sts-workbench.js');

function buildLibrary(): number {
  if (existsSync(libraryPath)) return 0;
  mkdirSync(dataDir, { recursive: true });
  const start = performance.now();
  const db = openLibrary(libraryPath);
  try {
    writeSyntheticLibrary(db, { files: SPECTRA / 2, points: POINTS, seed: 2026 });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    rmSync(libraryPath, { force: true });
    throw error;
  }
  db.close();
  return (performance.now() - start) / 1000;
}

interface Server {
  origin: string;
  token: string;
  pid: number;
  stop(): void;
}

function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', libraryPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveServer, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /Listening on (\S+)/.exec(line);
      if (!match) return;
      const url = new URL(match[1]!);
      resolveServer({
        origin: url.origin,
        token: url.searchParams.get('token')!,
        pid: child.pid!,
        stop: () => child.kill('SIGTERM'),
      });
    });
  });
}

async function call(server: Server, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sts-token': server.token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value;
}

/** Peak resident set of a process, MB (Linux /proc VmHWM). */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

if (!upToDateCliEntry()) await buildCli();
const built = buildLibrary();
const sizeMb = statSync(libraryPath).size / 1e6;
console.log(
  `library: ${SPECTRA} spectra (+ ${SPECTRA / 8} [AVG] columns), ${POINTS} points, ${sizeMb.toFixed(0)} MB` +
    (built ? ` (built in ${built.toFixed(1)} s)` : ' (cached)'),
);

const spawned = performance.now();
const server = await startServer();
const first = (await call(server, 'listSpectra', { limit: 100 })) as { rows: unknown[]; total: number };
const firstRowsMs = performance.now() - spawned;
console.log(
  `serve start to first Library rows: ${firstRowsMs.toFixed(0)} ms (${first.rows.length} of ${first.total})`,
);
const deep = performance.now();
await call(server, 'listSpectra', { limit: 100, offset: Math.floor(first.total * 0.9) });
console.log(`Library page at 90 % depth: ${(performance.now() - deep).toFixed(0)} ms`);

// The analysis in the server's worker thread, while a small request is polled every 50 ms.
let slowest = 0;
let answered = 0;
let polling = true;
const poller = (async () => {
  while (polling) {
    const start = performance.now();
    await call(server, 'listLabels', {});
    slowest = Math.max(slowest, performance.now() - start);
    answered++;
    await new Promise((r) => setTimeout(r, 50));
  }
})();
const analyseStart = performance.now();
const started = (await call(server, 'startAnalysis', {})) as { jobId: number };
let progress: { state: string; spectra: number; runId: number | null; error: string | null };
do {
  await new Promise((r) => setTimeout(r, 200));
  progress = (await call(server, 'getAnalysisProgress', { jobId: started.jobId })) as typeof progress;
} while (progress.state === 'running');
const analyseSeconds = (performance.now() - analyseStart) / 1000;
polling = false;
await poller;
if (progress.state !== 'done') throw new Error(`analysis ${progress.state}: ${progress.error}`);
const summaryStart = performance.now();
await call(server, 'getAnalysisRun', { runId: progress.runId, results: 'none' });
console.log(
  `analyze (stored run, worker thread): ${analyseSeconds.toFixed(1)} s for ${progress.spectra} forward sweeps`,
);
console.log(`run summary (no per-spectrum rows): ${(performance.now() - summaryStart).toFixed(0)} ms`);
console.log(`server while analysing: ${answered} answers, slowest ${slowest.toFixed(0)} ms`);
console.log(`server peak RSS: ${peakRssMb(server.pid).toFixed(0)} MB`);
server.stop();
