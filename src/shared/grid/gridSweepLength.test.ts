// Grid maps against the synthetic grids' truth at coarse and fine sweeps (64–100 and 512 points;
// the other grid tests use 200). On a coarse sweep the Savitzky–Golay window spans 0.6 V and smooths
// the band-edge peak to 0.6–0.75 of the band's tail where the sweep stops: the walk takes the first
// peak inward of such a tail at tailPeakFraction (0.55) of the rise, not bandPeakFraction (0.75).
// Before, about half the particle pixels of a 100-point grid had an edge on the tail, 0.4 V out.
import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../formats/nanonis3dsCube.ts';
import { gridMaps } from './gridMaps.ts';

/** Both edges within 60 mV of the truth, over clean particle pixels and over those with strong in-gap peaks. */
function edgesWithin(
  points: number,
  seed: number,
  recipe = resolveRecipe(),
): { clean: number; defects: number } {
  const grid = syntheticGrid({ seed, points });
  const maps = gridMaps(decodeNanonis3dsCube(grid.bytes, `seed-${seed}.3ds`), recipe);
  const counts = { clean: [0, 0], defects: [0, 0] };
  grid.truth.forEach((truth, pixel) => {
    if (truth.region === 'substrate') return;
    const right = (['vbm', 'cbm'] as const).every(
      (side) => Math.abs(maps.maps[side][pixel]! - truth[side]!) <= 0.06,
    );
    const tally = truth.defect ? counts.defects : counts.clean;
    tally[0]!++;
    if (right) tally[1]!++;
  });
  expect(counts.clean[0]).toBeGreaterThan(500);
  expect(counts.defects[0]).toBeGreaterThan(15);
  return { clean: counts.clean[1]! / counts.clean[0]!, defects: counts.defects[1]! / counts.defects[0]! };
}

describe.each([31, 32, 33])('synthetic grid of seed %i', (seed) => {
  // Measured: 100 % of clean and of defect pixels at 64, 80 and 100 points (100 points: 41–52 %
  // and 50–53 % before the tail rule, defects 81–94 % before the window's 0.5 V limit, which
  // narrows the 15 points to 13, 9 and 7 at 100, 80 and 64 points; 64 and 80: defects 0 % without it).
  it.each([64, 80, 100])(
    '%i-point sweeps: the edges of the clean pixels and beside strong in-gap peaks',
    (points) => {
      const within = edgesWithin(points, seed);
      expect(within.clean).toBeGreaterThanOrEqual(0.98);
      expect(within.defects).toBeGreaterThanOrEqual(0.9);
    },
  );

  // Measured: clean 98.8–99.7 % (96.9–97.5 % before the tail rule); defects 95–100 % (73–86 %
  // before a trap taller than the VB edge peak was kept from joining the band: bandWalkTallTrap.test.ts).
  it('512-point sweeps: the edges of the clean pixels and beside traps taller than the edge peak', () => {
    const within = edgesWithin(512, seed);
    expect(within.clean).toBeGreaterThanOrEqual(0.98);
    expect(within.defects).toBeGreaterThanOrEqual(0.9);
  });
});

describe('512-point sweeps over six grids', () => {
  // A clean pixel's VBM was put on the band's tail, 0.4–0.9 V too deep, when the side's maximum was
  // a noise bump a few samples from the sweep end (the Savitzky–Golay end kernels are up to 3.5×
  // noisier) and the walk took it for the band's peak: 25 of 3,818 clean pixels on seeds 31–36
  // (0.65 %); read as the tail's end (its rise over the end within bandK·σ there), 9 (0.24 %).
  it('puts both edges within 60 mV on 99.6 % of clean pixels', () => {
    let clean = 0;
    let wrong = 0;
    for (const seed of [31, 32, 33, 34, 35, 36]) {
      const grid = syntheticGrid({ seed, points: 512 });
      const maps = gridMaps(decodeNanonis3dsCube(grid.bytes, `seed-${seed}.3ds`), resolveRecipe());
      grid.truth.forEach((truth, pixel) => {
        if (truth.region === 'substrate' || truth.defect) return;
        clean++;
        const right = (['vbm', 'cbm'] as const).every(
          (side) => Math.abs(maps.maps[side][pixel]! - truth[side]!) <= 0.06,
        );
        if (!right) wrong++;
      });
    }
    expect(clean).toBeGreaterThan(3500);
    expect(wrong / clean).toBeLessThanOrEqual(0.004);
  });
});

describe('the tail rule', () => {
  // With the window's full 15 points (0.6 V on 100 points: maxSpan lifted) as before the span
  // limit: 51 % of clean pixels at bandPeakFraction, 100 % with the tail rule. With the limit
  // (13 points, 0.48 V) the rule still matters: 72 % of clean pixels without it on seeds 31–33.
  it('is what finds the coarse grid’s edges: at bandPeakFraction the same grid fails half its pixels', () => {
    const wide = { derivative: { method: 'savgol' as const, window: 15, polyorder: 3, maxSpan: 100 } };
    const strict = resolveRecipe({ ...wide, edges: { tailPeakFraction: 0.75 } });
    expect(edgesWithin(100, 31, strict).clean).toBeLessThan(0.7);
    expect(edgesWithin(100, 31, resolveRecipe(wide)).clean).toBeGreaterThanOrEqual(0.98);
    expect(edgesWithin(100, 31, resolveRecipe({ edges: { tailPeakFraction: 0.75 } })).clean).toBeLessThan(
      0.9,
    );
  });
});
