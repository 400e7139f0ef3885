// Where one-thread analysis time goes, in steady state: runPipeline on the bench's 10,000 × 512
// seeded spectra, three untimed runs (JIT warm-up, and the process's memory pages faulted in),
// then a V8 CPU profile of the next four (sampling every 200 µs), written to the path given
// (default bench/.data/analysis/steady.cpuprofile). Summarise it with
//   node bench/import/profileSummary.ts <file>
// BENCH_SPECTRA / BENCH_POINTS change the size. Prints each profiled run's milliseconds and minor
// page faults (fresh memory costs ~20 µs a page on the 2-core build VM).
import { writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../../src/shared/analysis/index.ts';
import { syntheticSpectra } from './synthetic.ts';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? resolve(here, '../.data/analysis/steady.cpuprofile');
const spectra = syntheticSpectra({
  count: Number(process.env.BENCH_SPECTRA ?? 10_000),
  points: Number(process.env.BENCH_POINTS ?? 512),
  noise: 1e-12,
});
for (let r = 0; r < 3; r++) runPipeline(spectra);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  const faults = process.resourceUsage().minorPageFault;
  runPipeline(spectra);
  console.log(
    `run ${r + 1}: ${(performance.now() - t0).toFixed(0)} ms, ${process.resourceUsage().minorPageFault - faults} page faults`,
  );
}
const { profile } = await session.post('Profiler.stop');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(profile));
console.log(`profile: ${out}`);
