import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { resolveRecipe } from '../shared/analysis/index.ts';
import type { SeriesSpot } from '../shared/analysis/detectSeries.ts';
import {
  decodeChunkPlan,
  decodePlans,
  decodeSpots,
  encodeChunkPlan,
  encodePlans,
  encodeSpots,
} from './planColumns.ts';
import { planChunks } from './splitPipeline.ts';

/** Spots with every field's null case: unknown times and positions, grid pixels, string ids. */
function spotsWithGaps(seed: number): Array<SeriesSpot<string>> {
  return syntheticSpectra({ count: 300, points: 16, seed }).map((s, i) => ({
    id: `s${s.id}`,
    fileName: s.fileName,
    time: i % 7 === 0 ? null : s.time,
    x: i % 11 === 0 ? null : s.x,
    y: i % 11 === 0 ? null : s.y,
    sweep: s.sweep,
    gridIndex: i % 13 === 0 ? i : null,
  }));
}

describe('chunk plans made in a worker travel as columns', () => {
  it('spots and plans come back equal to what planChunks makes on this thread', () => {
    for (const seed of [1, 2, 3]) {
      const spots = spotsWithGaps(seed);
      const spotsBack = decodeSpots(encodeSpots(spots));
      expect(spotsBack).toEqual(spots);
      for (const chunkSize of [1, 37, 1000]) {
        const plans = planChunks(spotsBack, resolveRecipe({}), chunkSize);
        const ids = spots.map((s) => s.id);
        expect(decodePlans(encodePlans(plans, ids), ids)).toEqual(
          planChunks(spots, resolveRecipe({}), chunkSize),
        );
      }
    }
  });

  it('numeric ids and series of one file, split by hand, keep their order', () => {
    const spectra = syntheticSpectra({ count: 200, points: 16, seed: 4 });
    const recipe = resolveRecipe({ series: { split: [spectra[1]!.id, spectra[50]!.id] } });
    const plans = planChunks(spectra, recipe, 25);
    const ids = spectra.map((s) => s.id);
    const back = decodePlans(encodePlans(plans, ids), ids);
    expect(back).toEqual(plans);
    expect(back.flatMap((p) => p.series).length).toBeGreaterThan(plans.length);
  });

  it("a chunk plan crosses with its series as positions among the chunk's own spectra", () => {
    for (const seed of [5, 6]) {
      const spots = spotsWithGaps(seed);
      for (const plan of planChunks(spots, resolveRecipe({}), 40)) {
        // The worker knows only the chunk's spectra, packed in plan.indices' order.
        const memberIds = plan.indices.map((i) => spots[i]!.id);
        const columns = structuredClone(encodeChunkPlan(plan, memberIds));
        expect(Math.max(...columns.seriesSpots)).toBeLessThan(memberIds.length);
        expect(decodeChunkPlan(columns, memberIds)).toEqual(plan);
      }
    }
  });
});
