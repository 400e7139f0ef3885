// The CSV of a grid map names the grid, the map, the app version and, for an analysis map, the
// stored run it came from (its recipe, the app version that made it, when).
import { describe, expect, it } from 'vitest';
import { resolveRecipe } from '../../../shared/analysis/recipe.ts';
import { gridMapCsv, gridMapSvg, gridProvenance } from './gridExport.ts';

describe('grid map CSV provenance', () => {
  it('first line: the grid, map, app version and stored run; then x, y, value per pixel', () => {
    const recipe = { ...resolveRecipe({ edges: { method: 'first-peak' } }), direction: 'forward' as const };
    const run = {
      runId: 7,
      recipe,
      appVersion: '0.0.9',
      createdAt: '2026-11-25T17:00:00.000Z',
      channel: 'Current (A)',
    };
    const provenance = gridProvenance('0.1.0', 'g.3ds', 'Gap Eg', 'V', { colormap: 'viridis' }, run);
    const lines = gridMapCsv(Float64Array.from([1.5, NaN, 2.25, 3]), 2, provenance)
      .trimEnd()
      .split('\n');
    const head = JSON.parse(lines[0]!.slice(2)) as typeof provenance;
    expect(head).toMatchObject({ app: 'STS Workbench', appVersion: '0.1.0', grid: 'g.3ds', map: 'Gap Eg' });
    expect(head.run).toEqual(run);
    expect(head.run?.recipe.edges.method).toBe('first-peak');
    expect(lines.slice(1)).toEqual(['x,y,Gap Eg (V)', '0,0,1.5', '1,0,', '0,1,2.25', '1,1,3']);
  });

  it('a channel slice has no run', () => {
    const provenance = gridProvenance('0.1.0', 'g.3ds', 'Current (A) at -1 V', 'A', { bias: -1 }, null);
    expect(JSON.parse(gridMapCsv(Float64Array.of(1), 1, provenance).split('\n')[0]!.slice(2)).run).toBeNull();
  });
});

describe('grid map SVG colour bar', () => {
  it('round plain ticks at their place on the bar, under a title naming the quantity and prefix', () => {
    const provenance = gridProvenance('0.1.0', 'g.3ds', 'Current at 1 V', 'A', { bias: 1 }, null);
    // 20 × 20 px map drawn 200 px high from y = 24: a value v sits at 24 + (hi − v) / (hi − lo) · 200.
    const svg = gridMapSvg('data:,', 200, 200, { lo: 12e-12, hi: 348e-12 }, 'viridis', 'Current', provenance);
    const ticks = [...svg.matchAll(/<text class="bar-tick" x="[\d.]+" y="([\d.]+)">([^<]*)<\/text>/g)];
    expect(ticks.map((m) => m[2])).toEqual(['50', '100', '150', '200', '250', '300']);
    for (const [, y, label] of ticks) {
      const value = Number(label) * 1e-12;
      // Text baseline 4 px under the tick.
      expect(Number(y) - 4).toBeCloseTo(24 + ((348e-12 - value) / 336e-12) * 200, 0);
    }
    expect(/<text class="bar-title"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1]).toBe('Current (pA)');
  });
});
