// Analysis benchmark: 10,000 seeded synthetic spectra of 512 points (bench/analysis/synthetic.ts),
// written to bench/.data for the numpy/scipy baseline (baseline.py: vectorised Savitzky–Golay,
// scipy find_peaks per row, trap integral, and the group stage), then timed in the same run:
// runPipeline on one thread (median of 3 after a warm-up), the worker pool on Node worker_threads
// (median of 3 after a full-size warm-up), incremental re-analysis of 1,000 spectra after a
// deep-window and after a Savitzky–Golay window change (reanalysis.ts), and the Python baseline
// (median of 3). Prints milliseconds/seconds and ratios, and under the one-thread and pool lines
// the CPU of every thread of the process per run; asserts nothing.
// BENCH_SPECTRA / BENCH_POINTS change the size; BENCH_RUNS the number of timed runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeAnalysisPool } from '../../src/main/analysis/nodeAnalysisPool.ts';
import { runPipeline } from '../../src/shared/analysis/index.ts';
import { benchReanalysis } from './reanalysis.ts';
import { syntheticSpectra } from './synthetic.ts';
import { median } from '../median.ts';

const COUNT = Number(process.env.BENCH_SPECTRA ?? 10_000);
const POINTS = Number(process.env.BENCH_POINTS ?? 512);
// BENCH_RUNS: timed runs of each line (default 3); more for steadier medians on a busy machine.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../.data/analysis');

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

const spectra = syntheticSpectra({ count: COUNT, points: POINTS, noise: 1e-12 });
mkdirSync(dataDir, { recursive: true });
const currents = new Float64Array(COUNT * POINTS);
spectra.forEach((s, i) => currents.set(s.current, i * POINTS));
// Every synthetic sweep shares one bias grid (V, + → −).
writeFileSync(join(dataDir, 'bias.f64'), new Float64Array(spectra[0]!.bias));
writeFileSync(join(dataDir, 'currents.f64'), currents);
writeFileSync(join(dataDir, 'labels.json'), JSON.stringify(spectra.map((s) => s.label)));
console.log(`${COUNT} spectra x ${POINTS} points (seeded), data in ${dataDir}`);
// The machine's load moves every line (the pool's threads most): printed at the start and the end.
const loadNow = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadAtStart = loadNow();

/** CPU seconds (user + system) of this process, every thread: its workers and V8's GC and compiler threads too. */
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

runPipeline(spectra);
const single: number[] = [];
const singleCpu: number[] = [];
let result = runPipeline(spectra);
for (let r = 0; r < RUNS; r++) {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  result = runPipeline(spectra);
  single.push(seconds(t0));
  singleCpu.push(cpuSeconds() - cpu0);
}
const found = result.spectra.filter((s) => s.vbm !== null).length;
console.log(
  `TypeScript runPipeline, one thread: ${median(single).toFixed(3)} s (median of ${RUNS}: ${single.map((t) => t.toFixed(3)).join(', ')}); VBM found in ${found}/${COUNT}`,
);

// Two workers at least, as the renderer starts them (both cores work; the caller only waits).
const pool = createNodeAnalysisPool(Math.max(2, availableParallelism() - 1));
// New curve arrays each run: the pool keeps what it analysed (incremental re-analysis) and would
// serve the same arrays from its caches; this line times a full analysis. One full-size warm-up
// run first, as for the one-thread line (a 200-spectrum warm-up left the workers' code still
// being optimised during the timed runs).
// The copies are views of one slab, as loadSpectra gives a stored session's curves to the pool
// (10,000 separate arrays made for each run only gave the timed run their garbage to collect).
const freshCopy = (): typeof spectra => {
  const slab = new Float64Array(spectra.reduce((sum, s) => sum + s.current.length, 0));
  let offset = 0;
  return spectra.map((s) => {
    const current = slab.subarray(offset, offset + s.current.length);
    current.set(s.current);
    offset += s.current.length;
    return { ...s, current };
  });
};
await pool.run(freshCopy());
const pooled: number[] = [];
const pooledCpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const fresh = freshCopy();
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  await pool.run(fresh);
  pooled.push(seconds(t0));
  pooledCpu.push(cpuSeconds() - cpu0);
}
pool.terminate();
console.log(
  `TypeScript worker pool, ${pool.size} worker(s) on ${availableParallelism()} cores: ${median(pooled).toFixed(3)} s (median of ${RUNS}: ${pooled.map((t) => t.toFixed(3)).join(', ')})`,
);
// Where a pool short of N× one thread stands: CPU of the whole process per run (the workers, the
// calling thread's packing and merging, V8's garbage-collector and compiler threads) against the
// one thread's; a pool at its cores' limit cannot go faster without using less of it.
console.log(
  `  CPU per run, all threads: one thread ${median(singleCpu).toFixed(3)} s, pool ${median(pooledCpu).toFixed(3)} s (${(median(pooledCpu) / median(pooled)).toFixed(2)} cores busy of ${availableParallelism()})`,
);

// Incremental re-analysis of 1,000 spectra (same generator) through the renderer's worker path:
// see reanalysis.ts.
const re = await benchReanalysis(syntheticSpectra({ count: 1000, points: POINTS, noise: 1e-12 }));
console.log(
  `re-analysis 1000 spectra: deep window ${re.deep.toFixed(1)} ms, SG window ${re.sg.toFixed(1)} ms`,
);
console.log(
  `  (medians of 20 changes each, ${re.workers} worker_threads running src/workers/analysisApi.ts; first full run ${re.first.toFixed(0)} ms)`,
);

const python = spawnSync(
  'python3',
  [
    join(here, 'baseline.py'),
    join(dataDir, 'bias.f64'),
    join(dataDir, 'currents.f64'),
    String(COUNT),
    String(POINTS),
    String(RUNS),
    join(dataDir, 'labels.json'),
  ],
  { encoding: 'utf8' },
);
if (python.status !== 0) {
  console.log(`numpy/scipy baseline did not run: ${python.stderr.trim().split('\n').at(-1) ?? python.error}`);
} else {
  const baseline = JSON.parse(python.stdout) as { seconds: number };
  console.log(`numpy/scipy baseline: ${baseline.seconds.toFixed(3)} s (median of ${RUNS})`);
  console.log(
    `ratio TypeScript / numpy: one thread ${(median(single) / baseline.seconds).toFixed(2)}, pool ${(median(pooled) / baseline.seconds).toFixed(2)}`,
  );
}
console.log(`load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${loadNow()}`);
