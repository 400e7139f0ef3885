// Import benchmark: a generated session of Nanonis .dat files (512 points each) imported by the
// CLI (`sts-workbench import`, the built JavaScript, process start included) into a fresh library,
// next to, in the same run, two Python readers parsing the same files (python3 + numpy, parse
// only, interpreter start excluded) and a plain read (the I/O floor):
// - nanonispy2_reader.py does what nanonispy2's Spec does (line loop to find [DATA], header dict,
//   numpy.genfromtxt): the baseline the goal (>= 4x) is stated against;
// - nanonis_reader.py parses with numpy.loadtxt (C-implemented), a stricter second line.
// Prints files/s and MB/s, medians of several runs, and the ratios; asserts nothing.
// BENCH_BASELINE=<another checkout, its CLI built> adds that checkout's CLI import to the same runs
// (before/after figures from one run on a shared machine).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { upToDateCliEntry } from '../../bin/cliBuildState.js';
import { buildCli } from '../../scripts/buildCli.ts';
import { writeNanonisDat } from '../../scripts/nanonis/writeNanonisDat.ts';
import { median } from '../median.ts';
import { plainReadSeconds } from './benchSession.ts';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const POINTS = 512;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const here = dirname(fileURLToPath(import.meta.url));
const sessionDir = resolve(here, '../.data/import-session');
const bin = resolve(here, '../../bin/sts-workbench.js');
const baseline = process.env.BENCH_BASELINE;
const baselineBin = baseline ? resolve(baseline, 'bin/sts-workbench.js') : null;

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

/**
 * CPU seconds (user + system, all threads) used so far by this process's finished children, from
 * /proc/self/stat (cutime + cstime, in clock ticks of 10 ms); null where there is no /proc. On a
 * shared machine an import's CPU moves much less with the load than its wall time.
 */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
  } catch {
    return null;
  }
}

interface ImportTime {
  seconds: number;
  /** CPU seconds of the import process, all threads; null where not known. */
  cpuSeconds: number | null;
}

/** Wall-clock and CPU seconds of one `sts-workbench import` (of `bin`) of the session into a new library. */
function importOnce(bin: string): ImportTime {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bench-'));
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [bin, 'import', sessionDir, '--db', join(dir, 'library.sqlite'), '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuSeconds();
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { imported: number; failed: unknown[] };
  if (report.imported !== FILES) {
    throw new Error(`imported ${report.imported} of ${FILES}: ${JSON.stringify(report.failed.slice(0, 3))}`);
  }
  return { seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** Seconds a Python reader takes to parse every file (it times itself, interpreter start excluded). */
function pythonOnce(script: string, files: string[]): number {
  const result = spawnSync('python3', [join(here, script), String(POINTS)], {
    input: files.join('\n'),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

// Measure what ships: the built CLI (rebuilt here when a source changed).
if (!upToDateCliEntry()) await buildCli();
/** The machine's load when the timed runs start (printed with the load at the end). */
const loadAtStart = loadavg();
generateSession();
const files = readdirSync(sessionDir).map((name) => join(sessionDir, name));
const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const readTimes: number[] = [];
const importTimes: ImportTime[] = [];
const nanonispyTimes: number[] = [];
const loadtxtTimes: number[] = [];
const baselineTimes: ImportTime[] = [];
for (let run = 0; run < RUNS; run++) {
  readTimes.push(plainReadSeconds(files));
  nanonispyTimes.push(pythonOnce('nanonispy2_reader.py', files));
  loadtxtTimes.push(pythonOnce('nanonis_reader.py', files));
  // The two checkouts take turns going first: an import runs slower right after another (the
  // previous library's writes still going to disk), which must not favour one of them.
  if (baselineBin && run % 2 === 1) baselineTimes.push(importOnce(baselineBin));
  importTimes.push(importOnce(bin));
  if (baselineBin && run % 2 === 0) baselineTimes.push(importOnce(baselineBin));
}
const read = median(readTimes);
const imported = median(importTimes.map((time) => time.seconds));
const nanonispy = median(nanonispyTimes);
const loadtxt = median(loadtxtTimes);
const line = (name: string, seconds: number): string =>
  `${name.padEnd(30)} ${(files.length / seconds).toFixed(0).padStart(8)} files/s ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s  (median of ${RUNS}: ${seconds.toFixed(3)} s)`;
console.log(`session: ${files.length} Nanonis .dat files, ${POINTS} points, ${megabytes.toFixed(1)} MB`);
const loadText = (load: number[]): string => load.map((l) => l.toFixed(2)).join(', ');
console.log(
  `load average (1, 5, 15 min) at the start: ${loadText(loadAtStart)}; at the end: ${loadText(loadavg())}`,
);
console.log(line('plain read (floor)', read));
console.log(line('nanonispy2-style (genfromtxt)', nanonispy));
console.log(line('numpy.loadtxt reader', loadtxt));
console.log(line('CLI import', imported));
if (baseline)
  console.log(line('CLI import, baseline checkout', median(baselineTimes.map((time) => time.seconds))));
const cpuLine = (name: string, times: ImportTime[]): string | null => {
  const cpu = times.map((time) => time.cpuSeconds);
  if (cpu.some((seconds) => seconds === null)) return null;
  return `${name.padEnd(30)} CPU ${median(cpu as number[]).toFixed(2)} s (user + system, all threads; median of ${RUNS}: ${(cpu as number[]).map((seconds) => seconds.toFixed(2)).join(', ')})`;
};
for (const text of [
  cpuLine('CLI import', importTimes),
  baseline ? cpuLine('CLI import, baseline checkout', baselineTimes) : null,
])
  if (text) console.log(text);
console.log(`CLI import / nanonispy2-style: ${(nanonispy / imported).toFixed(2)}x (goal >= 4x)`);
console.log(
  `CLI import / numpy.loadtxt reader: ${(loadtxt / imported).toFixed(2)}x (stricter line, no goal)`,
);
console.log(`CLI import / plain read: ${(read / imported).toFixed(3)}x (goal >= 0.25x)`);
if (baseline) {
  const before = median(baselineTimes.map((time) => time.seconds));
  console.log(
    `baseline (${baseline}) CLI import / nanonispy2-style: ${(nanonispy / before).toFixed(2)}x, / plain read: ${(read / before).toFixed(3)}x; this checkout ${(before / imported).toFixed(2)}x faster`,
  );
}
