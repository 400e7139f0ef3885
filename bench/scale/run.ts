// Scale benchmark: a 100,000-spectrum library (seeded synthetic, 512 points, forward + backward
// sweep per file; cached in bench/.data) served by `sts-workbench serve` (built CLI). Prints the
// library's size, serve start to the first Library rows (HTTP bridge, as the renderer asks), the
// stored-run analysis time through the bridge, the server's slowest answer to a small request
// polled every 50 ms during the analysis (is it still answering?), and the server's peak RSS
// (VmHWM, worker threads included). Then a 10,000-sweep session (BENCH_SESSION_SWEEPS): its
// stored run (and, as the baseline in the same run, the same run on one thread in this process),
// and the Analysis tab in Chromium (chromium.ts: time to first figure, long tasks,
// renderer heap and RSS). Asserts nothing. BENCH_SPECTRA sets the library's size.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { upToDateCliEntry } from '../../bin/cliBuildState.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { analyseAndStore } from '../../src/main/analysis/analysisRunner.ts';
import { openLibrary } from '../../src/main/library/openLibrary.ts';
import { writeSyntheticLibrary } from '../../src/testing/syntheticLibrary.ts';
import { measureAnalysisTab } from './chromium.ts';

const SPECTRA = Number(process.env.BENCH_SPECTRA ?? 100_000);
const POINTS = 512;
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../.data');
const libraryPath = join(dataDir, `scale-${SPECTRA}.sqlite`);
const bin = resolve(here, '../../bin/sts-workbench.js');

function buildLibrary(path = libraryPath, spectra = SPECTRA): number {
  if (existsSync(path)) return 0;
  mkdirSync(dataDir, { recursive: true });
  const start = performance.now();
  const db = openLibrary(path);
  try {
    writeSyntheticLibrary(db, { files: spectra / 2, points: POINTS, seed: 2026 });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    rmSync(path, { force: true });
    throw error;
  }
  db.close();
  return (performance.now() - start) / 1000;
}

interface Server {
  /** The app's URL with its token, as `serve` prints it. */
  url: string;
  origin: string;
  token: string;
  pid: number;
  stop(): void;
}

/** `serve` from this checkout's CLI, or `cli` (another checkout's, BENCH_BASELINE). */
function startServer(path = libraryPath, cli = bin): Promise<Server> {
  const child = spawn(process.execPath, [cli, 'serve', '--db', path, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveServer, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /Listening on (\S+)/.exec(line);
      if (!match) return;
      const url = new URL(match[1]!);
      resolveServer({
        url: match[1]!,
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
/** A stored run of everything in the server's worker thread, while a small request is polled every 50 ms. */
async function storedRun(
  on: Server,
): Promise<{ seconds: number; spectra: number; runId: number; answered: number; slowest: number }> {
  let slowest = 0;
  let answered = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const start = performance.now();
      await call(on, 'listLabels', {});
      slowest = Math.max(slowest, performance.now() - start);
      answered++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const analyseStart = performance.now();
  const started = (await call(on, 'startAnalysis', {})) as { jobId: number };
  let progress: { state: string; spectra: number; runId: number | null; error: string | null };
  do {
    await new Promise((r) => setTimeout(r, 100));
    progress = (await call(on, 'getAnalysisProgress', { jobId: started.jobId })) as typeof progress;
  } while (progress.state === 'running');
  const seconds = (performance.now() - analyseStart) / 1000;
  polling = false;
  await poller;
  if (progress.state !== 'done') throw new Error(`analysis ${progress.state}: ${progress.error}`);
  return { seconds, spectra: progress.spectra, runId: progress.runId!, answered, slowest };
}

// BENCH_SCALE_ONLY=session runs the session phase alone; BENCH_SCALE_ONLY=chromium only the
// Chromium figures on the session library (its stored runs made once, when it is built).
const only = process.env.BENCH_SCALE_ONLY;
if (only !== 'session' && only !== 'chromium') {
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

  const run = await storedRun(server);
  const summaryStart = performance.now();
  await call(server, 'getAnalysisRun', { runId: run.runId, results: 'none' });
  console.log(
    `analyze (stored run, worker thread): ${run.seconds.toFixed(1)} s for ${run.spectra} forward sweeps`,
  );
  console.log(`run summary (no per-spectrum rows): ${(performance.now() - summaryStart).toFixed(0)} ms`);
  console.log(`server while analysing: ${run.answered} answers, slowest ${run.slowest.toFixed(0)} ms`);
  console.log(`server peak RSS: ${peakRssMb(server.pid).toFixed(0)} MB`);
  server.stop();
}

// A 10,000-sweep session (20,000 spectra: forward + backward) in a library of its own: the stored
// run through the server (three runs: their median and each), then the Analysis tab in Chromium
// (chromium.ts; BENCH_CHROMIUM=0 skips it). `serve` needs the built renderer (npx electron-vite build).
const SESSION_SWEEPS = Number(process.env.BENCH_SESSION_SWEEPS ?? 10_000);
const SESSION_RUNS = 3;
/** BENCH_BASELINE: another checkout (built: `npm run build`) whose renderer is measured too. */
const baseline = process.env.BENCH_BASELINE;
/** BENCH_CHROMIUM_RUNS: Chromium runs (per checkout). */
const chromiumRuns = Number(process.env.BENCH_CHROMIUM_RUNS ?? 1);

/** The Chromium figures of the app `server` serves, each line prefixed with `label`. */
async function chromiumFigures(server: Server, label: string): Promise<void> {
  const figures = await measureAnalysisTab(server.url, process.env.BENCH_CHROMIUM_PHASES === 'load');
  console.log(
    `${label}Chromium, Analysis tab to first figure: ${figures.firstFigureMs.toFixed(0)} ms; renderer JS heap ${figures.heapMb.toFixed(0)} MB, renderer RSS ${figures.rendererRssMb.toFixed(0)} MB; server peak RSS ${peakRssMb(server.pid).toFixed(0)} MB (load average ${loadavg()[0]!.toFixed(1)})`,
  );
  for (const { name, durationsMs, startsMs, note } of figures.phases)
    console.log(
      `${label}  long tasks > 50 ms, ${name}: ${durationsMs.length}` +
        (durationsMs.length
          ? ` (${durationsMs.map((d, i) => `${d.toFixed(0)} at ${startsMs[i]!.toFixed(0)}`).join(', ')} ms)`
          : '') +
        (note ? `; ${note}` : ''),
    );
}
{
  const sessionPath = join(dataDir, `scale-session-${SESSION_SWEEPS}.sqlite`);
  const justBuilt = buildLibrary(sessionPath, 2 * SESSION_SWEEPS) > 0;
  const sessionServer = await startServer(sessionPath);
  const runs: Array<Awaited<ReturnType<typeof storedRun>>> = [];
  const storedRuns = only === 'chromium' ? (justBuilt ? 1 : 0) : SESSION_RUNS;
  for (let r = 0; r < storedRuns; r++) runs.push(await storedRun(sessionServer));
  if (only !== 'chromium') {
    const seconds = runs.map((r) => r.seconds);
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(SESSION_RUNS / 2)]!;
    console.log(
      `session of ${runs[0]!.spectra} forward sweeps: stored run ${median.toFixed(2)} s (median of ${SESSION_RUNS}: ${seconds.map((s) => s.toFixed(2)).join(', ')}), server peak RSS ${peakRssMb(sessionServer.pid).toFixed(0)} MB (slowest answer meanwhile ${Math.max(...runs.map((r) => r.slowest)).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)})`,
    );
    // Baseline in the same run: the same stored run on one thread (this process), as before the
    // helper thread.
    const oneThreadDb = openLibrary(sessionPath);
    const oneThreadStart = performance.now();
    analyseAndStore(oneThreadDb, {}, 'bench', undefined);
    console.log(
      `  baseline, the same run on one thread: ${((performance.now() - oneThreadStart) / 1000).toFixed(2)} s`,
    );
    oneThreadDb.close();
  }
  if (process.env.BENCH_CHROMIUM === '0') {
    console.log('Chromium figures skipped (BENCH_CHROMIUM=0)');
  } else if (!baseline && chromiumRuns === 1) {
    await chromiumFigures(sessionServer, '');
  } else {
    // Alternated runs, each on a server of its own: this checkout and BENCH_BASELINE's (its own
    // CLI serving its own built renderer) take turns going first.
    const checkouts: Array<{ label: string; cli: string }> = [{ label: 'this', cli: bin }];
    if (baseline) checkouts.push({ label: 'baseline', cli: resolve(baseline, 'bin/sts-workbench.js') });
    for (let round = 0; round < chromiumRuns; round++) {
      const order = round % 2 === 0 ? checkouts : [...checkouts].reverse();
      for (const { label, cli } of order) {
        const server = await startServer(sessionPath, cli);
        try {
          await chromiumFigures(server, `[${label}, run ${round + 1}] `);
        } finally {
          server.stop();
        }
      }
    }
  }
  sessionServer.stop();
}
