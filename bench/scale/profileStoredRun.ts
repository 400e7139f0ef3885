// Profiling aid for the stored run (not a benchmark): builds (or reuses) the 10,000-sweep session
// library of bench:scale and runs the stored run as the server's worker does (both cores;
// BENCH_ONE_THREAD=1: all on this thread), printing each phase's time. Run with `node --cpu-prof --cpu-prof-dir=<dir> bench/scale/profileStoredRun.ts` to see where
// the time goes.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_ANALYSIS_RUN_WORKER_URL } from '../../src/main/analysis/analysisJobs.ts';
import {
  analyseAndStore,
  loadAndAnalyseOnTwoThreads,
  storeRun,
} from '../../src/main/analysis/analysisRunner.ts';
import { openLibrary } from '../../src/main/library/openLibrary.ts';
import { writeSyntheticLibrary } from '../../src/testing/syntheticLibrary.ts';

const SWEEPS = Number(process.env.BENCH_SESSION_SWEEPS ?? 10_000);
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../.data');
const path = join(dataDir, `scale-session-${SWEEPS}.sqlite`);
if (!existsSync(path)) {
  mkdirSync(dataDir, { recursive: true });
  const db = openLibrary(path);
  writeSyntheticLibrary(db, { files: SWEEPS, points: 512, seed: 2026 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
const db = openLibrary(path);
let last = performance.now();
const started = last;
const onPhase = (phase: string, spectra: number): void => {
  const now = performance.now();
  console.log(`${phase} (${spectra}) after ${((now - last) / 1000).toFixed(2)} s`);
  last = now;
};
if (process.env.BENCH_ONE_THREAD) analyseAndStore(db, {}, 'profile', undefined, onPhase);
else {
  const run = await loadAndAnalyseOnTwoThreads(
    db,
    path,
    {},
    SOURCE_ANALYSIS_RUN_WORKER_URL,
    undefined,
    onPhase,
  );
  onPhase('storing', run.spectra.length);
  storeRun(db, run, 'profile');
}
console.log(
  `stored after ${((performance.now() - last) / 1000).toFixed(2)} s; total ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
db.close();
