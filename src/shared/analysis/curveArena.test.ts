import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../../bench/analysis/synthetic.ts';
import { aggregateGroups, applyExclusions } from './aggregateGroups.ts';
import { BLOCK_DOUBLES, BlockPool, CurveArena } from './curveArena.ts';
import { mulberry32 } from './random.ts';
import { resolveRecipe } from './recipe.ts';
import { runPipeline, seriesOf } from './runPipeline.ts';
import { analyseSeriesSet } from './seriesStage.ts';

const MB = 1024 * 1024;

/** JSON of a pipeline result with typed arrays as plain arrays (NaN as a string). */
function json(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? 'NaN' : x)) : v,
  );
}

describe('CurveArena', () => {
  it('hands out views that never overlap while they live, across blocks, on several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const arena = new CurveArena(new BlockPool(64 * MB));
      const views: Float64Array[] = [];
      // Lengths up to and over a block, so views straddle block ends and one needs its own block.
      for (let k = 0; k < 300; k++) {
        const n = k === 150 ? BLOCK_DOUBLES + 7 : Math.floor(random() * 3000);
        const view = arena.take(n);
        expect(view.length).toBe(n);
        view.fill(k);
        views.push(view);
      }
      views.forEach((view, k) => expect(view.every((x) => x === k)).toBe(true));
    }
  });

  it('reuses its memory after rewind, and a freed arena’s blocks go to the next arena', () => {
    const pool = new BlockPool(64 * MB);
    const arena = new CurveArena(pool);
    const first = arena.take(512);
    const second = arena.take(BLOCK_DOUBLES); // does not fit the first block: a second one
    expect(arena.bytes()).toBe(2 * BLOCK_DOUBLES * 8);
    arena.rewind();
    const again = arena.take(512);
    expect(again.buffer).toBe(first.buffer);
    expect(again.byteOffset).toBe(first.byteOffset);
    expect(arena.bytes()).toBe(2 * BLOCK_DOUBLES * 8); // no new block
    arena.free();
    expect(arena.bytes()).toBe(0);
    expect(pool.bytes()).toBe(2 * BLOCK_DOUBLES * 8);
    const next = new CurveArena(pool);
    const reused = next.take(100);
    expect([first.buffer, second.buffer]).toContain(reused.buffer);
    expect(pool.bytes()).toBe(BLOCK_DOUBLES * 8);
  });

  it('keeps no more than its cap for reuse', () => {
    const pool = new BlockPool(3 * BLOCK_DOUBLES * 8);
    const arena = new CurveArena(pool);
    for (let k = 0; k < 5; k++) arena.take(BLOCK_DOUBLES);
    arena.free();
    expect(pool.bytes()).toBe(3 * BLOCK_DOUBLES * 8);
  });
});

describe('runPipeline with arenas', () => {
  const spectraOf = (seed: number, backward: boolean) =>
    syntheticSpectra({ count: 300, points: 256, seed, backward, noise: 3e-12 });

  it('gives the numbers of the same stages run with new arrays (several seeds and recipes)', () => {
    for (const seed of [11, 12]) {
      for (const overrides of [{}, { direction: 'mean' as const }, { averageSweeps: 'all' as const }]) {
        const spectra = spectraOf(seed, overrides.direction === 'mean');
        const recipe = resolveRecipe(overrides);
        // The stages composed as runPipeline composes them, without arenas (null).
        const stage = analyseSeriesSet(spectra, seriesOf(spectra, recipe), recipe);
        applyExclusions(stage.spectra, recipe);
        const { groups, comparisons } = aggregateGroups(stage.spectra, stage.kept, recipe, undefined, {
          memberSpread: true,
        });
        const reference = { recipe, spectra: stage.spectra, groups, comparisons, series: stage.series };
        expect(json(runPipeline(spectra, overrides, { memberSpread: true }))).toBe(json(reference));
      }
    }
  });

  it('returns nothing that shares the arenas’ memory: a later run leaves an earlier result unchanged', () => {
    const earlier = runPipeline(spectraOf(21, true), { direction: 'mean' }, { memberSpread: true });
    const before = json(earlier);
    // Other curves (another seed, no backward sweeps): the reused blocks get other numbers.
    runPipeline(spectraOf(22, false), {}, { memberSpread: true });
    expect(json(earlier)).toBe(before);
  });
});
