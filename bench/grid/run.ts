// Grid benchmark: a seeded synthetic 256 × 256 × 512 grid with 2 channels (Current, LIX; ~270 MB,
// scripts/grid/syntheticGrid.ts) written once to bench/.data/grid, then in the same run:
//   first map  — the current at −1.0 V (±10 mV) from the header and the window's points read by
//                position (the whole file is never loaded for it); then the read + decode of the
//                whole grid into one Float32Array;
//   gap map    — every pixel's band edges, gap and deep trap: one thread, and the worker pool
//                (one worker per core);
//   dI/dV map  — the Grid view's slider step (numerical dI/dV at a bias): one thread, and the
//                view's worker pool; then the Grid view itself in Chromium (gridView.ts): opening,
//                the first dI/dV map, a slider drag, with the page's long tasks;
// next to the numpy/scipy baseline (baseline.py) on the same file. Medians; asserts nothing.
// BENCH_GRID (side, default 256) and BENCH_GRID_POINTS (default 512) change the size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticGrid } from '../../scripts/grid/syntheticGrid.ts';
import { createNodeGridMapPool } from '../../src/main/grid/nodeGridMapPool.ts';
import { resolveRecipe } from '../../src/shared/analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../../src/shared/formats/nanonis3dsCube.ts';
import { biasSliceOfFile } from '../../src/main/grid/sliceFromFile.ts';
import { gridMaps } from '../../src/shared/grid/gridMaps.ts';
import { chooseChannel } from '../../src/shared/grid/gridChannel.ts';
import { didvSlice } from '../../src/shared/grid/didvSlice.ts';
import { createNodeGridViewPool } from '../../src/testing/nodeGridViewPool.ts';
import { measureGridView } from './gridView.ts';
import { median } from '../median.ts';

const SIDE = Number(process.env.BENCH_GRID ?? 256);
const POINTS = Number(process.env.BENCH_GRID_POINTS ?? 512);
const RUNS = 3;
const SLICE_BIAS = -1.0;
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../.data/grid');
const file = join(dataDir, `synthetic-${SIDE}x${SIDE}x${POINTS}.3ds`);

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const fmt = (values: number[]): string =>
  `${median(values).toFixed(3)} s (median of ${values.length}: ${values.map((t) => t.toFixed(3)).join(', ')})`;

if (!existsSync(file)) {
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  writeFileSync(file, syntheticGrid({ seed: 2026, width: SIDE, height: SIDE, points: POINTS }).bytes);
  console.log(`generated ${file} in ${seconds(t0).toFixed(1)} s`);
}
const size = readFileSync(file).length;
console.log(`${SIDE} x ${SIDE} x ${POINTS} points, 2 channels, ${(size / 1e6).toFixed(0)} MB: ${file}`);

const first: number[] = [];
const decode: number[] = [];
let cube = decodeNanonis3dsCube(readFileSync(file), file);
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  biasSliceOfFile(file, 0, SLICE_BIAS, 0.01);
  first.push(seconds(t0));
  const t1 = performance.now();
  cube = decodeNanonis3dsCube(readFileSync(file), file);
  decode.push(seconds(t1));
}
console.log(`TypeScript first map (header + the window's points by positional reads): ${fmt(first)}`);
console.log(`TypeScript read + decode of the whole grid into one Float32Array: ${fmt(decode)}`);

const recipe = resolveRecipe();
const t1 = performance.now();
const single = gridMaps(cube, recipe);
const singleSeconds = seconds(t1);
const found = single.maps.gap.filter(Number.isFinite);
console.log(
  `TypeScript gap map, one thread: ${singleSeconds.toFixed(3)} s (1 run); gap found in ${found.length}/${cube.written}, mean ${(found.reduce((a, b) => a + b, 0) / found.length).toFixed(4)} V`,
);

const pool = createNodeGridMapPool();
const pooled: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  await pool.run(cube, chooseChannel(cube), {});
  pooled.push(seconds(t0));
}
pool.terminate();
console.log(`TypeScript gap map, ${pool.size} workers on ${availableParallelism()} cores: ${fmt(pooled)}`);

// The Grid view's dI/dV map at a bias (one slider step): on one thread, as the UI thread computed
// it before, and in the view's pool (gridViewPool.ts: the channel copied to the workers once).
const channel = chooseChannel(cube);
const didvSingle: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  didvSlice(cube, channel, recipe, SLICE_BIAS + 0.1 * r, 0.01);
  didvSingle.push(seconds(t0));
}
const viewPool = createNodeGridViewPool(availableParallelism());
const loadStart = performance.now();
await viewPool.load(cube, channel);
const loadSeconds = seconds(loadStart);
await viewPool.didvSlice({}, SLICE_BIAS - 0.2, 0.01); // the workers' first (unoptimised) map
const didvPooled: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  await viewPool.didvSlice({}, SLICE_BIAS + 0.1 * r, 0.01);
  didvPooled.push(seconds(t0));
}
viewPool.terminate();
console.log(
  `Grid view dI/dV map at a bias: one thread ${fmt(didvSingle)}; the view's ${viewPool.size} workers ${fmt(didvPooled)} (channel sent once: ${loadSeconds.toFixed(3)} s)`,
);

// The same in the app: the Grid view in Chromium (gridView.ts; BENCH_GRID_VIEW=0 skips it). `serve`
// needs the built renderer (npx electron-vite build).
if (process.env.BENCH_GRID_VIEW !== '0') {
  if (!existsSync(resolve(here, '../../out/renderer/index.html'))) {
    console.log('Grid view in Chromium: skipped, the renderer is not built (npx electron-vite build)');
  } else {
    const view = await measureGridView(resolve(here, '../../bin/sts-workbench.js'), file);
    const tasks = (list: number[]): string => (list.length ? `${list.join(', ')} ms` : 'none');
    console.log(
      `Grid view in Chromium: tab to analysis maps ${(view.openMs / 1000).toFixed(2)} s (long tasks: ${tasks(view.openTasks)}); ` +
        `first dI/dV map ${view.firstDidvMs.toFixed(0)} ms; 5 slider steps 150 ms apart: the last one's map ${view.followMs.toFixed(0)} ms after it (long tasks: ${tasks(view.sliderTasks)}); renderer RSS ${view.rendererRssMb.toFixed(0)} MB`,
    );
  }
}

// The CLI as a user runs it: a new process reads, decodes and maps on its worker threads.
const cliStart = performance.now();
const cli = spawnSync(process.execPath, [resolve(here, '../../bin/sts-workbench.js'), 'map', file], {
  encoding: 'utf8',
});
console.log(
  `sts-workbench map (whole process: start, read, decode, workers; 1 run): ${seconds(cliStart).toFixed(3)} s` +
    (cli.status === 0 ? '' : ` — failed: ${cli.stderr.trim()}`),
);

const python = spawnSync('python3', [join(here, 'baseline.py'), file, String(RUNS), String(SLICE_BIAS)], {
  encoding: 'utf8',
});
if (python.status !== 0) {
  console.log(`numpy/scipy baseline did not run: ${python.stderr.trim().split('\n').at(-1) ?? python.error}`);
} else {
  const baseline = JSON.parse(python.stdout) as {
    firstMap: number;
    gapMap: number;
    gapFound: number;
    gapMean: number;
  };
  console.log(
    `numpy/scipy first map: ${baseline.firstMap.toFixed(3)} s; gap map: ${baseline.gapMap.toFixed(3)} s (medians of ${RUNS}); gap found in ${baseline.gapFound}, mean ${baseline.gapMean.toFixed(4)} V`,
  );
  console.log(
    `ratio TypeScript / numpy: first map ${(median(first) / baseline.firstMap).toFixed(2)}, gap map (pool) ${(median(pooled) / baseline.gapMap).toFixed(2)}`,
  );
}
