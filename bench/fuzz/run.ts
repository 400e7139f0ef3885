// `npm run bench:fuzz [-- --cases N --seed S]`: ≥ 100,000 seeded mutants of every real file with a
// reader (byte flips, truncation, junk, duplicated blocks, huge numbers, BOM/UTF-16, megabyte lines,
// thousands of columns, garbage) through parseFile and the import's write path, each case under a
// heap limit and a watchdog. Prints the counts by outcome; a `bug`, `crash` or `timeout` is listed
// with its case index and seed to replay. Exits 1 if any occurred.
import { parseArgs } from 'node:util';
import { realDataDir } from '../../src/testing/realData.ts';
import { runFuzz } from './fuzzRunner.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261125' },
    workers: { type: 'string', default: '2' },
  },
});
const cases = Number(values.cases);
const started = performance.now();
let lastPrint = 0;
const summary = await runFuzz(realDataDir(), {
  cases,
  seed: Number(values.seed),
  workers: Number(values.workers),
  heapMb: 1024,
  timeoutMs: 10_000,
  slowMs: 1000,
  onProgress: (done) => {
    if (performance.now() - lastPrint < 5000 && done < cases) return;
    lastPrint = performance.now();
    process.stderr.write(`${done}/${cases} cases\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `fuzz: ${summary.cases} cases over ${summary.files} real files in ${seconds.toFixed(0)} s (seed ${values.seed})`,
);
for (const [outcome, n] of Object.entries(summary.byOutcome)) console.log(`  ${outcome.padEnd(20)} ${n}`);
console.log(
  `  per case: median ${summary.medianMs.toFixed(2)} ms, p99 ${summary.p99Ms.toFixed(1)} ms, max ${summary.maxMs.toFixed(0)} ms; ${summary.slow} over 1 s`,
);
console.log('  by file (stored / refused / parse-error / bug / crash / timeout):');
for (const [file, counts] of Object.entries(summary.byFile)) {
  const c = (k: keyof typeof counts): number => counts[k] ?? 0;
  console.log(
    `    ${file.slice(0, 48).padEnd(48)} ${c('stored')} / ${c('refused-by-library')} / ${c('parse-error')} / ${c('bug')} / ${c('crash')} / ${c('timeout')}`,
  );
}
for (const p of summary.problems.slice(0, 50))
  console.log(`  ${p.outcome} case ${p.index} ${p.file}: ${p.what}: ${p.detail}`);
process.exit(summary.problems.length === 0 ? 0 : 1);
